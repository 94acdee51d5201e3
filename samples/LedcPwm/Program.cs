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
    /// 10-bit duty from the 80 MHz APB clock, channel 0 on that timer, routed to GPIO2 through the GPIO matrix.
    /// Needs a firmware with the NanoRemap interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        private const int LedPin = 2;
        private const uint PinFuncGpio = 2;          // IDF io_mux_reg.h PIN_FUNC_GPIO
        private const uint SigLedcLsOut0 = 79;       // IDF gpio_sig_map.h LEDC_LS_SIG_OUT0_IDX
        private const uint DutyResolutionBits = 10;  // 0..1023
        private const uint Frequency = 5000;         // Hz
        private const uint ApbClock = 80000000;      // Hz, LEDC_APB_CLK

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            BoardMap board = BoardTables.Esp32;
            RegisterBus bus = RegisterBus.CreateHardware(board);

            // 1. The peripheral's bus clock, from the board's clock line (DPORT on the ESP32; SYSTEM on the
            //    S2/S3/C3, PCR on the C5/C6/H2): clock on, then out of reset, unless the firmware's own LEDC driver
            //    already runs it (then nothing changes and NanoRemap does not own it; one InternalCall).
            PeripheralClock clock = board.FindClock("LEDC");
            bus.EnableClock(clock);

            // 2. LEDC: APB clock for the low-speed timers, timer 0 divider and resolution.
            MmioWindow ledc = bus.MapBlock("LEDC");
            ledc.SetField(Esp32.Ledc.CONF, Esp32.Ledc.CONF_APB_CLK_SEL, 1);
            // divider = APB / (f * 2^bits), in Q10.8 fixed point (ledc_ll_set_clock_divider)
            uint divider = (uint)(((ulong)ApbClock << 8) / ((ulong)Frequency << (int)DutyResolutionBits));
            ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_DIV_NUM_LSTIMER0, divider);
            ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES, DutyResolutionBits);
            ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_TICK_SEL_LSTIMER0, 1); // APB/REF_TICK: APB
            ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_RST, 0);
            ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_PARA_UP, 1);   // latch (low-speed)

            // 3. Channel 0 on timer 0, output enabled, hpoint 0.
            ledc.SetField(Esp32.Ledc.LSCH0_CONF0, Esp32.Ledc.LSCH0_CONF0_TIMER_SEL_LSCH0, 0);
            ledc.SetField(Esp32.Ledc.LSCH0_HPOINT, Esp32.Ledc.LSCH0_HPOINT_HPOINT_LSCH0, 0);
            ledc.SetField(Esp32.Ledc.LSCH0_CONF0, Esp32.Ledc.LSCH0_CONF0_SIG_OUT_EN_LSCH0, 1);

            // 4. GPIO2: pad function GPIO, LEDC low-speed channel 0 through the GPIO matrix, output enabled.
            MmioWindow ioMux = bus.MapBlock("IO_MUX");
            ioMux.SetField(Esp32.IoMux.GPIO2, Esp32.IoMux.GPIO2_MCU_SEL, PinFuncGpio);
            MmioWindow gpio = bus.MapBlock("GPIO");
            gpio.Write32(Esp32.Gpio.FUNC2_OUT_SEL_CFG, SigLedcLsOut0);
            gpio.Write32(Esp32.Gpio.ENABLE_W1TS, 1u << LedPin);

            // 5. Fade: the duty register holds duty << 4 (4 fractional bits); DUTY_START and PARA_UP apply it.
            uint max = (1u << (int)DutyResolutionBits) - 1;
            uint duty = 0;
            int step = 16;
            while (true)
            {
                ledc.Write32(Esp32.Ledc.LSCH0_DUTY, duty << 4);
                ledc.SetField(Esp32.Ledc.LSCH0_CONF1, Esp32.Ledc.LSCH0_CONF1_DUTY_START_LSCH0, 1);
                ledc.SetField(Esp32.Ledc.LSCH0_CONF0, Esp32.Ledc.LSCH0_CONF0_PARA_UP_LSCH0, 1);
                Thread.Sleep(10);
                if ((step > 0 && duty + (uint)step > max) || (step < 0 && duty < (uint)(-step)))
                {
                    step = -step;
                }

                duty = (uint)(duty + step);
            }
        }
    }
}
