using NanoRemap.Mmio;
using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>
    /// Register behaviour through <c>RegisterBus.CreateHardware(BoardTables.Esp32)</c>: every access is a real
    /// InternalCall into the NanoRemap.Mmio interop library linked into the posix nanoCLR, whose bus is the simulated
    /// ESP32 (SVD reset values, read-only registers, W1TS/W1TC aliases, reserved gaps, the bit model).
    /// </summary>
    [TestClass]
    public class BehaviourTests
    {
        [TestMethod]
        public void TheBusIsTheHardwareOneAndMapsAtThePhysicalAddress()
        {
            Checks c = new Checks("TheBusIsTheHardwareOneAndMapsAtThePhysicalAddress");
            RegisterBus bus = Board.Bus();
            c.True("IsHardware", bus.IsHardware);
            c.True("no simulator behind it", bus.Simulator == null);
            MmioWindow gpio = bus.MapBlock("GPIO");
            c.Eq("GPIO PhysicalAddress", Esp32.Gpio, gpio.PhysicalAddress);
            c.Eq("GPIO VirtualAddress (identity)", Esp32.Gpio, gpio.VirtualAddress);
            c.Eq("GPIO Size (the board map's block)", bus.Board.Gpio.Size, gpio.Size);
            c.True("the block holds the SVD's GPIO registers (0x5D0 bytes)", gpio.Size >= Esp32.GpioSvdSize);
            c.Done();
        }

        [TestMethod]
        public void RegistersStartAtTheirSvdResetValues()
        {
            Checks c = new Checks("RegistersStartAtTheirSvdResetValues");
            RegisterBus bus = Board.Bus();
            c.Eq("RTC_CNTL.OPTIONS0", 0x1C492000, bus.Read32(Esp32.RtcCntlOptions0));
            c.Eq("TIMG0.T0CONFIG", 0x60002000, bus.Read32(Esp32.Timg0T0Config));
            c.Eq("EFUSE.CONF (read-only by policy, reads work)", 0x00010000, bus.Read32(Esp32.EfuseConf));
            MmioWindow timg = bus.MapBlock("TIMG0");
            c.Eq("TIMG0 window Read32(T0CONFIG)", 0x60002000, timg.Read32(0));
            c.Done();
        }

        [TestMethod]
        public void WriteThenReadBack()
        {
            Checks c = new Checks("WriteThenReadBack");
            RegisterBus bus = Board.Bus();
            MmioWindow gpio = bus.MapBlock("GPIO");
            uint o = gpio.OffsetOf("OUT");
            gpio.Write32(o, 0x5);
            c.Eq("window Read32(OUT)", 0x5, gpio.Read32(o));
            c.Eq("bus Read32(GPIO.OUT)", 0x5, bus.Read32(Esp32.Gpio + o));
            bus.Write32(Esp32.Gpio + o, 0xA0);
            c.Eq("window Read32(OUT) after a bus write", 0xA0, gpio.Read32(o));
            c.Done();
        }

        [TestMethod]
        public void W1tsSetsW1tcClearsAndBothReadZero()
        {
            Checks c = new Checks("W1tsSetsW1tcClearsAndBothReadZero");
            MmioWindow gpio = Board.Bus().MapBlock("GPIO");
            uint o = gpio.OffsetOf("OUT");
            gpio.Write32(o, 0);
            gpio.Write32(gpio.OffsetOf("OUT_W1TS"), 0x6);
            c.Eq("OUT after W1TS 0x6", 0x6, gpio.Read32(o));
            gpio.Write32(gpio.OffsetOf("OUT_W1TC"), 0x2);
            c.Eq("OUT after W1TC 0x2", 0x4, gpio.Read32(o));
            c.Eq("Read32(OUT_W1TS) (write-only alias)", 0, gpio.Read32(gpio.OffsetOf("OUT_W1TS")));
            c.Eq("Read32(OUT_W1TC) (write-only alias)", 0, gpio.Read32(gpio.OffsetOf("OUT_W1TC")));
            gpio.AtomicSet(o, 0x11);
            c.Eq("OUT after AtomicSet 0x11", 0x15, gpio.Read32(o));
            gpio.AtomicClear(o, 0x5);
            c.Eq("OUT after AtomicClear 0x5", 0x10, gpio.Read32(o));
            c.Done();
        }

        [TestMethod]
        public void ModifySetClearToggleAndFields()
        {
            Checks c = new Checks("ModifySetClearToggleAndFields");
            MmioWindow gpio = Board.Bus().MapBlock("GPIO");
            uint o = gpio.OffsetOf("ENABLE");
            gpio.Write32(o, 0x0F);
            c.Eq("Modify returns the old value", 0x0F, gpio.Modify(o, 0x03, 0x30, 0x100));
            c.Eq("after Modify(clear 0x03, set 0x30, toggle 0x100)", 0x13C, gpio.Read32(o));
            gpio.SetBits(o, 0x1);
            c.Eq("SetBits 0x1", 0x13D, gpio.Read32(o));
            gpio.ClearBits(o, 0x100);
            c.Eq("ClearBits 0x100", 0x3D, gpio.Read32(o));
            gpio.ToggleBits(o, 0x5);
            c.Eq("ToggleBits 0x5", 0x38, gpio.Read32(o));
            gpio.SetField(o, 0x7, 4, 0x5);
            c.Eq("SetField(mask 7, shift 4, 5)", 0x58, gpio.Read32(o));
            c.Eq("GetField(mask 7, shift 4)", 0x5, gpio.GetField(o, 0x7, 4));
            c.Done();
        }

        [TestMethod]
        public void ReadOnlyRegisterAndReservedWordsIgnoreWrites()
        {
            Checks c = new Checks("ReadOnlyRegisterAndReservedWordsIgnoreWrites");
            MmioWindow gpio = Board.Bus().MapBlock("GPIO");
            uint input = gpio.OffsetOf("IN");
            uint before = gpio.Read32(input);
            gpio.Write32(input, 0xFFFF);
            c.Eq("GPIO.IN (read-only in the SVD) after a write", before, gpio.Read32(input));

            // words with no SVD register in a block no firmware owns (LEDC: `map LEDC allow`, no register line; in an
            // owned block such as GPIO they are denied: RefusalTests): the gap between LEDC.CONF (+0x190) and LEDC.DATE
            // (+0x1FC), and a word past the SVD's last LEDC register inside the mapped block
            MmioWindow ledc = Board.Bus().MapBlock("LEDC");
            c.True("LEDC+0x" + Esp32.LedcPastLastRegister.ToString("X") + " is inside the mapped LEDC block", ledc.Size > Esp32.LedcPastLastRegister);
            uint[] gaps = new uint[] { Esp32.LedcGap, Esp32.LedcPastLastRegister };
            for (int i = 0; i < gaps.Length; i++)
            {
                ledc.Write32(gaps[i], 0xFFFFFFFF);
                c.Eq("word without a register at LEDC+0x" + gaps[i].ToString("X") + " after writing 0xFFFFFFFF", 0, ledc.Read32(gaps[i]));
            }

            c.Done();
        }

        [TestMethod]
        public void BitsWithoutAFieldKeepTheirValue()
        {
            Checks c = new Checks("BitsWithoutAFieldKeepTheirValue");
            MmioWindow gpio = Board.Bus().MapBlock("GPIO");
            uint o = Esp32.GpioFunc0OutSelCfg - Esp32.Gpio;
            gpio.Write32(o, 0xFFFFF123);
            c.Eq("FUNC0_OUT_SEL_CFG after 0xFFFFF123 (fields in bits 0..11 only)", 0x123, gpio.Read32(o));
            gpio.Write32(o, 0);
            c.Eq("FUNC0_OUT_SEL_CFG after 0", 0, gpio.Read32(o));
            c.Done();
        }
    }
}
