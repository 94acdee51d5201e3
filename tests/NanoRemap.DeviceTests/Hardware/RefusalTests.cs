using NanoRemap.Boards;
using NanoRemap.Mmio;
using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>
    /// Every refusal of the hardware bus on the simulated ESP32 raises InvalidOperationException with the words of the
    /// native core (nr_check_name: misaligned, unmapped, denied, read-only, fifo; clocks: unmapped, not owned) and the address, and touches nothing.
    /// The raw bus calls are refused by the native layer alone; the window's calls by its managed guard or the native
    /// layer, with the same words (docs/mmio.md).
    /// </summary>
    [TestClass]
    public class RefusalTests
    {
        [TestMethod]
        public void DeniedBlocksAndRegistersAreRefused()
        {
            Checks c = new Checks("DeniedBlocksAndRegistersAreRefused");
            RegisterBus bus = Board.Bus();
            c.Refused("bus read of AES (denied block)", Board.Refusal("read", Esp32.Aes, "denied"), () => bus.Read32(Esp32.Aes));
            c.Refused("bus write of AES (denied block)", Board.Refusal("write", Esp32.Aes, "denied"), () => bus.Write32(Esp32.Aes, 1));
            c.Refused("bus read of UART0.FIFO (deny: the console's)", Board.Refusal("read", Esp32.Uart0Fifo, "denied"), () => bus.Read32(Esp32.Uart0Fifo));
            c.Refused("bus write of UART0.FIFO (deny)", Board.Refusal("write", Esp32.Uart0Fifo, "denied"), () => bus.Write32(Esp32.Uart0Fifo, 0x41));
            c.Refused("bus modify of GPIO+0x5C (no register in an owned block)", Board.Refusal("modify", Esp32.GpioGap, "denied"), () => bus.Modify32(Esp32.GpioGap, 0, 1, 0));
            c.Refused("bus read of GPIO+0x5C (no register in an owned block)", Board.Refusal("read", Esp32.GpioGap, "denied"), () => bus.Read32(Esp32.GpioGap));
            MmioWindow uart0 = bus.MapBlock("UART0");
            c.Refused("window Read32 of UART0.FIFO (deny)", Board.Refusal("read", Esp32.Uart0Fifo, "denied"),
                () => uart0.Read32(Esp32.Uart0Fifo - uart0.PhysicalAddress));
            MmioWindow gpio = bus.MapBlock("GPIO");
            c.Refused("window Write32 of GPIO+0x5C (denied)", Board.Refusal("write", Esp32.GpioGap, "denied"),
                () => gpio.Write32(Esp32.GpioGap - gpio.PhysicalAddress, 0xFFFFFFFF));
            c.Done();
        }

        [TestMethod]
        public void ReadOnlyPolicyRefusesWritesAndKeepsTheValue()
        {
            Checks c = new Checks("ReadOnlyPolicyRefusesWritesAndKeepsTheValue");
            RegisterBus bus = Board.Bus();
            uint conf = bus.Read32(Esp32.EfuseConf);
            c.Refused("bus write of EFUSE.CMD (ro)", Board.Refusal("write", Esp32.EfuseCmd, "read-only"), () => bus.Write32(Esp32.EfuseCmd, 2));
            c.Refused("bus modify of EFUSE.CONF (ro)", Board.Refusal("modify", Esp32.EfuseConf, "read-only"), () => bus.Modify32(Esp32.EfuseConf, 0, 0x5A5A, 0));
            MmioWindow efuse = bus.MapBlock("EFUSE");
            c.Refused("window Write32 of EFUSE.CMD (ro)", Board.Refusal("write", Esp32.EfuseCmd, "read-only"), () => efuse.Write32(Esp32.EfuseCmd - Esp32.Efuse, 2));
            c.Eq("EFUSE.CMD untouched", 0, bus.Read32(Esp32.EfuseCmd));
            c.Eq("EFUSE.CONF untouched", conf, bus.Read32(Esp32.EfuseConf));
            c.Done();
        }

        [TestMethod]
        public void MisalignedAndUnmappedAddressesAreRefused()
        {
            Checks c = new Checks("MisalignedAndUnmappedAddressesAreRefused");
            RegisterBus bus = Board.Bus();
            c.True("0x" + Esp32.Unmapped.ToString("X8") + " is in no block of the board map", bus.Board.FindBlock(Esp32.Unmapped) == null);
            c.Refused("bus read of GPIO+2 (misaligned)", Board.Refusal("read", Esp32.Gpio + 2, "misaligned"), () => bus.Read32(Esp32.Gpio + 2));
            c.Refused("bus write of GPIO+5 (misaligned)", Board.Refusal("write", Esp32.Gpio + 5, "misaligned"), () => bus.Write32(Esp32.Gpio + 5, 1));
            c.Refused("bus read of a word in no block", Board.Refusal("read", Esp32.Unmapped, "unmapped"), () => bus.Read32(Esp32.Unmapped));
            c.Refused("bus write of a word in no block", Board.Refusal("write", Esp32.Unmapped, "unmapped"), () => bus.Write32(Esp32.Unmapped, 1));
            c.Done();
        }

        [TestMethod]
        public void PlainFifoReadsAreRefused()
        {
            Checks c = new Checks("PlainFifoReadsAreRefused");
            RegisterBus bus = Board.Bus();
            c.True("UART1.FIFO is a FIFO register of the board", bus.Board.IsFifo(Esp32.Uart1Fifo));
            c.Refused("bus read of UART1.FIFO (errata CPU-3.21)", Board.Refusal("read", Esp32.Uart1Fifo, "fifo"), () => bus.Read32(Esp32.Uart1Fifo));
            MmioWindow uart = bus.MapBlock("UART1");
            c.Refused("window Read32 of UART1.FIFO", Board.Refusal("read", Esp32.Uart1Fifo, "fifo"), () => uart.Read32(Esp32.Uart1Fifo - uart.PhysicalAddress));
            c.Done();
        }

        [TestMethod]
        public void ProtectedBitsAreRefusedAndKept()
        {
            Checks c = new Checks("ProtectedBitsAreRefusedAndKept");
            RegisterBus bus = Board.Bus();
            uint before = bus.Read32(Esp32.DportPeripRstEn);
            c.Refused("bus write setting DPORT.PERIP_RST_EN.SPI01_RST (protect)", Board.Refusal("write", Esp32.DportPeripRstEn, "denied"),
                () => bus.Write32(Esp32.DportPeripRstEn, before | Esp32.Spi01Rst));
            MmioWindow dport = bus.MapBlock("DPORT");
            c.Refused("window SetBits of SPI01_RST (protect)", Board.Refusal("modify", Esp32.DportPeripRstEn, "denied"),
                () => dport.SetBits(Esp32.DportPeripRstEn - dport.PhysicalAddress, Esp32.Spi01Rst));
            c.Eq("DPORT.PERIP_RST_EN untouched", before, bus.Read32(Esp32.DportPeripRstEn));
            c.Done();
        }

        [TestMethod]
        public void ClocksThatAreNotTheBoardsAreRefused()
        {
            Checks c = new Checks("ClocksThatAreNotTheBoardsAreRefused");
            RegisterBus bus = Board.Bus();
            PeripheralClock ledc = bus.Board.FindClock("LEDC");
            PeripheralClock forged = new PeripheralClock("LEDC", ledc.EnableRegister, ledc.EnableMask | Esp32.Spi01Rst, ledc.ResetRegister, ledc.ResetMask, ledc.Index);
            PeripheralClock past = new PeripheralClock("NONE", ledc.EnableRegister, ledc.EnableMask, ledc.ResetRegister, ledc.ResetMask, bus.Board.ClockCount);
            uint clk = bus.Read32(Esp32.DportPeripClkEn);
            uint rst = bus.Read32(Esp32.DportPeripRstEn);
            string forgedWords = "refused clock " + ledc.Index.ToString() + " on esp32: unmapped";
            string pastWords = "refused clock " + bus.Board.ClockCount.ToString() + " on esp32: unmapped";
            c.Refused("EnableClock of a descriptor with other masks", forgedWords, () => bus.EnableClock(forged));
            c.Refused("ResetPeripheral of an index past the clock table", pastWords, () => bus.ResetPeripheral(past));
            c.Eq("DPORT.PERIP_CLK_EN untouched", clk, bus.Read32(Esp32.DportPeripClkEn));
            c.Eq("DPORT.PERIP_RST_EN untouched", rst, bus.Read32(Esp32.DportPeripRstEn));
            c.Done();
        }
    }
}
