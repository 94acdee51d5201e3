using CsCheck;
using NanoRemap.Mm;
using Xunit;

namespace NanoRemap.Tests.Engine;

/// <summary>WARN_ON_ONCE (section 9.10): one latch per site, the line printed once, every hit counted.</summary>
public class WarnOnceTests
{
    private sealed class CountingTracer : IMmTracer
    {
        public readonly int[] First = new int[WarnOnce.SiteCount];
        public readonly int[] All = new int[WarnOnce.SiteCount];

        public void Enter(string function)
        {
        }

        public void Check(string condition, ulong left, ulong right, bool holds)
        {
        }

        public void Assign(string name, ulong value)
        {
        }

        public void Warn(WarnSite site, bool first)
        {
            All[(int)site]++;
            if (first)
            {
                First[(int)site]++;
            }
        }

        public void Leave(string function, int rc)
        {
        }
    }

    [Fact]
    public void Latches_print_the_first_hit_of_each_site_and_count_every_hit()
    {
        Gen.Int[0, WarnOnce.SiteCount - 1].Array[0, 60].Sample(sites =>
        {
            var lines = new List<string>();
            var w = new WarnOnce { Output = lines.Add };
            var seen = new List<int>();
            foreach (int s in sites)
            {
                bool first = w.Hit((WarnSite)s);
                Assert.Equal(!seen.Contains(s), first);
                if (first)
                {
                    seen.Add(s);
                }
            }

            Assert.Equal(seen.Select(s => WarnOnce.LineOf((WarnSite)s)), lines);
            Assert.Equal(sites.Length, w.Total);
            for (int s = 0; s < WarnOnce.SiteCount; s++)
            {
                Assert.Equal(sites.Count(x => x == s), w.Hits((WarnSite)s));
                Assert.Equal(seen.Contains(s), w.IsLatched((WarnSite)s));
            }

            w.Reset();
            Assert.Equal(0, w.Total);
            Assert.All(Enumerable.Range(0, WarnOnce.SiteCount), s => Assert.False(w.IsLatched((WarnSite)s)));
            if (sites.Length > 0)
            {
                Assert.True(w.Hit((WarnSite)sites[0]));
                Assert.Equal(seen.Count + 1, lines.Count);
            }
        });
    }

    [Fact]
    public void Every_site_has_its_own_distinct_line_naming_the_kernel_function()
    {
        string[] lines = Enumerable.Range(0, WarnOnce.SiteCount).Select(s => WarnOnce.LineOf((WarnSite)s)).ToArray();
        Assert.Equal(lines.Length, lines.Distinct().Count());
        Assert.All(lines, l => Assert.StartsWith("WARNING: ", l));
        Assert.Contains("mmap_action_remap", lines[(int)WarnSite.MmapActionRemapStart]);
        Assert.Contains("check_mmap_action", lines[(int)WarnSite.CheckMmapAction]);
        Assert.Contains("remap_pfn_range_internal", lines[(int)WarnSite.RemapPfnRangeEmpty]);
        Assert.Equal(string.Empty, WarnOnce.LineOf((WarnSite)99));
        Assert.Equal(0, new WarnOnce().Hits((WarnSite)99));
    }

    // Triggers one site through the engine; returns the engine call's result.
    private static int Trigger(MmEngine mmu, MmEngine nommu, WarnSite site)
    {
        var d = new VmAreaDesc();
        d.Set(0x10000, 0x12000, 0, VmFlags.SHARED | VmFlags.MAYSHARE, 0);
        var vma = new VmAreaStruct();
        vma.SetFromDesc(d);
        switch (site)
        {
            case WarnSite.MmapActionRemapStart:
                mmu.MmapActionRemap(d, 0x1000, 1, 0x1000);
                return 0;
            case WarnSite.MmapActionRemapEnd:
                mmu.MmapActionRemap(d, 0x11000, 1, 0x2000);
                return 0;
            case WarnSite.CheckMmapAction:
                d.Action.ErrorOverride = 5;
                return mmu.MmapActionPrepare(d);
            case WarnSite.MmapActionPrepareUnknown:
                d.Action.Type = (MmapActionType)9;
                return mmu.MmapActionPrepare(d);
            case WarnSite.MmapActionCompleteUndelegated:
                d.Action.Type = MmapActionType.SimpleIoRemap;
                return mmu.MmapActionComplete(vma, d.Action, false);
            case WarnSite.NommuMmapActionPrepare:
                d.Action.Type = MmapActionType.MapKernelPages;
                return nommu.MmapActionPrepare(d);
            case WarnSite.NommuMmapActionComplete:
                d.Action.Type = MmapActionType.IoRemapPfn;
                return nommu.MmapActionComplete(vma, d.Action, true);
            case WarnSite.RemapPfnRangeUnaligned:
                return mmu.DoRemapPfnRange(vma, 0x10001, 1, 0x1000, 0);
            default:
                return mmu.DoRemapPfnRange(vma, 0x10000, 1, 0, 0); // size 0: addr >= end
        }
    }

    [Fact]
    public void Each_engine_site_prints_once_counts_every_hit_and_still_applies_its_result()
    {
        var printed = new List<string>();
        var mmu = new MmEngine(true, WordModel.Ilp32, 12);
        var nommu = new MmEngine(false, WordModel.Ilp32, 12);
        mmu.Warn.Output = printed.Add;
        nommu.Warn.Output = printed.Add;
        for (int s = 0; s < WarnOnce.SiteCount; s++)
        {
            var site = (WarnSite)s;
            int first = Trigger(mmu, nommu, site);
            int again = Trigger(mmu, nommu, site);
            Assert.Equal(first, again); // the condition and the return value apply every time
            MmEngine owner = site is WarnSite.NommuMmapActionPrepare or WarnSite.NommuMmapActionComplete ? nommu : mmu;
            Assert.Equal(2, owner.Warn.Hits(site));
            Assert.True(owner.Warn.IsLatched(site));
            Assert.Equal(1, printed.Count(l => l == WarnOnce.LineOf(site)));
        }

        Assert.Equal(WarnOnce.SiteCount, printed.Count);
        Assert.Equal(2 * WarnOnce.SiteCount, mmu.Warn.Total + nommu.Warn.Total);
        Assert.Equal(-Errno.EINVAL, Trigger(mmu, nommu, WarnSite.MmapActionCompleteUndelegated));
        Assert.Equal(0, Trigger(mmu, nommu, WarnSite.NommuMmapActionPrepare)); // nommu prepare warns and returns 0
    }

    [Fact]
    public void Complete_shares_one_site_for_io_and_simple_and_nommu_prepare_shares_one_for_all_remap_types()
    {
        var mmu = new MmEngine(true, WordModel.Lp64, 12);
        var nommu = new MmEngine(false, WordModel.Lp64, 12);
        var printed = new List<string>();
        mmu.Warn.Output = printed.Add;
        nommu.Warn.Output = printed.Add;
        var a = new MmapAction { Type = MmapActionType.IoRemapPfn };
        mmu.MmapActionComplete(new VmAreaStruct(), a, false);
        a.Type = MmapActionType.SimpleIoRemap;
        mmu.MmapActionComplete(new VmAreaStruct(), a, false);
        Assert.Equal(2, mmu.Warn.Hits(WarnSite.MmapActionCompleteUndelegated));
        foreach (MmapActionType t in new[] { MmapActionType.RemapPfn, MmapActionType.IoRemapPfn, MmapActionType.SimpleIoRemap, MmapActionType.MapKernelPages })
        {
            var d = new VmAreaDesc();
            d.Action.Type = t;
            nommu.MmapActionPrepare(d);
        }

        Assert.Equal(4, nommu.Warn.Hits(WarnSite.NommuMmapActionPrepare));
        Assert.Equal(2, printed.Count);
    }

    [Fact]
    public void Random_engine_sequences_print_each_site_at_most_once_and_count_every_hit()
    {
        Gen.Select(EngineGen.Kernel, Gen.Int[0, WarnOnce.SiteCount - 1].Array[1, 40]).Sample((kernel, sites) =>
        {
            var printed = new List<string>();
            var tracer = new CountingTracer();
            var mmu = new MmEngine(true, kernel.Word, kernel.PageShift) { Tracer = tracer };
            var nommu = new MmEngine(false, kernel.Word, kernel.PageShift) { Tracer = tracer };
            mmu.Warn.Output = printed.Add;
            nommu.Warn.Output = printed.Add;
            foreach (int s in sites)
            {
                Trigger(mmu, nommu, (WarnSite)s);
            }

            Assert.Equal(printed.Count, printed.Distinct().Count());
            for (int s = 0; s < WarnOnce.SiteCount; s++)
            {
                int hits = mmu.Warn.Hits((WarnSite)s) + nommu.Warn.Hits((WarnSite)s);
                Assert.Equal(tracer.All[s], hits);
                Assert.Equal(hits > 0 ? 1 : 0, tracer.First[s]);
                Assert.Equal(hits > 0 ? 1 : 0, printed.Count(l => l == WarnOnce.LineOf((WarnSite)s)));
            }

            Assert.Equal(tracer.All.Sum(), mmu.Warn.Total + nommu.Warn.Total);
        });
    }
}
