// Licensed under the MIT license. See LICENSE in the project root.
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace LedcPwm
{
    /// <summary>
    /// Fades an LED on GPIO2 with the ESP32's LED PWM controller (LEDC), written the way the IDF's LEDC HAL
    /// writes it (hal/esp32/include/hal/ledc_ll.h), with the typed register definitions of NanoRemap.Esp32
    /// (offsets and fields from the vendor SVD; constants, free on the device): bus clock on and reset off
    /// (the board's clock line: DPORT_PERIP_CLK_EN / DPORT_PERIP_RST_EN), low-speed timer 0 at 5 kHz with
    /// 10-bit duty from the 80 MHz APB clock, channel 0 on that timer, routed to GPIO2 through the GPIO matrix
    /// (<see cref="LedcFader"/>). Needs a firmware with the NanoRemap interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            BoardMap board = BoardTables.Esp32;
            RegisterBus bus = RegisterBus.CreateHardware(board);
            MmioWindow ledc = LedcFader.Setup(board, bus);
            uint duty = 0;
            int step = 16;
            while (true)
            {
                LedcFader.SetDuty(ledc, duty);
                Thread.Sleep(10);
                duty = LedcFader.Next(duty, ref step);
            }
        }
    }
}
