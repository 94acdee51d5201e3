using CsCheck;
using NanoRemap.Mm;
using NanoRemap.Tooling.Explain;
using Xunit;

namespace NanoRemap.Tests.Engine;

/// <summary>
/// Section 9 of kernel-semantics.md against the engine API directly: union aliasing (9.8), pgprot snapshot
/// timing (9.20), finish order (9.16), merge skipping complete (9.18) and the v1/v2 re-entry variant (9.8).
/// </summary>
public class Section9Tests
{
    private const ulong Start = 0x4000_0000;
    private const ulong End = 0x4000_4000;
    private const ulong Shared = VmFlags.SHARED | VmFlags.MAYSHARE | VmFlags.READ | VmFlags.WRITE;

    private static MmEngine Mmu(WordModel w = WordModel.Ilp32)
    {
        var e = new MmEngine(true, w, 12);
        e.Warn.Output = null;
        return e;
    }

    private static VmAreaDesc Desc(ulong flags = Shared, ulong prot = 0x1234)
    {
        var d = new VmAreaDesc();
        d.Set(Start, End, 0, flags, prot);
        return d;
    }

    // phys, expected pfn, and what the simple_ioremap view of the union reads after delegation, from the C
    // layouts: ilp32 {u32 phys @0; u32 size @4}, lp64 {u64 phys @0; u64 size @8} over remap {start @0,
    // start_pfn @4|8, size @8|16}; ilp32-phys64 (LPAE, little endian) {u64 phys @0; u32 size @8} over
    // remap {u32 start @0; u32 start_pfn @4; u32 size @8}.
    [Theory]
    [InlineData(WordModel.Ilp32, 0x3ff44000UL, 0x3ff44UL, Start, 0x3ff44UL)]
    [InlineData(WordModel.Lp64, 0x1_3ff44000UL, 0x13ff44UL, Start, 0x13ff44UL)]
    [InlineData(WordModel.Ilp32Phys64, 0x1_3ff44000UL, 0x13ff44UL, (0x13ff44UL << 32) | Start, 0x4000UL)]
    public void Simple_ioremap_prepare_delegates_once_and_clobbers_the_union(WordModel w, ulong phys, ulong pfn, ulong clobberedPhys, ulong clobberedSize)
    {
        MmEngine e = Mmu(w);
        VmAreaDesc d = Desc();
        e.MmapActionSimpleIoremap(d, phys, 0x4000);
        Assert.Equal(MmapActionType.SimpleIoRemap, d.Action.Type);
        Assert.Equal(phys, d.Action.SimpleIoremapStartPhysAddr);
        Assert.Equal(0x4000UL, d.Action.SimpleIoremapSize);

        Assert.Equal(0, e.MmapActionPrepare(d));

        Assert.Equal(MmapActionType.RemapPfn, d.Action.Type);
        Assert.Equal(Start, d.Action.RemapStart);
        Assert.Equal(pfn, d.Action.RemapStartPfn);
        Assert.Equal(End - Start, d.Action.RemapSize);
        Assert.Equal(0x1234UL, d.Action.RemapPgprot);
        Assert.Equal(clobberedPhys, d.Action.SimpleIoremapStartPhysAddr);
        Assert.Equal(clobberedSize, d.Action.SimpleIoremapSize);
        Assert.Equal(Shared | VmFlags.REMAP_FLAGS, d.VmFlags);
        Assert.Equal(0UL, d.Pgoff);
        Assert.Equal(0, e.Warn.Total);
    }

    [Theory]
    [InlineData(WordModel.Ilp32)]
    [InlineData(WordModel.Ilp32Phys64)]
    [InlineData(WordModel.Lp64)]
    public void A_failed_simple_prep_leaves_the_action_and_desc_untouched(WordModel w)
    {
        MmEngine e = Mmu(w);
        VmAreaDesc d = Desc();
        e.MmapActionSimpleIoremap(d, 0x3ff44000, 0x1000); // one page for a four-page VMA: does not fit
        Assert.Equal(-Errno.EINVAL, e.MmapActionPrepare(d));
        Assert.Equal(MmapActionType.SimpleIoRemap, d.Action.Type);
        Assert.Equal(0x3ff44000UL, d.Action.SimpleIoremapStartPhysAddr);
        Assert.Equal(0x1000UL, d.Action.SimpleIoremapSize);
        Assert.Equal(Shared, d.VmFlags);
    }

    [Fact]
    public void Remap_snapshots_page_prot_when_the_helper_runs()
    {
        MmEngine e = Mmu();
        VmAreaDesc d = Desc(prot: 0x1);
        e.MmapActionRemapFull(d, 0x3ff44);
        d.PageProt = 0x2; // too late for remap
        Assert.Equal(0, e.MmapActionPrepare(d));
        Assert.Equal(0x1UL, d.Action.RemapPgprot);
    }

    [Fact]
    public void Simple_ioremap_snapshots_page_prot_inside_prepare_so_hook_tweaks_apply()
    {
        MmEngine e = Mmu();
        VmAreaDesc d = Desc(prot: 0x1);
        e.MmapActionSimpleIoremap(d, 0x3ff44000, 0x4000);
        d.PageProt = 0x2; // e.g. pgprot_writecombine after the helper
        Assert.Equal(0, e.MmapActionPrepare(d));
        Assert.Equal(0x2UL, d.Action.RemapPgprot);
    }

    [Theory]
    [InlineData(5, 0x2UL)]
    [InlineData(1, 0x1UL)]
    public void The_snapshot_rule_holds_through_the_mmap_flow(int action, ulong expectedPgprot)
    {
        MmEngine e = Mmu();
        VmAreaDesc d = Desc(prot: 0x1);
        int rc = e.MmapRegion(d, dd =>
        {
            if (action == 5)
            {
                e.MmapActionSimpleIoremap(dd, 0x3ff44000, 0x4000);
            }
            else
            {
                e.MmapActionRemapFull(dd, 0x3ff44);
            }

            dd.PageProt = 0x2;
            return 0;
        }, new VmAreaStruct(), MmapFlow.Normal, out _, out _, out _);
        Assert.Equal(0, rc);
        Assert.Equal(expectedPgprot, d.Action.RemapPgprot);
    }

    [Fact]
    public void Finish_calls_mapped_under_the_rmap_lock_then_unlocks_then_unmaps_and_overrides()
    {
        MmEngine e = Mmu();
        var action = new MmapAction { Type = MmapActionType.Nothing, HideFromRmapUntilComplete = true, ErrorOverride = -5 };
        var vma = new VmAreaStruct { RmapLocked = true };
        bool lockedDuringMapped = false;
        bool unmappedDuringMapped = true;
        vma.Mapped = v =>
        {
            lockedDuringMapped = v.RmapLocked && action.HideFromRmapUntilComplete;
            unmappedDuringMapped = v.Unmapped;
            return -Errno.ENOMEM;
        };

        Assert.Equal(-5, e.MmapActionComplete(vma, action, false));
        Assert.True(lockedDuringMapped);
        Assert.False(unmappedDuringMapped);
        Assert.False(vma.RmapLocked);
        Assert.False(action.HideFromRmapUntilComplete);
        Assert.True(vma.Unmapped);
    }

    [Fact]
    public void Compat_finish_unlocks_but_neither_unmaps_nor_overrides()
    {
        MmEngine e = Mmu();
        var action = new MmapAction { Type = MmapActionType.Nothing, HideFromRmapUntilComplete = true, ErrorOverride = -5 };
        var vma = new VmAreaStruct { RmapLocked = true, Mapped = _ => -Errno.ENOMEM };
        Assert.Equal(-Errno.ENOMEM, e.MmapActionComplete(vma, action, true));
        Assert.False(vma.RmapLocked);
        Assert.False(action.HideFromRmapUntilComplete);
        Assert.False(vma.Unmapped);
    }

    [Fact]
    public void Mapped_runs_only_on_success_and_an_action_error_is_overridden_after_unmap()
    {
        MmEngine e = Mmu();
        VmAreaDesc d = Desc();
        e.MmapActionRemap(d, Start, 0x3ff44, 0); // passes prepare, BUG_ON(addr >= end) at complete
        d.Action.ErrorOverride = -Errno.EACCES;
        Assert.Equal(0, e.MmapActionPrepare(d));
        int mappedCalls = 0;
        var vma = new VmAreaStruct { Mapped = _ => { mappedCalls++; return 0; } };
        vma.SetFromDesc(d);
        Assert.Equal(-Errno.EACCES, e.MmapActionComplete(vma, d.Action, false));
        Assert.Equal(0, mappedCalls);
        Assert.True(vma.Unmapped);
        Assert.Equal(1, e.Warn.Hits(WarnSite.RemapPfnRangeEmpty));
    }

    [Fact]
    public void Hide_from_rmap_through_the_flow_holds_the_lock_on_mmu_and_not_on_the_compat_path()
    {
        foreach (bool mmu in new[] { true, false })
        {
            var e = new MmEngine(mmu, WordModel.Ilp32, 12);
            e.Warn.Output = null;
            bool lockedDuringMapped = !mmu;
            var vma = new VmAreaStruct();
            vma.Mapped = v => { lockedDuringMapped = v.RmapLocked; return 0; };
            int rc = e.MmapRegion(Desc(), dd => { dd.Action.HideFromRmapUntilComplete = true; return 0; }, vma, MmapFlow.Normal, out _, out _, out _);
            Assert.Equal(0, rc);
            Assert.Equal(mmu, lockedDuringMapped);
            Assert.False(vma.RmapLocked);
        }
    }

    [Fact]
    public void A_merged_mapping_skips_complete_and_mapped_on_mmu_only()
    {
        MmEngine mmu = Mmu();
        int mapped = 0;
        var vma = new VmAreaStruct { Mapped = _ => { mapped++; return -Errno.ENOMEM; } };
        VmAreaDesc d = Desc();
        int rc = mmu.MmapRegion(d, dd => { mmu.MmapActionRemapFull(dd, 0x3ff44); return 0; }, vma, MmapFlow.Merged, out int prepare, out int complete, out int ran);
        Assert.Equal(0, rc);
        Assert.Equal(0, prepare);
        Assert.Equal(MmapStep.Prepare, ran);
        Assert.Equal(0, mapped);
        Assert.Equal(Shared | VmFlags.REMAP_FLAGS, d.VmFlags); // prepare did run

        // A prepare error happens before any VMA exists: merged or not, nothing completes.
        rc = mmu.MmapRegion(Desc(), dd => { mmu.MmapActionRemap(dd, 0, 1, 0x1000); return 0; }, vma, MmapFlow.Merged, out prepare, out complete, out ran);
        Assert.Equal(-Errno.EFAULT, rc);
        Assert.Equal(MmapStep.Prepare, ran);

        var nommu = new MmEngine(false, WordModel.Ilp32, 12);
        nommu.Warn.Output = null;
        rc = nommu.MmapRegion(Desc(), null, vma, MmapFlow.Merged, out _, out complete, out ran);
        Assert.Equal(MmapStep.Prepare | MmapStep.Complete, ran);
        Assert.Equal(-Errno.ENOMEM, rc); // the compat path always completes, so ->mapped ran
        Assert.Equal(1, mapped);
    }

    [Fact]
    public void The_v2_reentry_option_gives_the_same_end_state_and_reenters_once()
    {
        var gen = Gen.Select(EngineGen.Word, EngineGen.Value.Array[5], Gen.OneOf<ulong>(0, VmFlags.MAYWRITE, Shared), Gen.OneOf(0, -5, 7));
        gen.Sample((w, v, flags, errorOverride) =>
        {
            (int Rc, string State, int Warns, int PrepareEntries) Run(bool v2)
            {
                var tracer = new ExplainTracer();
                var e = new MmEngine(true, w, 12) { SimpleIoremapReentersPrepare = v2, Tracer = tracer };
                e.Warn.Output = null;
                var d = new VmAreaDesc();
                d.Set(v[0], v[1], v[2], flags, v[3]);
                e.MmapActionSimpleIoremap(d, v[4], v[3]);
                d.Action.ErrorOverride = errorOverride;
                int rc = e.MmapActionPrepare(d);
                MmapAction a = d.Action;
                string state = $"{d.Start} {d.End} {d.Pgoff} {d.VmFlags} {d.PageProt} {a.Type} {a.RemapStart} {a.RemapStartPfn} {a.RemapSize} {a.RemapPgprot} {a.SimpleIoremapStartPhysAddr} {a.SimpleIoremapSize} {a.ErrorOverride}";
                int entries = tracer.Lines.Count(l => l.TrimStart() == "→ mmap_action_prepare");
                return (rc, state, e.Warn.Total, entries);
            }

            var latest = Run(false);
            var v2 = Run(true);
            Assert.Equal(latest.Rc, v2.Rc);
            Assert.Equal(latest.State, v2.State);
            Assert.Equal(latest.Warns, v2.Warns);
            Assert.Equal(1, latest.PrepareEntries);
            Assert.InRange(v2.PrepareEntries, 1, 2); // re-entered at most once, never deeper
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_direct_simple_ioremap_prepare_ends_the_same_on_either_model_and_either_variant(bool v2)
    {
        // simple_ioremap_prepare only exists with an MMU; called directly on a nommu engine it must not
        // wander into the nommu dispatcher when re-entering (v1/v2), so both variants end as REMAP_PFN.
        var e = new MmEngine(false, WordModel.Ilp32, 12) { SimpleIoremapReentersPrepare = v2 };
        e.Warn.Output = null;
        var d = new VmAreaDesc();
        d.Set(0x3FF44000, 0x3FF45000, 0, Shared, 0);
        e.MmapActionSimpleIoremap(d, 0x3FF44000, 0x1000);
        Assert.Equal(0, e.SimpleIoremapPrepare(d));
        Assert.Equal(MmapActionType.RemapPfn, d.Action.Type);
        Assert.Equal(0x3FF44UL, d.Action.RemapStartPfn);
        Assert.Equal(Shared | VmFlags.REMAP_FLAGS, d.VmFlags);
        Assert.Equal(0, e.Warn.Total);
    }

    [Fact]
    public void A_site_outside_the_enum_is_neither_counted_nor_printed()
    {
        var warn = new WarnOnce();
        var lines = new List<string>();
        warn.Output = lines.Add;
        Assert.False(warn.Hit((WarnSite)WarnOnce.SiteCount));
        Assert.False(warn.Hit((WarnSite)(-1)));
        Assert.Equal(0, warn.Total);
        Assert.Empty(lines);
        Assert.True(warn.Hit(WarnSite.CheckMmapAction));
        Assert.Equal(1, warn.Total);
    }
}
