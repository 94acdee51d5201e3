using System;
using NanoRemap.Boards;
using NanoRemap.Mm;
using NanoRemap.Mmio;

namespace NanoRemap.DeviceTests
{
    /// <summary>Code a check expects to throw.</summary>
    public delegate void MmioProbe();

    /// <summary>
    /// The MMIO window checks of the device tests, against a <see cref="RegisterSimulator"/> bus of one board
    /// (the nanoclr emulator has no ESP32 registers, and the firmware's native bus must never be exercised by a
    /// test). Each check returns null when it passes, else one line saying what differs: on the nanoCLR an
    /// uncaught exception prints nothing, so nothing here lets one escape (<see cref="Run"/> catches the rest).
    /// </summary>
    public static class MmioChecks
    {
        /// <summary>The boards every check runs on (the board maps in src/NanoRemap.Mmio/Boards).</summary>
        public static readonly string[] Boards = new string[] { "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };

        /// <summary>The checks, by name, in the order of <see cref="Run"/>.</summary>
        public static readonly string[] Names = new string[]
        {
            "MapsTheGpioBlockAtItsPhysicalAddress",
            "WriteThenReadBack",
            "W1tsSetsW1tcClearsAndBothReadZero",
            "AtomicSetAndClearAreOneStoreEach",
            "SetClearToggleBitsReadModifyWrite",
            "FieldsGetAndSet",
            "ReadOnlyRegisterIgnoresWrites",
            "ReservedGapReadsZeroAndIgnoresWrites",
            "OffsetOutsideTheWindowThrowsBeforeAnyAccess",
            "MisalignedOffsetThrowsBeforeAnyAccess",
            "WindowOutsideTheBoardMapIsRefused",
            "DeniedBlockIsRefused",
            "DefaultWindowThrows",
            "FifoReadIsRefusedOnTheClassicEsp32",
            "NommuRejectsRemapThenMapsDirectly",
            "DirectMapRejectsNonIdentityAndMmu",
            "ModifyIsOneAtomicReadModifyWrite",
            "BlockTransfersMoveWordsInOneCall",
            "FifoIsReadTheSafeWayOnTheClassicEsp32",
            "ClockIsOwnedOnlyWhenNanoRemapTurnsItOn",
            "RefusalsNameTheCheckAndTheAddress",
            "RegisterPolicyIsRefusedBeforeTheBus",
            "HandBuiltModelRunsInterruptsAndGpioLoopback",
        };

        /// <summary>Runs check <paramref name="index"/> of <see cref="Names"/> on one board; never throws.</summary>
        /// <param name="index">0 .. Names.Length - 1.</param>
        /// <param name="board">A board of <see cref="Boards"/>.</param>
        /// <returns>Null when it passes, else the failure, prefixed with board and check name.</returns>
        public static string Run(int index, string board)
        {
            string failure;
            try
            {
                failure = Dispatch(index, new Fixture(board));
            }
            catch (Exception ex)
            {
                failure = "threw " + ex.GetType().FullName + ": " + ex.Message;
            }

            if (failure == null)
            {
                return null;
            }

            string name = index >= 0 && index < Names.Length ? Names[index] : index.ToString();
            return board + " " + name + ": " + failure;
        }

        /// <summary>Runs one check on every board, writing each failure.</summary>
        /// <param name="index">0 .. Names.Length - 1.</param>
        /// <param name="writer">Receives each failure line; null to count only.</param>
        /// <returns>How many boards failed the check.</returns>
        public static int RunOnAllBoards(int index, FailureWriter writer)
        {
            int failed = 0;
            for (int b = 0; b < Boards.Length; b++)
            {
                string failure = Run(index, Boards[b]);
                if (failure != null)
                {
                    failed++;
                    if (writer != null)
                    {
                        writer(failure);
                    }
                }
            }

            return failed;
        }

        private static string Dispatch(int index, Fixture f)
        {
            switch (index)
            {
                case 0: return MapsTheGpioBlockAtItsPhysicalAddress(f);
                case 1: return WriteThenReadBack(f);
                case 2: return W1tsSetsW1tcClearsAndBothReadZero(f);
                case 3: return AtomicSetAndClearAreOneStoreEach(f);
                case 4: return SetClearToggleBitsReadModifyWrite(f);
                case 5: return FieldsGetAndSet(f);
                case 6: return ReadOnlyRegisterIgnoresWrites(f);
                case 7: return ReservedGapReadsZeroAndIgnoresWrites(f);
                case 8: return OffsetOutsideTheWindowThrowsBeforeAnyAccess(f);
                case 9: return MisalignedOffsetThrowsBeforeAnyAccess(f);
                case 10: return WindowOutsideTheBoardMapIsRefused(f);
                case 11: return DeniedBlockIsRefused(f);
                case 12: return DefaultWindowThrows(f);
                case 13: return FifoReadIsRefusedOnTheClassicEsp32(f);
                case 14: return NommuRejectsRemapThenMapsDirectly(f);
                case 15: return DirectMapRejectsNonIdentityAndMmu(f);
                case 16: return ModifyIsOneAtomicReadModifyWrite(f);
                case 17: return BlockTransfersMoveWordsInOneCall(f);
                case 18: return FifoIsReadTheSafeWayOnTheClassicEsp32(f);
                case 19: return ClockIsOwnedOnlyWhenNanoRemapTurnsItOn(f);
                case 20: return RefusalsNameTheCheckAndTheAddress(f);
                case 21: return RegisterPolicyIsRefusedBeforeTheBus(f);
                case 22: return HandBuiltModelRunsInterruptsAndGpioLoopback(f);
                default: return "no check " + index.ToString();
            }
        }

        private static string MapsTheGpioBlockAtItsPhysicalAddress(Fixture f)
        {
            PeripheralBlock gpio = f.Board.Gpio;
            MmioWindow w = f.Gpio;
            string d = null;
            d = Eq(d, "PhysicalAddress", gpio.Base, w.PhysicalAddress);
            d = Eq(d, "VirtualAddress (identity)", gpio.Base, w.VirtualAddress);
            d = Eq(d, "Size", gpio.Size, w.Size);
            d = True(d, "IsMapped", w.IsMapped);
            d = True(d, "Block is GPIO", w.Block == gpio);
            return d;
        }

        private static string WriteThenReadBack(Fixture f)
        {
            uint o = f.Gpio.OffsetOf("OUT");
            f.Gpio.Write32(o, 0x5);
            string d = null;
            d = Eq(d, "Read32(OUT)", 0x5, f.Gpio.Read32(o));
            d = Eq(d, "stored OUT", 0x5, f.Sim.Peek(f.Gpio.PhysicalAddress + o));
            return d;
        }

        private static string W1tsSetsW1tcClearsAndBothReadZero(Fixture f)
        {
            MmioWindow w = f.Gpio;
            uint o = w.OffsetOf("OUT");
            w.Write32(o, 0);
            w.Write32(w.OffsetOf("OUT_W1TS"), 0x6);
            string d = null;
            d = Eq(d, "OUT after W1TS 0x6", 0x6, w.Read32(o));
            w.Write32(w.OffsetOf("OUT_W1TC"), 0x2);
            d = Eq(d, "OUT after W1TC 0x2", 0x4, w.Read32(o));
            d = Eq(d, "Read32(OUT_W1TS)", 0, w.Read32(w.OffsetOf("OUT_W1TS")));
            d = Eq(d, "Read32(OUT_W1TC)", 0, w.Read32(w.OffsetOf("OUT_W1TC")));
            return d;
        }

        private static string AtomicSetAndClearAreOneStoreEach(Fixture f)
        {
            MmioWindow w = f.Gpio;
            uint o = w.OffsetOf("OUT");
            w.Write32(o, 0x1);
            f.Sim.ResetCounters();
            w.AtomicSet(o, 0x10);
            string d = null;
            d = Eq(d, "stored OUT after AtomicSet", 0x11, f.Sim.Peek(w.PhysicalAddress + o));
            w.AtomicClear(o, 0x1);
            d = Eq(d, "stored OUT after AtomicClear", 0x10, f.Sim.Peek(w.PhysicalAddress + o));
            d = Eq(d, "bus writes (one per atomic op)", 2, (uint)f.Sim.Writes);
            d = Eq(d, "bus reads (none: no read-modify-write)", 0, (uint)f.Sim.Reads);
            d = Throws(d, "AtomicSet on a register without a W1TS alias (IN)", typeof(ArgumentException), new AtomicOn(w, w.OffsetOf("IN")).Set);
            return d;
        }

        private static string SetClearToggleBitsReadModifyWrite(Fixture f)
        {
            MmioWindow w = f.Gpio;
            uint o = w.OffsetOf("ENABLE");
            w.Write32(o, 0x0F);
            w.SetBits(o, 0x30);
            string d = null;
            d = Eq(d, "SetBits 0x30", 0x3F, w.Read32(o));
            w.ClearBits(o, 0x03);
            d = Eq(d, "ClearBits 0x03", 0x3C, w.Read32(o));
            w.ToggleBits(o, 0x05);
            d = Eq(d, "ToggleBits 0x05", 0x39, w.Read32(o));
            return d;
        }

        private static string FieldsGetAndSet(Fixture f)
        {
            MmioWindow w = f.Gpio;
            uint o = w.OffsetOf("ENABLE");
            w.Write32(o, 0x0000_0F0F);
            w.SetField(o, 0x7, 4, 0x5);
            string d = null;
            d = Eq(d, "register after SetField(mask 7, shift 4, 5)", 0x0000_0F5F, w.Read32(o));
            d = Eq(d, "GetField(mask 7, shift 4)", 0x5, w.GetField(o, 0x7, 4));
            d = Throws(d, "SetField with a value wider than the mask", typeof(ArgumentOutOfRangeException), new FieldOn(w, o, 0x7, 4, 0x8).Set);
            d = Throws(d, "GetField with a mask that leaves 32 bits", typeof(ArgumentOutOfRangeException), new FieldOn(w, o, 0xFF, 28, 0).Get);
            return d;
        }

        private static string ReadOnlyRegisterIgnoresWrites(Fixture f)
        {
            MmioWindow w = f.Gpio;
            uint o = w.OffsetOf("IN");
            f.Sim.Poke(w.PhysicalAddress + o, 0x1234); // the pins drive GPIO_IN
            int ignored = f.Sim.IgnoredWrites;
            w.Write32(o, 0xFFFF);
            string d = null;
            d = Eq(d, "Read32(IN) after a write", 0x1234, w.Read32(o));
            d = Eq(d, "ignored writes", (uint)ignored + 1, (uint)f.Sim.IgnoredWrites);
            return d;
        }

        private static string ReservedGapReadsZeroAndIgnoresWrites(Fixture f)
        {
            MmioWindow w = f.Gpio;
            PeripheralBlock gpio = f.Board.Gpio;
            for (uint o = 0; o < gpio.Size; o += 4)
            {
                if (gpio.AccessAt(o) != RegisterAccess.Reserved)
                {
                    continue;
                }

                w.Write32(o, 0xFFFFFFFF);
                string d = null;
                d = Eq(d, "Read32 of the reserved word at +0x" + o.ToString("X"), 0, w.Read32(o));
                d = Eq(d, "stored reserved word", 0, f.Sim.Peek(w.PhysicalAddress + o));
                return d;
            }

            return null; // this board's GPIO block has no gap: nothing to check
        }

        private static string OffsetOutsideTheWindowThrowsBeforeAnyAccess(Fixture f)
        {
            MmioWindow w = f.Gpio;
            f.Sim.ResetCounters();
            string d = null;
            d = Throws(d, "Read32(Size)", typeof(ArgumentOutOfRangeException), new AccessOn(w, w.Size).Read);
            d = Throws(d, "Write32(Size + 4)", typeof(ArgumentOutOfRangeException), new AccessOn(w, w.Size + 4).Write);
            d = Throws(d, "Read32(0xFFFFFFFC)", typeof(ArgumentOutOfRangeException), new AccessOn(w, 0xFFFFFFFC).Read);
            d = Eq(d, "registers touched", 0, (uint)(f.Sim.Reads + f.Sim.Writes + f.Sim.Refused));
            return d;
        }

        private static string MisalignedOffsetThrowsBeforeAnyAccess(Fixture f)
        {
            MmioWindow w = f.Gpio;
            f.Sim.ResetCounters();
            string d = null;
            d = Throws(d, "Read32(2)", typeof(ArgumentException), new AccessOn(w, 2).Read);
            d = Throws(d, "Write32(5)", typeof(ArgumentException), new AccessOn(w, 5).Write);
            d = Eq(d, "registers touched", 0, (uint)(f.Sim.Reads + f.Sim.Writes + f.Sim.Refused));
            return d;
        }

        private static string WindowOutsideTheBoardMapIsRefused(Fixture f)
        {
            PeripheralBlock gpio = f.Board.Gpio;
            string d = null;
            d = Throws(d, "Map(0, 4): in no block", typeof(ArgumentOutOfRangeException), new MapOn(f.Bus, 0, 4).Map);
            d = Throws(d, "Map(GPIO base, GPIO size + 4): leaves the block", typeof(ArgumentOutOfRangeException), new MapOn(f.Bus, gpio.Base, gpio.Size + 4).Map);
            d = Throws(d, "Map(GPIO base + 2, 4): misaligned", typeof(ArgumentException), new MapOn(f.Bus, gpio.Base + 2, 4).Map);
            d = Throws(d, "Map(GPIO base, 0): empty", typeof(ArgumentException), new MapOn(f.Bus, gpio.Base, 0).Map);
            return d;
        }

        private static string DeniedBlockIsRefused(Fixture f)
        {
            for (int i = 0; i < f.Board.BlockCount; i++)
            {
                PeripheralBlock b = f.Board.GetBlock(i);
                if (!b.Allowed)
                {
                    string d = null;
                    d = Throws(d, "Map of denied block " + b.Name, typeof(ArgumentException), new MapOn(f.Bus, b.Base, 4).Map);
                    d = Throws(d, "bus read of denied block " + b.Name + " (the native allow-list)", typeof(InvalidOperationException), new BusOn(f.Bus, b.Base).Read);
                    return d;
                }
            }

            return "the board map marks no block as denied (eFuse and other security-sensitive blocks must be)";
        }

        private static string DefaultWindowThrows(Fixture f)
        {
            MmioWindow unmapped = new MmioWindow();
            string d = null;
            d = True(d, "default window IsMapped is false", !unmapped.IsMapped);
            d = Throws(d, "Read32(0) of a default window", typeof(ArgumentException), new AccessOn(unmapped, 0).Read);
            return d;
        }

        private static string FifoReadIsRefusedOnTheClassicEsp32(Fixture f)
        {
            if (f.Board.FifoCount == 0)
            {
                return null; // only the classic ESP32 has the errata CPU-3.21 FIFO registers
            }

            // the first FIFO a driver may read the safe way: UART0's is the firmware's console, denied
            uint fifo = f.Board.GetFifoAddress(0);
            for (int i = 0; i < f.Board.FifoCount; i++)
            {
                if (f.Board.Check(f.Board.GetFifoAddress(i), true) == AccessCheck.Fifo)
                {
                    fifo = f.Board.GetFifoAddress(i);
                    break;
                }
            }

            PeripheralBlock block = f.Board.FindBlock(fifo);
            MmioWindow w = f.Bus.Map(block.Base, block.Size);
            f.Sim.ResetCounters();
            string d = null;
            // refused by the window's guard in managed code, before the bus; the native layer (the simulator playing
            // it) refuses a raw bus read of it again
            d = Throws(d, "Read32 of FIFO " + f.Board.GetFifoName(0), typeof(InvalidOperationException), new AccessOn(w, fifo - block.Base).Read);
            d = Eq(d, "registers read", 0, (uint)f.Sim.Reads);
            d = Eq(d, "refusals by the simulated native layer", 0, (uint)f.Sim.Refused);
            d = Throws(d, "raw bus read of FIFO " + f.Board.GetFifoName(0), typeof(InvalidOperationException), new BusReadOn(f.Bus, fifo).Read);
            d = Eq(d, "registers read after the raw refusal", 0, (uint)f.Sim.Reads);
            d = Eq(d, "refusals by the simulated native layer after the raw read", 1, (uint)f.Sim.Refused);
            return d;
        }

        // The whole no-MMU story: remap is rejected (WARN + -EINVAL), mapping the device directly works.
        private static string NommuRejectsRemapThenMapsDirectly(Fixture f)
        {
            PeripheralBlock gpio = f.Board.Gpio;
            MmEngine mm = MmEngine.CreateNommuIlp32();
            mm.Warn.Output = null;
            VmAreaDesc desc = new VmAreaDesc();
            desc.Set(gpio.Base, gpio.Base + gpio.Size, gpio.Base >> mm.PageShift, VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYSHARE, 0);
            VmAreaStruct vma = new VmAreaStruct();
            int prepare;
            int complete;
            int ran;
            int rc = mm.MmapRegion(desc, new MmapPrepareHook(new SimpleIoremapHook(mm, gpio.Base, gpio.Size).Prepare), vma, MmapFlow.Normal, out prepare, out complete, out ran);
            string d = null;
            d = Eq(d, "mmap rc (simple_ioremap on nommu)", unchecked((uint)-Errno.EINVAL), unchecked((uint)rc));
            d = Eq(d, "steps run (prepare|complete)", (uint)(MmapStep.Prepare | MmapStep.Complete), (uint)ran);
            d = Eq(d, "prepare", 0, unchecked((uint)prepare));
            d = Eq(d, "complete", unchecked((uint)-Errno.EINVAL), unchecked((uint)complete));
            d = Eq(d, "WARN hits", 2, (uint)mm.Warn.Total);

            desc.Set(gpio.Base, gpio.Base + gpio.Size, gpio.Base >> mm.PageShift, desc.VmFlags, 0);
            MmioWindow w = NommuDirectMap.Map(mm, f.Bus, desc, vma);
            d = Eq(d, "direct window address", gpio.Base, w.VirtualAddress);
            d = True(d, "VMA has the remap flags", (vma.VmFlags & VmFlags.REMAP_FLAGS) == VmFlags.REMAP_FLAGS);
            uint o = w.OffsetOf("OUT");
            w.AtomicSet(o, 1u << 2);
            d = Eq(d, "GPIO_OUT after W1TS of pin 2", 1u << 2, f.Sim.Peek(gpio.Base + o));
            w.AtomicClear(o, 1u << 2);
            d = Eq(d, "GPIO_OUT after W1TC of pin 2", 0, f.Sim.Peek(gpio.Base + o));
            return d;
        }

        private static string DirectMapRejectsNonIdentityAndMmu(Fixture f)
        {
            PeripheralBlock gpio = f.Board.Gpio;
            MmEngine nommu = MmEngine.CreateNommuIlp32();
            nommu.Warn.Output = null;
            VmAreaStruct shifted = new VmAreaStruct();
            shifted.VmStart = gpio.Base + 0x1000;
            shifted.VmEnd = gpio.Base + 0x2000;
            shifted.VmPgoff = gpio.Base >> 12; // vm_start != pgoff << PAGE_SHIFT
            VmAreaStruct identity = new VmAreaStruct();
            identity.VmStart = gpio.Base;
            identity.VmEnd = gpio.Base + gpio.Size;
            identity.VmPgoff = gpio.Base >> 12;
            MmEngine mmu = new MmEngine(true, WordModel.Ilp32, 12);
            mmu.Warn.Output = null;
            string d = null;
            d = Throws(d, "direct map of a non-identity VMA", typeof(ArgumentException), new DirectMapOn(nommu, f.Bus, shifted).Map);
            d = Throws(d, "direct map with an MMU engine", typeof(ArgumentException), new DirectMapOn(mmu, f.Bus, identity).Map);
            d = True(d, "identity VMA maps", new DirectMapOn(nommu, f.Bus, identity).TryMap());
            return d;
        }

        // --- comparison helpers: append a difference, never throw ---

        private static string Eq(string diff, string what, uint expected, uint actual)
        {
            if (expected == actual)
            {
                return diff;
            }

            return Append(diff, what + " expected 0x" + expected.ToString("X") + " got 0x" + actual.ToString("X"));
        }

        private static string True(string diff, string what, bool holds)
        {
            return holds ? diff : Append(diff, what + " does not hold");
        }

        // The exact exception type (not a subclass): ArgumentOutOfRangeException is an ArgumentException,
        // and the window documents which one each misuse raises.
        private static string Throws(string diff, string what, Type expected, MmioProbe probe)
        {
            try
            {
                probe();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == expected)
                {
                    return diff;
                }

                return Append(diff, what + " threw " + ex.GetType().FullName + " instead of " + expected.FullName + ": " + ex.Message);
            }

            return Append(diff, what + " did not throw " + expected.FullName);
        }

        private static string Append(string diff, string part)
        {
            return diff == null ? part : diff + "; " + part;
        }

        // A fresh simulated board per check: a bus, its simulator and a window over the GPIO block.
        private sealed class Fixture
        {
            public readonly BoardMap Board;
            public readonly RegisterSimulator Sim;
            public readonly RegisterBus Bus;
            public readonly MmioWindow Gpio;

            public Fixture(string board)
            {
                Board = BoardTables.Get(board); // NanoRemap.Boards: builds and registers the chip's table
                Sim = new RegisterSimulator(Board);
                Bus = RegisterBus.CreateSimulated(Sim);
                Gpio = Bus.MapBlock("GPIO");
            }
        }

        // Device code builds the model by hand (no facts on the device): GPIO OUT / ENABLE / IN named for the loopback
        // model, and an interrupt group over four plain GPIO words (PIN0..PIN3 stand in for INT_RAW / ST / ENA / CLR).
        private static string HandBuiltModelRunsInterruptsAndGpioLoopback(Fixture f)
        {
            PeripheralBlock gpio = f.Board.FindBlock("GPIO");
            uint outReg = gpio.Base + gpio.OffsetOf("OUT");
            uint enable = gpio.Base + gpio.OffsetOf("ENABLE");
            uint input = gpio.Base + gpio.OffsetOf("IN");
            uint raw = gpio.Base + gpio.OffsetOf("PIN0");
            RegisterModel model = new RegisterModel();
            model.AddName("GPIO.OUT", outReg, 0xFFFFFFFF);
            model.AddName("GPIO.ENABLE", enable, 0xFFFFFFFF);
            model.AddName("GPIO.IN", input, 0xFFFFFFFF);
            model.AddName("GPIO.PIN0.DONE_INT_RAW", raw, 1u << 2);
            model.AddInterruptGroup("GPIO", raw, raw + 4, raw + 8, raw + 12);
            model.Add(raw + 4, 0, 0xFFFFFFFF, 0, 0, 0);
            model.Add(raw + 12, 0, 0, 0, 0, 0xFFFFFFFF);
            RegisterSimulator sim = new RegisterSimulator(f.Board, model);
            GpioLoopbackModel loopback = new GpioLoopbackModel();
            sim.Attach(loopback);
            MmioWindow w = RegisterBus.CreateSimulated(sim).MapBlock("GPIO");
            string d = null;
            w.Write32(gpio.OffsetOf("ENABLE_W1TS"), 1u << 2);
            w.Write32(gpio.OffsetOf("OUT_W1TS"), 1u << 2);
            d = Eq(d, "IN follows OUT", 1u << 2, w.Read32(gpio.OffsetOf("IN")) & 0xC);
            loopback.SetInput(3, true);
            d = Eq(d, "IN of a driven input", 0xC, w.Read32(gpio.OffsetOf("IN")) & 0xC);
            sim.Raise("GPIO", "DONE");
            d = Eq(d, "INT_ST without INT_ENA", 0, sim.Read32(raw + 4));
            sim.Write32(raw + 8, 1u << 2);
            d = Eq(d, "INT_ST with INT_ENA", 1u << 2, sim.Read32(raw + 4));
            sim.Write32(raw + 12, 1u << 2);
            d = Eq(d, "INT_RAW after INT_CLR", 0, sim.Read32(raw));
            return d;
        }

        // Every register-level policy run of the board (ro, deny, protect) in an allowed block: refused by the window
        // before the bus is touched; ro registers still read (eFuse).
        private static string RegisterPolicyIsRefusedBeforeTheBus(Fixture f)
        {
            BoardMap map = f.Board;
            string d = null;
            bool sawReadOnly = false;
            for (int i = 0; i < map.PolicyCount; i++)
            {
                uint address;
                uint size;
                uint mask;
                RegisterPolicy kind = map.GetPolicy(i, out address, out size, out mask);
                PeripheralBlock b = map.FindBlock(address);
                if (b == null || !b.Allowed)
                {
                    continue;
                }

                MmioWindow w = f.Bus.MapBlock(b.Name);
                uint o = address - b.Base;
                string at = b.Name + " +0x" + o.ToString("X");
                int reads = f.Sim.Reads;
                int writes = f.Sim.Writes;
                if (kind == RegisterPolicy.Deny)
                {
                    d = Throws(d, "read of denied " + at, typeof(InvalidOperationException), new AccessOn(w, o).Read);
                    d = Throws(d, "write of denied " + at, typeof(InvalidOperationException), new AccessOn(w, o).Write);
                }
                else if (kind == RegisterPolicy.ReadOnly)
                {
                    sawReadOnly = true;
                    w.Read32(o);
                    reads++;
                    d = Throws(d, "write of read-only " + at, typeof(InvalidOperationException), new AccessOn(w, o).Write);
                }
                else
                {
                    d = Throws(d, "write changing protected bits of " + at, typeof(InvalidOperationException), new ValueOn(w, o, f.Sim.Peek(address) ^ mask).Write);
                }

                d = Eq(d, "bus reads after the refusals at " + at, (uint)reads, (uint)f.Sim.Reads);
                d = Eq(d, "bus writes after the refusals at " + at, (uint)writes, (uint)f.Sim.Writes);
            }

            d = True(d, "the board has read-only registers (eFuse)", sawReadOnly);
            return d;
        }

        private static string ModifyIsOneAtomicReadModifyWrite(Fixture f)
        {
            MmioWindow w = f.Gpio;
            uint o = w.OffsetOf("ENABLE");
            w.Write32(o, 0xF0F0F0F0);
            f.Sim.ResetCounters();
            string d = null;
            d = Eq(d, "Modify returns the old value", 0xF0F0F0F0, w.Modify(o, 0x000000F0, 0x00000003, 0x80000000));
            d = Eq(d, "((old & ~clear) | set) ^ toggle", 0x70F0F003, f.Sim.Peek(w.PhysicalAddress + o));
            d = Eq(d, "modifies", 1, (uint)f.Sim.Modifies);
            d = Eq(d, "bus reads (one)", 1, (uint)f.Sim.Reads);
            d = Eq(d, "bus writes (one)", 1, (uint)f.Sim.Writes);
            w.SetField(o, 0xF, 4, 0xA);
            d = Eq(d, "SetField is a modify too", 2, (uint)f.Sim.Modifies);
            d = Eq(d, "register after SetField(0xF, 4, 0xA)", 0x70F0F0A3, f.Sim.Peek(w.PhysicalAddress + o));
            return d;
        }

        private static string BlockTransfersMoveWordsInOneCall(Fixture f)
        {
            // OUT and the word after it, OUT_W1TS, on every board: a block write is two plain stores in order.
            MmioWindow w = f.Gpio;
            uint o = w.OffsetOf("OUT");
            string d = null;
            d = Eq(d, "OUT_W1TS follows OUT", o + 4, w.OffsetOf("OUT_W1TS"));
            uint[] src = new uint[] { 0xAAAA, 0x11, 0x22, 0xBBBB };
            uint[] dst = new uint[4];
            f.Sim.ResetCounters();
            w.WriteBlock(o, src, 1, 2);  // OUT := 0x11, then OUT_W1TS := 0x22 sets bits of OUT
            w.ReadBlock(o, dst, 2, 2);   // OUT, then OUT_W1TS (reads zero)
            d = Eq(d, "dst[2] = OUT", 0x33, dst[2]);
            d = Eq(d, "dst[3] = OUT_W1TS", 0, dst[3]);
            d = Eq(d, "dst[0] untouched", 0, dst[0]);
            d = Eq(d, "bus writes", 2, (uint)f.Sim.Writes);
            d = Eq(d, "bus reads", 2, (uint)f.Sim.Reads);
            d = Throws(d, "ReadBlock leaving the window", typeof(ArgumentOutOfRangeException), new BlockOn(w, w.Size - 4, dst, 0, 2).Read);
            d = Throws(d, "WriteBlock past the buffer", typeof(ArgumentOutOfRangeException), new BlockOn(w, 0, dst, 3, 2).Write);
            d = Eq(d, "bus writes after the refusals", 2, (uint)f.Sim.Writes);
            return d;
        }

        private static string FifoIsReadTheSafeWayOnTheClassicEsp32(Fixture f)
        {
            if (f.Board.FifoCount == 0)
            {
                return null; // only the classic ESP32 has the errata CPU-3.21 FIFO registers
            }

            // the first FIFO a driver may read the safe way: UART0's is the firmware's console, denied
            uint fifo = f.Board.GetFifoAddress(0);
            for (int i = 0; i < f.Board.FifoCount; i++)
            {
                if (f.Board.Check(f.Board.GetFifoAddress(i), true) == AccessCheck.Fifo)
                {
                    fifo = f.Board.GetFifoAddress(i);
                    break;
                }
            }

            PeripheralBlock block = f.Board.FindBlock(fifo);
            MmioWindow w = f.Bus.Map(block.Base, block.Size);
            f.Sim.Poke(fifo, 0x41);
            f.Sim.ResetCounters();
            uint[] buf = new uint[3];
            w.ReadFifo(fifo - block.Base, buf, 0, 3);
            string d = null;
            d = Eq(d, "FIFO words read the safe way", 3, (uint)f.Sim.FifoReads);
            d = Eq(d, "buf[2]", 0x41, buf[2]);
            d = Throws(d, "ReadBlock over the FIFO register", typeof(InvalidOperationException), new BlockOn(w, fifo - block.Base, buf, 0, 2).Read);
            return d;
        }

        private static string ClockIsOwnedOnlyWhenNanoRemapTurnsItOn(Fixture f)
        {
            // The board's first clock-table entry: the firmware receives only the index, so the simulator drives the
            // entry's registers by the firmware's ownership rule (nr_clock): a gated clock NanoRemap enables is its own
            // to disable and reset; a clock the firmware's own driver runs is left alone and refused ("not owned").
            if (f.Board.ClockCount == 0)
            {
                return "the board map has no clock table";
            }

            PeripheralClock clock = f.Board.GetClock(0);
            uint en = clock.EnableRegister;
            uint rst = clock.ResetRegister;
            f.Sim.Poke(en, f.Sim.Peek(en) & ~clock.EnableMask);
            f.Sim.Poke(rst, f.Sim.Peek(rst) | clock.ResetMask);
            string d = null;
            d = Throws(d, "DisableClock of a clock never enabled", typeof(InvalidOperationException), new ClockOn(f.Bus, clock).Disable);
            f.Bus.EnableClock(clock);
            f.Bus.EnableClock(clock);
            d = Eq(d, "clock bits after two enables", clock.EnableMask, f.Sim.Peek(en) & clock.EnableMask);
            d = Eq(d, "reset bits after enable", 0, f.Sim.Peek(rst) & clock.ResetMask);
            d = Eq(d, "owned after enable", 1, f.Sim.IsClockOwned(clock) ? 1u : 0u);
            f.Bus.ResetPeripheral(clock);
            d = Eq(d, "reset pulses of an owned clock", 1, (uint)f.Sim.PeripheralResets);
            f.Bus.DisableClock(clock);
            d = Eq(d, "clock bits after the disable", 0, f.Sim.Peek(en) & clock.EnableMask);
            d = Eq(d, "reset bits after the disable", clock.ResetMask, f.Sim.Peek(rst) & clock.ResetMask);
            d = Throws(d, "a second DisableClock", typeof(InvalidOperationException), new ClockOn(f.Bus, clock).Disable);

            // the firmware's own driver turned the clock on (its LL functions, no reference count): not NanoRemap's
            f.Sim.Poke(en, f.Sim.Peek(en) | clock.EnableMask);
            f.Sim.Poke(rst, f.Sim.Peek(rst) & ~clock.ResetMask);
            f.Bus.EnableClock(clock);
            d = Eq(d, "owned after enabling a running clock", 0, f.Sim.IsClockOwned(clock) ? 1u : 0u);
            d = Throws(d, "DisableClock of the firmware's running clock", typeof(InvalidOperationException), new ClockOn(f.Bus, clock).Disable);
            d = Throws(d, "ResetPeripheral of the firmware's running clock", typeof(InvalidOperationException), new ClockOn(f.Bus, clock).Reset);
            d = Eq(d, "the firmware's clock bits", clock.EnableMask, f.Sim.Peek(en) & clock.EnableMask);
            d = Eq(d, "the firmware's reset bits", 0, f.Sim.Peek(rst) & clock.ResetMask);
            d = Eq(d, "reset pulses after the refusals", 1, (uint)f.Sim.PeripheralResets);
            try
            {
                f.Bus.DisableClock(clock);
            }
            catch (InvalidOperationException e)
            {
                string expected = "refused clock 0 on " + f.Board.Chip + ": not owned";
                if (d == null && e.Message != expected)
                {
                    d = "message '" + e.Message + "', expected '" + expected + "'";
                }
            }

            // A descriptor that is not the board's entry at its index would drive another peripheral on the device.
            MmioWindow w = f.Gpio;
            PeripheralClock standIn = new PeripheralClock("STAND_IN", w.PhysicalAddress + w.OffsetOf("ENABLE"), 0x100,
                w.PhysicalAddress + w.OffsetOf("OUT"), 0x100, 0);
            d = Throws(d, "EnableClock of a descriptor that is not the board's", typeof(InvalidOperationException), new ClockOn(f.Bus, standIn).Enable);
            return d;
        }

        private static string RefusalsNameTheCheckAndTheAddress(Fixture f)
        {
            for (int i = 0; i < f.Board.BlockCount; i++)
            {
                PeripheralBlock b = f.Board.GetBlock(i);
                if (b.Allowed)
                {
                    continue;
                }

                string expected = "refused read of 0x" + b.Base.ToString("X8") + " on " + f.Board.Chip + ": denied";
                try
                {
                    f.Bus.Read32(b.Base);
                }
                catch (InvalidOperationException ex)
                {
                    return ex.Message == expected ? null : "message '" + ex.Message + "', expected '" + expected + "'";
                }

                return "the read of denied block " + b.Name + " was not refused";
            }

            return "the board map marks no block as denied";
        }

        // Probes as small classes (no closures over struct locals): nano-friendly delegates to instance methods.
        private sealed class ValueOn
        {
            private readonly MmioWindow _w;
            private readonly uint _offset;
            private readonly uint _value;

            public ValueOn(MmioWindow w, uint offset, uint value)
            {
                _w = w;
                _offset = offset;
                _value = value;
            }

            public void Write()
            {
                _w.Write32(_offset, _value);
            }
        }

        private sealed class AccessOn
        {
            private readonly MmioWindow _w;
            private readonly uint _offset;

            public AccessOn(MmioWindow w, uint offset)
            {
                _w = w;
                _offset = offset;
            }

            public void Read()
            {
                _w.Read32(_offset);
            }

            public void Write()
            {
                _w.Write32(_offset, 0);
            }
        }

        private sealed class BusReadOn
        {
            private readonly RegisterBus _bus;
            private readonly uint _address;

            public BusReadOn(RegisterBus bus, uint address)
            {
                _bus = bus;
                _address = address;
            }

            public void Read()
            {
                _bus.Read32(_address);
            }
        }

        private sealed class BlockOn
        {
            private readonly MmioWindow _w;
            private readonly uint _offset;
            private readonly uint[] _buffer;
            private readonly int _index;
            private readonly int _count;

            public BlockOn(MmioWindow w, uint offset, uint[] buffer, int index, int count)
            {
                _w = w;
                _offset = offset;
                _buffer = buffer;
                _index = index;
                _count = count;
            }

            public void Read()
            {
                _w.ReadBlock(_offset, _buffer, _index, _count);
            }

            public void Write()
            {
                _w.WriteBlock(_offset, _buffer, _index, _count);
            }
        }

        private sealed class ClockOn
        {
            private readonly RegisterBus _bus;
            private readonly PeripheralClock _clock;

            public ClockOn(RegisterBus bus, PeripheralClock clock)
            {
                _bus = bus;
                _clock = clock;
            }

            public void Enable()
            {
                _bus.EnableClock(_clock);
            }

            public void Disable()
            {
                _bus.DisableClock(_clock);
            }

            public void Reset()
            {
                _bus.ResetPeripheral(_clock);
            }
        }

        private sealed class AtomicOn
        {
            private readonly MmioWindow _w;
            private readonly uint _offset;

            public AtomicOn(MmioWindow w, uint offset)
            {
                _w = w;
                _offset = offset;
            }

            public void Set()
            {
                _w.AtomicSet(_offset, 1);
            }
        }

        private sealed class FieldOn
        {
            private readonly MmioWindow _w;
            private readonly uint _offset;
            private readonly uint _mask;
            private readonly int _shift;
            private readonly uint _value;

            public FieldOn(MmioWindow w, uint offset, uint mask, int shift, uint value)
            {
                _w = w;
                _offset = offset;
                _mask = mask;
                _shift = shift;
                _value = value;
            }

            public void Set()
            {
                _w.SetField(_offset, _mask, _shift, _value);
            }

            public void Get()
            {
                _w.GetField(_offset, _mask, _shift);
            }
        }

        private sealed class MapOn
        {
            private readonly RegisterBus _bus;
            private readonly uint _phys;
            private readonly uint _size;

            public MapOn(RegisterBus bus, uint phys, uint size)
            {
                _bus = bus;
                _phys = phys;
                _size = size;
            }

            public void Map()
            {
                _bus.Map(_phys, _size);
            }
        }

        private sealed class BusOn
        {
            private readonly RegisterBus _bus;
            private readonly uint _address;

            public BusOn(RegisterBus bus, uint address)
            {
                _bus = bus;
                _address = address;
            }

            public void Read()
            {
                _bus.Read32(_address);
            }
        }

        private sealed class DirectMapOn
        {
            private readonly MmEngine _mm;
            private readonly RegisterBus _bus;
            private readonly VmAreaStruct _vma;

            public DirectMapOn(MmEngine mm, RegisterBus bus, VmAreaStruct vma)
            {
                _mm = mm;
                _bus = bus;
                _vma = vma;
            }

            public void Map()
            {
                NommuDirectMap.Map(_mm, _bus, _vma);
            }

            public bool TryMap()
            {
                return NommuDirectMap.Map(_mm, _bus, _vma).IsMapped;
            }
        }

        // A driver's mmap_prepare asking for mmap_action_simple_ioremap of its registers.
        private sealed class SimpleIoremapHook
        {
            private readonly MmEngine _mm;
            private readonly ulong _phys;
            private readonly ulong _size;

            public SimpleIoremapHook(MmEngine mm, ulong phys, ulong size)
            {
                _mm = mm;
                _phys = phys;
                _size = size;
            }

            public int Prepare(VmAreaDesc desc)
            {
                _mm.MmapActionSimpleIoremap(desc, _phys, _size);
                return 0;
            }
        }
    }
}
