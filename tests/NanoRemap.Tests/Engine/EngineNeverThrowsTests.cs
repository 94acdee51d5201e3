using CsCheck;
using NanoRemap.Mm;
using NanoRemap.Tooling.Explain;
using Xunit;

namespace NanoRemap.Tests.Engine;

/// <summary>Random inputs to every engine entry point never throw, and results are 0 or a negative errno.</summary>
public class EngineNeverThrowsTests
{
    private const long Iter = 3000;

    private sealed record Input(
        (bool Mmu, WordModel Word, int PageShift) Kernel,
        ulong[] V,
        MmapActionType Type,
        int Helper,
        int ErrorOverride,
        int MappedRc,
        bool Traced,
        bool V2,
        int Flow);

    private static readonly Gen<Input> Inputs =
        Gen.Select(EngineGen.Kernel, EngineGen.Value.Array[12], EngineGen.ActionType, Gen.Int[0, 8], EngineGen.ErrorOverride, EngineGen.MappedRc, Gen.Bool, Gen.Bool, Gen.Int[0, 15],
            (k, v, t, h, eo, m, tr, v2, f) => new Input(k, v, t, h, eo, m, tr, v2, f));

    private static void Helper(MmEngine e, VmAreaDesc d, Input i)
    {
        ulong[] v = i.V;
        switch (i.Helper)
        {
            case 0: e.MmapActionRemap(d, v[5], v[6], v[7]); break;
            case 1: e.MmapActionRemapFull(d, v[6]); break;
            case 2: e.MmapActionIoremap(d, v[5], v[6], v[7]); break;
            case 3: e.MmapActionIoremapFull(d, v[6]); break;
            case 4: e.MmapActionSimpleIoremap(d, v[8], v[7]); break;
            case 5: e.MmapActionMapKernelPages(d, v[5], v[9]); break;
            case 6: e.MmapActionMapKernelPagesFull(d); break;
            case 7: d.Action.Type = i.Type; break;
            default: break; // NOTHING
        }

        d.Action.ErrorOverride = i.ErrorOverride;
    }

    private static MmEngine Engine(Input i)
    {
        var e = new MmEngine(i.Kernel.Mmu, i.Kernel.Word, i.Kernel.PageShift) { SimpleIoremapReentersPrepare = i.V2 };
        e.Warn.Output = null;
        if (i.Traced)
        {
            e.Tracer = new ExplainTracer();
        }

        return e;
    }

    private static VmAreaDesc Desc(Input i)
    {
        var d = new VmAreaDesc();
        d.Set(i.V[0], i.V[1], i.V[2], i.V[3], i.V[4]);
        return d;
    }

    [Fact]
    public void Prepare_complete_finish_and_the_mmap_flow_never_throw()
    {
        Inputs.Sample(i =>
        {
            MmEngine e = Engine(i);
            VmAreaDesc d = Desc(i);
            Helper(e, d, i);
            bool validOverride = i.ErrorOverride == 0 || Errno.IsErrValue(i.ErrorOverride);

            int check = e.CheckMmapAction(d.Action);
            Assert.True(check == 0 || check == -Errno.EINVAL);
            int prepare = e.MmapActionPrepare(d);
            Assert.True(EngineGen.IsRc(prepare), $"prepare {prepare}");

            var vma = new VmAreaStruct();
            vma.SetFromDesc(d);
            vma.Mapped = _ => i.MappedRc;
            bool compat = (i.Flow & 1) != 0;
            int complete = e.MmapActionComplete(vma, d.Action, compat);
            Assert.True(!validOverride || EngineGen.IsRc(complete), $"complete {complete}");
            int finish = e.MmapActionFinish(vma, d.Action, (int)(i.V[10] % 4096) * -1, compat);
            Assert.True(!validOverride || EngineGen.IsRc(finish), $"finish {finish}");

            VmAreaDesc d2 = Desc(i);
            var vma2 = new VmAreaStruct { Mapped = _ => i.MappedRc };
            int rc = e.MmapRegion(d2, dd => { Helper(e, dd, i); return 0; }, vma2, i.Flow, out int p, out int c, out int ran);
            Assert.True(!validOverride || EngineGen.IsRc(rc), $"mmap {rc}");
            Assert.True((ran & MmapStep.Prepare) == 0 ? p == 0 : EngineGen.IsRc(p));
            Assert.Equal((i.Flow & MmapFlow.SkipPrepare) == 0, (ran & MmapStep.Prepare) != 0);
            if ((ran & MmapStep.Complete) != 0)
            {
                Assert.Equal(rc, c);
            }
            else
            {
                Assert.Equal(0, c);
            }

            // A hook error fails the mmap before prepare: its error is the prepare result, complete does not run.
            Assert.Equal(-Errno.ENODEV, e.MmapRegion(Desc(i), _ => -Errno.ENODEV, new VmAreaStruct(), i.Flow, out p, out c, out ran));
            Assert.Equal(MmapStep.Prepare, ran);
            Assert.Equal(-Errno.ENODEV, p);
        }, iter: Iter);
    }

    [Fact]
    public void The_memory_c_and_nommu_c_entry_points_never_throw()
    {
        Inputs.Sample(i =>
        {
            MmEngine e = Engine(i);
            ulong[] v = i.V;
            ulong pfn = 12345;
            int rc = e.SimpleIoremapPrep(v[0], v[1], v[2], v[3], ref pfn);
            Assert.True(rc == 0 || rc == -Errno.EINVAL);
            Assert.True(rc != 0 || pfn <= e.LongMask);
            Assert.True(rc == 0 || pfn == 12345, "*pfn is written only on success");

            var vma = new VmAreaStruct { VmStart = v[4], VmEnd = v[5], VmPgoff = v[6], VmFlags = v[7], VmPageProt = v[8] };
            Assert.True(EngineGen.IsRc(e.VmIomapMemory(vma, v[9], v[10], ref pfn)));
            Assert.True(EngineGen.IsRc(e.VmIomapMemory(vma, v[9], v[10])));
            Assert.True(EngineGen.IsRc(e.RemapPfnRange(vma, v[0], v[1], v[2], v[3])));
            Assert.True(EngineGen.IsRc(e.IoRemapPfnRange(vma, v[0], v[1], v[2], v[3])));
            Assert.True(EngineGen.IsRc(e.DoRemapPfnRange(vma, v[9], v[10], v[11], v[0])));
            ulong pgoff = v[1];
            Assert.True(EngineGen.IsRc(e.GetRemapPgoff((v[0] & 1) != 0, v[1], v[2], v[3], v[4], v[5], ref pgoff)));

            VmAreaDesc d = Desc(i);
            Helper(e, d, i);
            Assert.True(EngineGen.IsRc(e.RemapPfnRangePrepare(d)));
            Assert.True(EngineGen.IsRc(e.IoRemapPfnRangePrepare(Desc(i))));
            VmAreaDesc s = Desc(i);
            e.MmapActionSimpleIoremap(s, v[8], v[7]);
            Assert.True(EngineGen.IsRc(e.SimpleIoremapPrepare(s)));

            _ = e.VmaDescSize(d) + e.VmaDescPages(d) + e.PageAlign(v[11]);
            _ = e.RangeInVmaDesc(d, v[9], v[10]) | e.IsCowMapping(d);
        }, iter: Iter);
    }

    [Fact]
    public void Null_arguments_are_einval_or_ignored_not_exceptions()
    {
        foreach (WordModel w in new[] { WordModel.Ilp32, WordModel.Ilp32Phys64, WordModel.Lp64 })
        {
            foreach (bool mmu in new[] { false, true })
            {
                var e = new MmEngine(mmu, w, 12);
                e.Warn.Output = null;
                Assert.Equal(-Errno.EINVAL, e.MmapActionPrepare(null));
                Assert.Equal(-Errno.EINVAL, e.CheckMmapAction(null));
                Assert.Equal(-Errno.EINVAL, e.MmapActionComplete(null, new MmapAction(), false));
                Assert.Equal(-Errno.EINVAL, e.MmapActionComplete(new VmAreaStruct(), null, false));
                Assert.Equal(-Errno.EINVAL, e.MmapActionFinish(null, null, 0, false));
                Assert.Equal(-Errno.EINVAL, e.VmIomapMemory(null, 0, 0));
                Assert.Equal(-Errno.EINVAL, e.RemapPfnRange(null, 0, 0, 0, 0));
                Assert.Equal(-Errno.EINVAL, e.RemapPfnRangePrepare(null));
                Assert.Equal(-Errno.EINVAL, e.IoRemapPfnRangePrepare(null));
                Assert.Equal(-Errno.EINVAL, e.SimpleIoremapPrepare(null));
                Assert.Equal(-Errno.EINVAL, e.MmapRegion(null, null, new VmAreaStruct(), 0, out _, out _, out _));
                Assert.Equal(0UL, e.VmaDescSize(null));
                Assert.False(e.RangeInVmaDesc(null, 0, 0));
                Assert.False(e.IsCowMapping(null));
                e.MmapActionRemap(null, 0, 0, 0);
                e.MmapActionRemapFull(null, 0);
                e.MmapActionIoremap(null, 0, 0, 0);
                e.MmapActionIoremapFull(null, 0);
                e.MmapActionSimpleIoremap(null, 0, 0);
                e.MmapActionMapKernelPages(null, 0, 0);
                e.MmapActionMapKernelPagesFull(null);
            }
        }
    }

    [Fact]
    public void The_constructor_rejects_only_out_of_range_word_models_and_page_shifts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MmEngine(true, (WordModel)3, 12));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MmEngine(true, WordModel.Ilp32, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MmEngine(true, WordModel.Ilp32Phys64, 32));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MmEngine(true, WordModel.Lp64, 64));
        Assert.Equal(31, new MmEngine(false, WordModel.Ilp32, 31).PageShift);
        Assert.Equal(63, new MmEngine(false, WordModel.Lp64, 63).PageShift);
    }
}
