using NanoRemap.Mm;
using Xunit;

namespace NanoRemap.Tests.Engine;

/// <summary>
/// The callers of the action engine (<see cref="MmEngine.MmapRegion"/>): which steps ran is kept apart from
/// their results (a result may be int.MinValue), nommu complete honours the caller's is_compat, and the MMU
/// compat flow (compat_vma_mmap: is_compat true, nothing unmapped, no error_override).
/// </summary>
public sealed class MmapFlowTests
{
    private const ulong Start = 0x40000000;
    private const ulong End = 0x40004000;
    private const ulong Flags = 0xbb; // READ|WRITE|SHARED|MAYREAD|MAYWRITE|MAYSHARE
    private const int Both = MmapStep.Prepare | MmapStep.Complete;

    private static MmEngine Engine(bool mmu)
    {
        var e = new MmEngine(mmu, WordModel.Lp64, 12);
        e.Warn.Output = null;
        return e;
    }

    private static VmAreaDesc Desc()
    {
        var d = new VmAreaDesc();
        d.Set(Start, End, 0, Flags, 0);
        return d;
    }

    [Theory]
    [InlineData(true, MmapFlow.Normal)]
    [InlineData(true, MmapFlow.Compat)]
    [InlineData(false, MmapFlow.Normal)]
    [InlineData(false, MmapFlow.Region)]
    public void A_mapped_hook_returning_int_min_is_a_result_that_ran(bool mmu, int flow)
    {
        MmEngine e = Engine(mmu);
        var vma = new VmAreaStruct { Mapped = _ => int.MinValue };
        int rc = e.MmapRegion(Desc(), null, vma, flow, out int prepare, out int complete, out int ran);
        Assert.Equal(int.MinValue, rc);
        Assert.Equal(Both, ran);
        Assert.Equal(0, prepare);
        Assert.Equal(int.MinValue, complete);

        // INT_MIN is not an errno: is_compat decides whether the kernel unmaps (error_override is 0 here).
        bool compat = mmu ? flow == MmapFlow.Compat : flow != MmapFlow.Region;
        Assert.Equal(!compat, vma.Unmapped);
    }

    [Fact]
    public void An_int_min_error_override_replaces_a_failing_undelegated_complete_when_prepare_is_skipped()
    {
        // check_mmap_action would refuse INT_MIN (not IS_ERR_VALUE), but it runs in prepare, which is skipped.
        MmEngine e = Engine(true);
        var vma = new VmAreaStruct();
        int rc = e.MmapRegion(Desc(), d => { e.MmapActionIoremapFull(d, 1); d.Action.ErrorOverride = int.MinValue; return 0; },
            vma, MmapFlow.SkipPrepare, out int prepare, out int complete, out int ran);
        Assert.Equal(int.MinValue, rc);
        Assert.Equal(MmapStep.Complete, ran);
        Assert.Equal(0, prepare);
        Assert.Equal(int.MinValue, complete);
        Assert.True(vma.Unmapped);
        Assert.Equal(1, e.Warn.Hits(WarnSite.MmapActionCompleteUndelegated));
    }

    [Fact]
    public void Nommu_complete_with_is_compat_false_unmaps_and_applies_error_override()
    {
        MmEngine e = Engine(false);
        VmAreaDesc d = Desc();
        e.MmapActionRemapFull(d, 0x40000);
        d.Action.ErrorOverride = -Errno.ENOMEM;
        var vma = new VmAreaStruct();
        vma.SetFromDesc(d);

        Assert.Equal(-Errno.ENOMEM, e.MmapActionComplete(vma, d.Action, isCompat: false));
        Assert.True(vma.Unmapped);

        vma.SetFromDesc(d);
        Assert.Equal(-Errno.EINVAL, e.MmapActionComplete(vma, d.Action, isCompat: true));
        Assert.False(vma.Unmapped);
        Assert.Equal(2, e.Warn.Hits(WarnSite.NommuMmapActionComplete));
    }

    [Fact]
    public void The_nommu_region_flow_reaches_complete_with_is_compat_false()
    {
        MmEngine e = Engine(false);
        var vma = new VmAreaStruct();
        int rc = e.MmapRegion(Desc(), d => { e.MmapActionRemapFull(d, 0x40000); d.Action.ErrorOverride = -Errno.ENOMEM; return 0; },
            vma, MmapFlow.Region, out int prepare, out int complete, out int ran);
        Assert.Equal(-Errno.ENOMEM, rc);
        Assert.Equal(Both, ran);
        Assert.Equal(0, prepare);
        Assert.Equal(-Errno.ENOMEM, complete);
        Assert.True(vma.Unmapped);
    }

    [Fact]
    public void The_mmu_compat_flow_neither_unmaps_nor_overrides_but_region_does()
    {
        // A remap that is not page aligned passes prepare (the range is inside the VMA, not COW) and fails
        // the page-table step with WARN + -EINVAL.
        foreach (int flow in new[] { MmapFlow.Normal, MmapFlow.Compat })
        {
            MmEngine e = Engine(true);
            var vma = new VmAreaStruct();
            int rc = e.MmapRegion(Desc(), d => { e.MmapActionRemap(d, Start + 0x10, 0x40000, 0x1000); d.Action.ErrorOverride = -Errno.ENOMEM; return 0; },
                vma, flow, out int prepare, out int complete, out int ran);
            bool compat = flow == MmapFlow.Compat;
            Assert.Equal(compat ? -Errno.EINVAL : -Errno.ENOMEM, rc);
            Assert.Equal(rc, complete);
            Assert.Equal(Both, ran);
            Assert.Equal(0, prepare);
            Assert.Equal(!compat, vma.Unmapped);
            Assert.Equal(1, e.Warn.Hits(WarnSite.RemapPfnRangeUnaligned));
        }
    }

    [Fact]
    public void The_mmu_compat_flow_clears_hide_from_rmap_and_ignores_merged()
    {
        MmEngine e = Engine(true);
        bool lockedDuringMapped = true;
        int mappedCalls = 0;
        var vma = new VmAreaStruct { Mapped = v => { mappedCalls++; lockedDuringMapped = v.RmapLocked; return 0; } };
        int rc = e.MmapRegion(Desc(), d => { d.Action.HideFromRmapUntilComplete = true; return 0; },
            vma, MmapFlow.Compat | MmapFlow.Merged, out _, out _, out int ran);
        Assert.Equal(0, rc);
        Assert.Equal(Both, ran);
        Assert.Equal(1, mappedCalls);
        Assert.False(lockedDuringMapped);
    }

    [Fact]
    public void The_compat_flow_still_checks_error_override_at_prepare_on_mmu()
    {
        MmEngine e = Engine(true);
        int rc = e.MmapRegion(Desc(), d => { d.Action.ErrorOverride = 1; return 0; },
            new VmAreaStruct(), MmapFlow.Compat, out int prepare, out _, out int ran);
        Assert.Equal(-Errno.EINVAL, rc);
        Assert.Equal(-Errno.EINVAL, prepare);
        Assert.Equal(MmapStep.Prepare, ran);
        Assert.Equal(1, e.Warn.Hits(WarnSite.CheckMmapAction));
    }
}
