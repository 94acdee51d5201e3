using CsCheck;
using NanoRemap.Boards;
using NanoRemap.Mm;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// Fuzzing random windows and offsets on every board: no access ever reaches a register outside the
/// allow-list (the simulated native layer never has to refuse, and every logged access is allowed and
/// inside its window), and nothing but the documented argument exceptions is thrown.
/// </summary>
public class WindowPropertyTests
{
    private sealed record Op(int Kind, uint Offset, uint Value, int Shift);

    private sealed record Case(string Chip, uint Phys, uint Size, bool Direct, ulong VmStart, Op[] Ops)
    {
        public override string ToString() =>
            $"{Chip} phys=0x{Phys:X8} size=0x{Size:X} direct={Direct} vm_start=0x{VmStart:X} ops=[{string.Join(", ", Ops.Select(o => $"{o.Kind}@0x{o.Offset:X}"))}]";
    }

    // Addresses near the interesting places of a board: block edges, FIFO and DPORT registers, anywhere.
    private static Gen<uint> Address(BoardMap map) =>
        Gen.Frequency(
            (4, from i in Gen.Int[0, map.BlockCount - 1]
                from d in Gen.Int[-8, 8]
                from end in Gen.Bool
                let b = map.GetBlock(i)
                select unchecked((uint)((end ? b.End : b.Base) + (long)d * 4))),
            (2, from i in Gen.Int[0, map.BlockCount - 1]
                from o in Gen.UInt[0, 0xFFF]
                select map.GetBlock(i).Base + (o & ~3u)),
            (1, map.FifoCount == 0 ? Gen.Const(map.BusBase) : Gen.Int[0, map.FifoCount - 1].Select(map.GetFifoAddress)),
            (2, from i in Gen.Int[0, map.PolicyCount - 1]
                from d in Gen.Int[-2, 2]
                select unchecked((uint)(PolicyStart(map, i) + (d * 4)))),
            (1, Gen.UInt[map.BusBase, map.BusBase + map.BusSize - 1]),
            (1, Gen.UInt));

    private static uint PolicyStart(BoardMap map, int i)
    {
        map.GetPolicy(i, out uint address, out _, out _);
        return address;
    }

    private static Gen<uint> Size =>
        Gen.Frequency(
            (4, Gen.UInt[1, 1024].Select(n => n * 4)),
            (1, Gen.OneOf(0x1000u, 0x400u, 0x800u, 4u)),
            (1, Gen.UInt));

    private static Gen<Op> Operation =>
        from kind in Gen.Int[0, 9]
        from offset in Gen.Frequency(
            (6, Gen.UInt[0, 0x1010].Select(o => o & ~3u)),
            (1, Gen.UInt[0, 0x1010]),
            (1, Gen.UInt))
        from value in Gen.UInt
        from shift in Gen.Int[-2, 34]
        select new Op(kind, offset, value, shift);

    private static readonly Gen<Case> Cases =
        from chip in Gen.OneOf(BoardMap.Names())
        let map = BoardMap.Get(chip)
        from phys in Address(map)
        from size in Size
        from direct in Gen.Bool
        from relocate in Gen.Frequency((4, Gen.Const(0L)), (1, Gen.Long[-0x2000, 0x2000]))
        from ops in Operation.Array[1, 24]
        select new Case(chip, phys, size, direct, (ulong)((phys & ~0xFFFL) + (relocate & ~0xFFFL)), ops);

    [Fact]
    public void Random_windows_and_offsets_never_leave_the_allow_list_nor_throw_undocumented_exceptions()
    {
        Cases.Sample(Run, iter: 4000);
    }

    private static void Run(Case c)
    {
        BoardMap map = BoardMap.Get(c.Chip);
        var sim = new RegisterSimulator(map);
        RegisterBus bus = RegisterBus.CreateSimulated(sim);
        MmioWindow w;
        if (!Documented(() => Map(c, bus), out w))
        {
            Assert.Equal(0, sim.Reads + sim.Writes + sim.Refused);
            return;
        }

        Assert.Equal(w.PhysicalAddress, w.VirtualAddress);
        int refusals = 0;
        foreach (Op op in c.Ops)
        {
            int writes = sim.Writes;
            int counted = sim.Refused;
            try
            {
                Documented(() => Apply(w, op), out _);
            }
            catch (InvalidOperationException e) when (e.Message.StartsWith("refused ", StringComparison.Ordinal))
            {
                // a per-register refusal (a classic-ESP32 FIFO read, a deny / ro register, a protected bit): by the
                // window's guard before the bus, or by the native layer the simulator plays (counted there); in the
                // native layer's words, and nothing was written
                Assert.Matches(@"^refused (read|write|modify) of 0x[0-9A-F]{8} on " + c.Chip + ": (fifo|denied|read-only)$", e.Message);
                Assert.Equal(writes, sim.Writes);
                Assert.InRange(sim.Refused - counted, 0, 1);
                refusals++;
            }
        }

        // The simulator plays the native layer: it refused nothing but what the window reported as refused.
        Assert.InRange(sim.Refused, 0, refusals);
        for (int i = 0; i < sim.LogCount; i++)
        {
            bool write = sim.GetLogEntry(i, out uint address, out _);
            AccessCheck check = map.Check(address, !write);
            Assert.True(check is AccessCheck.Ok or AccessCheck.Dport, $"{c}: access to 0x{address:X8} was {check}");
            Assert.InRange(address, w.PhysicalAddress, w.PhysicalAddress + w.Size - 4);
            Assert.True(w.Block.Allowed);
        }
    }

    private static MmioWindow Map(Case c, RegisterBus bus)
    {
        if (!c.Direct)
        {
            return bus.Map(c.Phys, c.Size);
        }

        var mm = MmEngine.CreateNommuIlp32();
        var vma = new VmAreaStruct();
        var desc = new VmAreaDesc();
        desc.Set(c.VmStart, c.VmStart + 0x1000, c.Phys >> 12, VmFlags.SHARED, 0);
        vma.SetFromDesc(desc);
        return NommuDirectMap.Map(mm, bus, vma, c.Phys, c.Size);
    }

    private static object Apply(MmioWindow w, Op op)
    {
        switch (op.Kind)
        {
            case 0: return w.Read32(op.Offset);
            case 1: w.Write32(op.Offset, op.Value); break;
            case 2: w.SetBits(op.Offset, op.Value); break;
            case 3: w.ClearBits(op.Offset, op.Value); break;
            case 4: w.ToggleBits(op.Offset, op.Value); break;
            case 5: return w.GetField(op.Offset, op.Value & 0xFF, op.Shift);
            case 6: w.SetField(op.Offset, op.Value & 0xFF, op.Shift, op.Value >> 28); break;
            case 7: w.AtomicSet(op.Offset, op.Value); break;
            case 8: w.AtomicClear(op.Offset, op.Value); break;
            default: return w.OffsetOf("OUT_W1TS");
        }

        return null;
    }

    // Runs f; true with its result, false after a documented exception (ArgumentException and its
    // subclasses, and the window's own board-policy refusal, raised before the bus). Anything else propagates
    // and fails the property.
    private static bool Documented<T>(Func<T> f, out T result)
    {
        try
        {
            result = f();
            return true;
        }
        catch (ArgumentException)
        {
            result = default;
            return false;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("by the board policy", StringComparison.Ordinal))
        {
            result = default;
            return false;
        }
    }
}
