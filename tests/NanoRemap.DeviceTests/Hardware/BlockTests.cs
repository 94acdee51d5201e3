using NanoRemap.Mmio;
using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>
    /// Block transfers (one InternalCall for N consecutive registers): words land in the registers and come back, the
    /// buffer outside [index, index + count) is untouched, and a range that holds one refused word is refused as a
    /// whole before the first access.
    /// </summary>
    [TestClass]
    public class BlockTests
    {
        [TestMethod]
        public void WriteBlockThenReadBlockAndSingleReads()
        {
            Checks c = new Checks("WriteBlockThenReadBlockAndSingleReads");
            MmioWindow gpio = Board.Bus().MapBlock("GPIO");
            uint first = Esp32.GpioFunc0OutSelCfg - Esp32.Gpio;
            uint[] values = new uint[] { 0xDEAD, 0x101, 0x202, 0xFFFFF303, 0x404, 0xDEAD };
            gpio.WriteBlock(first, values, 1, 4);
            c.Eq("FUNC0_OUT_SEL_CFG", 0x101, gpio.Read32(first));
            c.Eq("FUNC1_OUT_SEL_CFG", 0x202, gpio.Read32(first + 4));
            c.Eq("FUNC2_OUT_SEL_CFG (bits 12..31 have no field)", 0x303, gpio.Read32(first + 8));
            c.Eq("FUNC3_OUT_SEL_CFG", 0x404, gpio.Read32(first + 12));
            c.Eq("FUNC4_OUT_SEL_CFG (after the block) untouched", 0, gpio.Read32(first + 16));

            uint[] back = new uint[] { 0xBEEF, 0xBEEF, 0xBEEF, 0xBEEF, 0xBEEF, 0xBEEF };
            gpio.ReadBlock(first, back, 2, 3);
            c.Eq("buffer[1] before the range untouched", 0xBEEF, back[1]);
            c.Eq("buffer[2] = FUNC0", 0x101, back[2]);
            c.Eq("buffer[3] = FUNC1", 0x202, back[3]);
            c.Eq("buffer[4] = FUNC2", 0x303, back[4]);
            c.Eq("buffer[5] after the range untouched", 0xBEEF, back[5]);

            gpio.WriteBlock(first, new uint[] { 0, 0, 0, 0 }, 0, 4);
            c.Eq("FUNC3_OUT_SEL_CFG cleared by a block write", 0, gpio.Read32(first + 12));
            c.Done();
        }

        [TestMethod]
        public void ABlockWithARefusedWordIsRefusedWhole()
        {
            Checks c = new Checks("ABlockWithARefusedWordIsRefusedWhole");
            RegisterBus bus = Board.Bus();

            // GPIO.STATUS1, STATUS1_W1TS, STATUS1_W1TC, then GPIO+0x5C: a word with no register in GPIO, an owned block
            // of board.map, denied to reads and writes
            MmioWindow gpio = bus.MapBlock("GPIO");
            bus.Write32(Esp32.GpioStatus1, 0x11);
            uint status1 = bus.Read32(Esp32.GpioStatus1);
            c.Eq("GPIO.STATUS1 written before the blocks", 0x11, status1);
            uint first = Esp32.GpioStatus1 - gpio.PhysicalAddress;

            uint[] buffer = new uint[] { 0xBEEF, 0xBEEF, 0xBEEF, 0xBEEF };
            c.Refused("ReadBlock over GPIO+0x5C (no register in an owned block: denied)", Board.Refusal("block read", Esp32.GpioGap, "denied"),
                () => gpio.ReadBlock(first, buffer, 0, 4));
            c.Eq("buffer[0] untouched by the refused block read", 0xBEEF, buffer[0]);
            c.Eq("buffer[2] untouched by the refused block read", 0xBEEF, buffer[2]);

            // written, the words would set STATUS1 to 1, set bit 1 through W1TS and clear bits 0..1 through W1TC
            uint[] words = new uint[] { 1, 2, 3, 4 };
            c.Refused("WriteBlock over GPIO+0x5C (denied)", Board.Refusal("block write", Esp32.GpioGap, "denied"),
                () => gpio.WriteBlock(first, words, 0, 4));
            c.Eq("GPIO.STATUS1 (first word, and the W1TS / W1TC words' target) untouched", status1, bus.Read32(Esp32.GpioStatus1));
            bus.Write32(Esp32.GpioStatus1, 0);

            // a read-only register (board.map `ro DPORT.*CACHE_CTRL*`) reads in a block, refuses a block write
            MmioWindow dport = bus.MapBlock("DPORT");
            uint cache = bus.Read32(Esp32.DportProCacheCtrl);
            uint[] two = new uint[] { 0xBEEF, 0xBEEF };
            c.Works("ReadBlock of DPORT.PRO_CACHE_CTRL (ro: reads allowed)", () => dport.ReadBlock(Esp32.DportProCacheCtrl - dport.PhysicalAddress, two, 0, 1));
            c.Eq("buffer[0] = DPORT.PRO_CACHE_CTRL", cache, two[0]);
            c.Refused("WriteBlock of DPORT.PRO_CACHE_CTRL (ro)", Board.Refusal("block write", Esp32.DportProCacheCtrl, "read-only"),
                () => dport.WriteBlock(Esp32.DportProCacheCtrl - dport.PhysicalAddress, words, 0, 1));
            c.Eq("DPORT.PRO_CACHE_CTRL untouched", cache, bus.Read32(Esp32.DportProCacheCtrl));

            MmioWindow efuse = bus.MapBlock("EFUSE");
            c.Refused("WriteBlock into EFUSE (ro)", Board.Refusal("block write", Esp32.EfuseBlk0Wdata0, "read-only"),
                () => efuse.WriteBlock(Esp32.EfuseBlk0Wdata0 - Esp32.Efuse, words, 0, 2));
            c.Eq("EFUSE.BLK0_WDATA0 untouched", 0, bus.Read32(Esp32.EfuseBlk0Wdata0));
            c.Done();
        }
    }
}
