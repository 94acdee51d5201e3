using NanoRemap.Boards;
using NanoRemap.Mmio;
using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>
    /// Peripheral clocks through the native clock call (the board's clock table, by index), which follows ownership:
    /// LEDC's bus clock, off at reset on the simulated ESP32 (DPORT.PERIP_CLK_EN resets to ESP-IDF's 0xF9C1E06F, LEDC_CLK_EN
    /// clear; PERIP_RST_EN to 0), is turned on (NanoRemap then owns it), reset and turned off by NanoRemap, touching only
    /// its own bits; UART1's clock, running at reset (the firmware's), is not NanoRemap's: EnableClock of it changes
    /// nothing and takes no ownership, DisableClock and ResetPeripheral of it are refused ("not owned").
    /// The registers are read, never written directly: their protected bits (board.map `protect`) are the firmware's.
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

            // the other bits of both registers (the firmware's clocks: flash, console, timers, and the drivers') must survive
            uint clk = bus.Read32(Esp32.DportPeripClkEn);
            uint rst = bus.Read32(Esp32.DportPeripRstEn);
            c.Eq("LEDC clock off before", 0, clk & Esp32.LedcBit);
            c.Eq("SPI01_CLK_EN (protected, the flash's) on before", Esp32.Spi01ClkEn, clk & Esp32.Spi01ClkEn);
            uint others = clk & ~Esp32.LedcBit;
            uint otherResets = rst & ~Esp32.LedcBit;

            if (c.Step("EnableClock(LEDC)", () => bus.EnableClock(ledc)))
            {
                c.Eq("PERIP_CLK_EN after EnableClock", others | Esp32.LedcBit, bus.Read32(Esp32.DportPeripClkEn));
                c.Eq("PERIP_RST_EN after EnableClock (out of reset)", otherResets, bus.Read32(Esp32.DportPeripRstEn));
                MmioWindow ledcRegs = bus.MapBlock("LEDC");
                ledcRegs.Write32(Esp32.LedcConf, 1);
                c.Eq("LEDC.CONF written while the clock runs", 1, ledcRegs.Read32(Esp32.LedcConf));
                ledcRegs.Write32(Esp32.LedcConf, 0);
            }

            if (c.Step("ResetPeripheral(LEDC) (owned: NanoRemap enabled it)", () => bus.ResetPeripheral(ledc)))
            {
                c.Eq("PERIP_RST_EN after the reset pulse", otherResets, bus.Read32(Esp32.DportPeripRstEn));
                c.Eq("PERIP_CLK_EN after the reset pulse (still running)", others | Esp32.LedcBit, bus.Read32(Esp32.DportPeripClkEn));
            }

            if (c.Step("DisableClock(LEDC) (owned)", () => bus.DisableClock(ledc)))
            {
                c.Eq("PERIP_CLK_EN after DisableClock", others, bus.Read32(Esp32.DportPeripClkEn));
                c.Eq("PERIP_RST_EN after DisableClock (held in reset)", otherResets | Esp32.LedcBit, bus.Read32(Esp32.DportPeripRstEn));
            }

            c.Done();
        }

        [TestMethod]
        public void ARunningClockIsNotOwned()
        {
            Checks c = new Checks("ARunningClockIsNotOwned");
            RegisterBus bus = Board.Bus();
            PeripheralClock uart1 = bus.Board.FindClock("UART1");
            c.Eq("UART1 enable mask is UART1_CLK_EN", Esp32.Uart1ClkEn, uart1.EnableMask);
            uint clk = bus.Read32(Esp32.DportPeripClkEn);
            uint rst = bus.Read32(Esp32.DportPeripRstEn);
            c.Eq("UART1 clock running before (ESP-IDF's reset value)", Esp32.Uart1ClkEn, clk & Esp32.Uart1ClkEn);

            c.Works("EnableClock(UART1) of a running clock", () => bus.EnableClock(uart1));
            c.Eq("PERIP_CLK_EN after EnableClock of a running clock (unchanged)", clk, bus.Read32(Esp32.DportPeripClkEn));
            c.Eq("PERIP_RST_EN after EnableClock of a running clock (unchanged)", rst, bus.Read32(Esp32.DportPeripRstEn));

            string notOwned = "refused clock " + uart1.Index.ToString() + " on " + Esp32.Chip + ": not owned";
            c.Refused("DisableClock(UART1): enabling a running clock took no ownership", notOwned, () => bus.DisableClock(uart1));
            c.Refused("ResetPeripheral(UART1): not owned", notOwned, () => bus.ResetPeripheral(uart1));
            c.Eq("PERIP_CLK_EN untouched", clk, bus.Read32(Esp32.DportPeripClkEn));
            c.Eq("PERIP_RST_EN untouched", rst, bus.Read32(Esp32.DportPeripRstEn));
            c.Done();
        }
    }
}
