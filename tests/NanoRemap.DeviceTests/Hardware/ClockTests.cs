using NanoRemap.Boards;
using NanoRemap.Mmio;
using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>
    /// Peripheral clocks through the native clock call (the board's clock table, by index): LEDC's bus clock, off at
    /// reset on the simulated ESP32 (DPORT.PERIP_CLK_EN and PERIP_RST_EN reset to 0), is turned on, reset and turned off
    /// by NanoRemap, touching only its own bits.
    /// </summary>
    [TestClass]
    public class ClockTests
    {
        [TestMethod]
        public void EnableResetDisableTouchOnlyTheClocksBits()
        {
            Checks c = new Checks("EnableResetDisableTouchOnlyTheClocksBits");
            RegisterBus bus = Board.Bus();
            PeripheralClock ledc = bus.Board.FindClock("LEDC");
            c.Eq("LEDC enable register is DPORT.PERIP_CLK_EN", Esp32.DportPeripClkEn, ledc.EnableRegister);
            c.Eq("LEDC enable mask is LEDC_CLK_EN", Esp32.LedcBit, ledc.EnableMask);
            c.Eq("LEDC reset register is DPORT.PERIP_RST_EN", Esp32.DportPeripRstEn, ledc.ResetRegister);
            c.Eq("LEDC reset mask is LEDC_RST", Esp32.LedcBit, ledc.ResetMask);

            // other bits of both registers, set by someone else (the firmware's drivers), must survive
            uint others = 1u << 9; // DPORT_PWM0_CLK_EN / PWM0_RST: not LEDC's
            bus.Write32(Esp32.DportPeripClkEn, others);
            bus.Write32(Esp32.DportPeripRstEn, 0);
            c.Eq("LEDC clock off before", 0, bus.Read32(Esp32.DportPeripClkEn) & Esp32.LedcBit);

            if (c.Step("EnableClock(LEDC)", () => bus.EnableClock(ledc)))
            {
                c.Eq("PERIP_CLK_EN after EnableClock", others | Esp32.LedcBit, bus.Read32(Esp32.DportPeripClkEn));
                c.Eq("PERIP_RST_EN after EnableClock (out of reset)", 0, bus.Read32(Esp32.DportPeripRstEn));
                MmioWindow ledcRegs = bus.MapBlock("LEDC");
                ledcRegs.Write32(Esp32.LedcConf, 1);
                c.Eq("LEDC.CONF written while the clock runs", 1, ledcRegs.Read32(Esp32.LedcConf));
            }

            if (c.Step("ResetPeripheral(LEDC)", () => bus.ResetPeripheral(ledc)))
            {
                c.Eq("PERIP_RST_EN after the reset pulse", 0, bus.Read32(Esp32.DportPeripRstEn));
                c.Eq("PERIP_CLK_EN after the reset pulse (still running)", others | Esp32.LedcBit, bus.Read32(Esp32.DportPeripClkEn));
            }

            if (c.Step("DisableClock(LEDC)", () => bus.DisableClock(ledc)))
            {
                c.Eq("PERIP_CLK_EN after DisableClock", others, bus.Read32(Esp32.DportPeripClkEn));
                c.Eq("PERIP_RST_EN after DisableClock (held in reset)", Esp32.LedcBit, bus.Read32(Esp32.DportPeripRstEn));
            }

            bus.Write32(Esp32.DportPeripClkEn, 0);
            bus.Write32(Esp32.DportPeripRstEn, 0);
            c.Done();
        }
    }
}
