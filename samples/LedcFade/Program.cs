// Licensed under the MIT license. See LICENSE in the project root.
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace LedcFade
{
    /// <summary>
    /// Fades an LED on GPIO2 up and down with the ESP32's LEDC hardware fade (<see cref="LedcFadeDriver"/>): low-speed
    /// timer 0 at 5 kHz, 10 bits, channel 0. Needs a firmware with the NanoRemap interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        private const int LedPin = 2;          // the pad of Esp32.IoMux.GPIO2 below
        private const uint Timer = 0;
        private const uint Channel = 0;
        private const uint Bits = 10;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            BoardMap board = BoardTables.Esp32;
            RegisterBus bus = RegisterBus.CreateHardware(board);
            bus.EnableClock(board.FindClock("LEDC"));
            MmioWindow ledc = bus.MapBlock("LEDC");
            bus.MapBlock("IO_MUX").SetField(Esp32.IoMux.GPIO2, Esp32.IoMux.GPIO2_MCU_SEL, Esp32.PIN_FUNC_GPIO);
            LedcFadeDriver.ConfigureTimer(ledc, Timer, 5000, Bits);
            LedcFadeDriver.AttachChannel(ledc, bus.MapBlock("GPIO"), Channel, Timer, LedPin);
            uint max = (1u << (int)Bits) - 1;
            while (true)
            {
                LedcFadeDriver.Fade(ledc, Channel, 0, true, max, 1, 1);      // up in max steps, one a PWM period
                Thread.Sleep(1000);
                LedcFadeDriver.Fade(ledc, Channel, max, false, max, 1, 1);   // and down
                Thread.Sleep(1000);
            }
        }
    }
}
