using NanoRemap.Mm;
using Xunit;

namespace NanoRemap.Tests.Engine;

/// <summary>
/// The engine allocates nothing on its prepare/complete paths (nanoCLR has a small, slow GC): measured with
/// GC.GetAllocatedBytesForCurrentThread over many untraced iterations with a reused desc and VMA.
/// </summary>
public class AllocationTests
{
    private const int Iterations = 2000;

    private sealed class Driver
    {
        private readonly MmEngine _e;

        public Driver(MmEngine e)
        {
            _e = e;
            Hook = HookImpl; // one delegate, made before measuring
            Mapped = MappedImpl;
        }

        public int Action;

        public MmapPrepareHook Hook { get; }

        public VmMappedHook Mapped { get; }

        public void SetAction(VmAreaDesc d)
        {
            switch (Action)
            {
                case 0: break;
                case 1: _e.MmapActionRemap(d, d.Start, 0x3ff44, 0x1000); break;
                case 2: _e.MmapActionRemapFull(d, 0x3ff44); break;
                case 3: _e.MmapActionIoremap(d, d.Start, 0x3ff44, 0x1000); break;
                case 4: _e.MmapActionIoremapFull(d, 0x3ff44); break;
                case 5: _e.MmapActionSimpleIoremap(d, 0x3ff44000, 0x1000); break;
                case 6: _e.MmapActionMapKernelPages(d, d.Start, 1); break;
                case 7: _e.MmapActionMapKernelPagesFull(d); break;
                case 8: d.Action.Type = (MmapActionType)7; break;
                default: _e.MmapActionRemap(d, d.Start + 1, 0x3ff44, 0); break; // WARN paths and an unaligned complete
            }

            d.Action.ErrorOverride = Action == 9 ? -5 : 0;
        }

        private int HookImpl(VmAreaDesc d)
        {
            SetAction(d);
            return 0;
        }

        private static int MappedImpl(VmAreaStruct vma) => 0;
    }

    private static void Run(MmEngine e, Driver driver, VmAreaDesc desc, VmAreaStruct vma)
    {
        for (int a = 0; a < 10; a++)
        {
            driver.Action = a;

            // The two halves, as a caller drives them.
            desc.Set(0x3ff44000, 0x3ff45000, 0, VmFlags.SHARED | VmFlags.MAYSHARE | VmFlags.READ | VmFlags.WRITE, 0x5);
            driver.SetAction(desc);
            if (e.MmapActionPrepare(desc) == 0)
            {
                vma.SetFromDesc(desc);
                vma.Mapped = driver.Mapped;
                e.MmapActionComplete(vma, desc.Action, !e.Mmu);
            }

            // The whole flow, every MmapFlow variant.
            desc.Set(0x3ff44000, 0x3ff45000, 0, VmFlags.MAYWRITE, 0x5);
            e.MmapRegion(desc, driver.Hook, vma, a & 15, out _, out _, out _);

            ulong pfn = 0;
            e.SimpleIoremapPrep(0x1000, 0, 0x3ff44010, 0x1000, ref pfn);
            e.VmIomapMemory(vma, 0x3ff44000, 0x1000, ref pfn);
            e.RemapPfnRange(vma, 0x3ff44000, 0x3ff44, 0x1000, 0);
        }
    }

    [Theory]
    [InlineData(false, WordModel.Ilp32)]
    [InlineData(false, WordModel.Ilp32Phys64)]
    [InlineData(false, WordModel.Lp64)]
    [InlineData(true, WordModel.Ilp32)]
    [InlineData(true, WordModel.Ilp32Phys64)]
    [InlineData(true, WordModel.Lp64)]
    public void Prepare_and_complete_allocate_nothing(bool mmu, WordModel word)
    {
        var e = new MmEngine(mmu, word, 12);
        var lines = new List<string>();
        e.Warn.Output = lines.Add; // the first hits happen in the warm-up; later hits print nothing
        var driver = new Driver(e);
        var desc = new VmAreaDesc();
        var vma = new VmAreaStruct();
        Run(e, driver, desc, vma); // warm-up: JIT, first WARN lines
        Run(e, driver, desc, vma);

        Action loop = () =>
        {
            for (int i = 0; i < Iterations; i++)
            {
                Run(e, driver, desc, vma);
            }
        };
        Assert.Equal(0, Allocations.Least(loop));
        Assert.True(e.Warn.Total > Iterations, "the measured loop went through the WARN paths");
    }
}
