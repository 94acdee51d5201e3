using NanoRemap.Mm;
using NanoRemap.Tooling.Config;

namespace NanoRemap.Tooling.Eval;

/// <summary>
/// Runs an <see cref="EvalCase"/> on a fresh <see cref="MmEngine"/> (fresh WARN latches and counters, as a
/// fresh boot) and returns what the contract prints. WARN lines are collected, never written to the console.
/// </summary>
public static class EvalRunner
{
    /// <summary>Runs one case.</summary>
    /// <param name="c">The case.</param>
    /// <param name="tracer">An optional step tracer (explain).</param>
    /// <param name="simpleIoremapReentersPrepare">Follow the v1/v2 series (re-enter prepare once) instead of latest; same result.</param>
    /// <returns>The result.</returns>
    public static EvalResult Run(EvalCase c, IMmTracer? tracer = null, bool simpleIoremapReentersPrepare = false)
    {
        MmEngine engine = CreateEngine(c);
        var warnLines = new List<string>();
        engine.Warn.Output = warnLines.Add;
        engine.Tracer = tracer;
        engine.SimpleIoremapReentersPrepare = simpleIoremapReentersPrepare;

        EvalResult r;
        if (c.Op == EvalOp.Prep)
        {
            r = RunPrep(engine, c);
        }
        else if (c.Op == EvalOp.Iomap)
        {
            r = RunIomap(engine, c);
        }
        else if (c.Op == EvalOp.RemapPfnRange)
        {
            r = RunRemapPfnRange(engine, c);
        }
        else
        {
            r = RunMmap(engine, c);
        }

        return new EvalResult
        {
            Case = c,
            Rc = r.Rc,
            Pfn = r.Pfn,
            Pgoff = r.Pgoff,
            Flags = r.Flags,
            Prepare = r.Prepare,
            PrepareRan = r.PrepareRan,
            Complete = r.Complete,
            CompleteRan = r.CompleteRan,
            Type = r.Type,
            Warns = engine.Warn.Total,
            WarnLines = warnLines,
        };
    }

    /// <summary>The engine a case runs on: its model, arch and page shift.</summary>
    public static MmEngine CreateEngine(EvalCase c) => new(c.Model == KernelModel.Mmu, c.Arch, c.PageShift);

    private static EvalResult RunPrep(MmEngine engine, EvalCase c)
    {
        ulong pfn = 0;
        int rc = engine.SimpleIoremapPrep(c.Get("vm_len"), c.Get("pgoff"), c.Get("phys"), c.Get("size"), ref pfn);
        return new EvalResult { Case = c, Rc = rc, Pfn = pfn };
    }

    private static VmAreaStruct Vma(EvalCase c) => new()
    {
        VmStart = c.Get("vm_start"),
        VmEnd = c.Get("vm_end"),
        VmPgoff = c.Get("pgoff"),
        VmFlags = c.Get("flags"),
        VmPageProt = c.Get("prot"),
    };

    private static EvalResult RunIomap(MmEngine engine, EvalCase c)
    {
        VmAreaStruct vma = Vma(c);
        ulong pfn = 0;
        int rc = engine.VmIomapMemory(vma, c.Get("phys"), c.Get("len"), ref pfn);
        return new EvalResult { Case = c, Rc = rc, Pfn = pfn, Pgoff = vma.VmPgoff, Flags = vma.VmFlags };
    }

    private static EvalResult RunRemapPfnRange(MmEngine engine, EvalCase c)
    {
        VmAreaStruct vma = Vma(c);
        int rc = engine.RemapPfnRange(vma, c.Get("addr"), c.Get("pfn"), c.Get("size"), c.Get("prot"));
        return new EvalResult { Case = c, Rc = rc, Pgoff = vma.VmPgoff, Flags = vma.VmFlags };
    }

    private static EvalResult RunMmap(MmEngine engine, EvalCase c)
    {
        var desc = new VmAreaDesc
        {
            Start = c.Get("vm_start"),
            End = c.Get("vm_end"),
            Pgoff = c.Get("pgoff"),
            VmFlags = c.Get("flags"),
            PageProt = c.Get("prot"),
        };

        var vma = new VmAreaStruct();
        if (c.Has("mapped_rc"))
        {
            int mappedRc = c.GetInt("mapped_rc");
            vma.Mapped = _ => mappedRc;
        }

        int flow = MmapFlow.Normal;
        if (c.Get("skip_prepare") == 1)
        {
            flow |= MmapFlow.SkipPrepare;
        }

        if (c.Get("merged") == 1)
        {
            flow |= MmapFlow.Merged;
        }

        // Only a flow the model does not take by default needs a flag: compat on MMU, region on nommu.
        if (c.Model == KernelModel.Mmu && c.Flow == EvalFlow.Compat)
        {
            flow |= MmapFlow.Compat;
        }
        else if (c.Model == KernelModel.Nommu && c.Flow == EvalFlow.Region)
        {
            flow |= MmapFlow.Region;
        }

        EvalAction action = c.Action!;
        int errorOverride = c.GetInt("error_override");
        int Hook(VmAreaDesc d)
        {
            SetAction(engine, d, action, c);
            d.Action.ErrorOverride = errorOverride;
            if (errorOverride != 0)
            {
                engine.Tracer?.Assign("action->error_override", unchecked((ulong)(long)errorOverride) & engine.LongMask);
            }

            return 0;
        }

        int rc = engine.MmapRegion(desc, Hook, vma, flow, out int prepare, out int complete, out int ran);
        MmapActionType type = desc.Action.Type;
        bool remap = type == MmapActionType.RemapPfn || type == MmapActionType.IoRemapPfn;
        return new EvalResult
        {
            Case = c,
            Rc = rc,
            Prepare = prepare,
            PrepareRan = (ran & MmapStep.Prepare) != 0,
            Complete = complete,
            CompleteRan = (ran & MmapStep.Complete) != 0,
            Type = type,
            Pfn = remap ? desc.Action.RemapStartPfn : 0,
            Pgoff = desc.Pgoff,
            Flags = desc.VmFlags,
        };
    }

    // These helpers store without tracing (nothing to check); show what they stored, as the hook saw it.
    private static void TraceHelper(MmEngine engine, VmAreaDesc d, string helper, string field1, ulong value1, string field2, ulong value2)
    {
        IMmTracer? t = engine.Tracer;
        if (t == null)
        {
            return;
        }

        t.Enter(helper);
        t.Assign("action->" + field1, value1);
        t.Assign("action->" + field2, value2);
        t.Assign("action->type", (ulong)(uint)(int)d.Action.Type);
        t.Leave(helper, 0);
    }

    // The driver's mmap_prepare hook: one mmap_action_* helper call (or a raw type write).
    private static void SetAction(MmEngine engine, VmAreaDesc d, EvalAction action, EvalCase c)
    {
        switch (action.Name)
        {
            case "nothing":
                break;
            case "remap":
                engine.MmapActionRemap(d, c.Get("start"), c.Get("pfn"), c.Get("size"));
                break;
            case "remap_full":
                engine.MmapActionRemapFull(d, c.Get("pfn"));
                break;
            case "ioremap":
                engine.MmapActionIoremap(d, c.Get("start"), c.Get("pfn"), c.Get("size"));
                break;
            case "ioremap_full":
                engine.MmapActionIoremapFull(d, c.Get("pfn"));
                break;
            case "simple_ioremap":
                engine.MmapActionSimpleIoremap(d, c.Get("phys"), c.Get("size"));
                TraceHelper(engine, d, "mmap_action_simple_ioremap", "simple_ioremap.start_phys_addr", d.Action.SimpleIoremapStartPhysAddr, "simple_ioremap.size", d.Action.SimpleIoremapSize);
                break;
            case "map_kernel_pages":
                engine.MmapActionMapKernelPages(d, c.Get("start"), c.Get("nr_pages"));
                TraceHelper(engine, d, "mmap_action_map_kernel_pages", "map_kernel.start", d.Action.MapKernelStart, "map_kernel.nr_pages", d.Action.MapKernelNrPages);
                break;
            case "map_kernel_pages_full":
                engine.MmapActionMapKernelPagesFull(d);
                TraceHelper(engine, d, "mmap_action_map_kernel_pages_full", "map_kernel.start", d.Action.MapKernelStart, "map_kernel.nr_pages", d.Action.MapKernelNrPages);
                break;
            case "raw":
                d.Action.Type = (MmapActionType)unchecked((int)(uint)c.Get("raw_type"));
                engine.Tracer?.Assign("action->type (written directly)", c.Get("raw_type"));
                break;
            default:
                throw new InvalidOperationException("unhandled action " + action.Name);
        }
    }
}
