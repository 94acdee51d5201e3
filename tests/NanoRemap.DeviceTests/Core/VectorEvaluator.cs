using NanoRemap.Mm;

namespace NanoRemap.DeviceTests
{
    /// <summary>
    /// Runs a <see cref="VectorCase"/> on a fresh <see cref="MmEngine"/> (fresh WARN latches and counters, as
    /// the contract requires) the way <c>nanoremap eval</c> does, with only what the nanoFramework mscorlib has:
    /// no generics, no lambdas capturing state (the hooks are small classes), WARN lines discarded.
    /// </summary>
    public static class VectorEvaluator
    {
        /// <summary>Evaluates one case.</summary>
        /// <param name="c">The case.</param>
        /// <returns>What the engine computed.</returns>
        public static VectorOutcome Evaluate(VectorCase c)
        {
            MmEngine engine = new MmEngine(c.Mmu, c.Arch, c.PageShift);
            engine.Warn.Output = null; // the device console stays readable; only the counts are compared
            VectorOutcome o = new VectorOutcome();
            switch (c.Op)
            {
                case VectorOp.Prep:
                    {
                        ulong pfn = 0;
                        o.Rc = engine.SimpleIoremapPrep(c.VmLen, c.Pgoff, c.Phys, c.Size, ref pfn);
                        o.Pfn = pfn;
                        break;
                    }

                case VectorOp.Iomap:
                    {
                        VmAreaStruct vma = Vma(c);
                        ulong pfn = 0;
                        o.Rc = engine.VmIomapMemory(vma, c.Phys, c.Len, ref pfn);
                        o.Pfn = pfn;
                        o.Pgoff = vma.VmPgoff;
                        o.Flags = vma.VmFlags;
                        break;
                    }

                case VectorOp.RemapPfnRange:
                    {
                        VmAreaStruct vma = Vma(c);
                        o.Rc = engine.RemapPfnRange(vma, c.Addr, c.Pfn, c.Size, c.Prot);
                        o.Pgoff = vma.VmPgoff;
                        o.Flags = vma.VmFlags;
                        break;
                    }

                default:
                    EvaluateMmap(engine, c, o);
                    break;
            }

            o.Warns = engine.Warn.Total;
            return o;
        }

        // op=mmap: MmEngine.MmapRegion with the case's hook, flow flags and ->mapped hook.
        private static void EvaluateMmap(MmEngine engine, VectorCase c, VectorOutcome o)
        {
            VmAreaDesc desc = new VmAreaDesc();
            desc.Start = c.VmStart;
            desc.End = c.VmEnd;
            desc.Pgoff = c.Pgoff;
            desc.VmFlags = c.Flags;
            desc.PageProt = c.Prot;

            VmAreaStruct vma = new VmAreaStruct();
            if (c.HasMappedRc)
            {
                vma.Mapped = new VmMappedHook(new MappedHook(c.MappedRc).Mapped);
            }

            int flow = MmapFlow.Normal;
            if (c.SkipPrepare)
            {
                flow |= MmapFlow.SkipPrepare;
            }

            if (c.Merged)
            {
                flow |= MmapFlow.Merged;
            }

            flow |= c.Flow; // flow=compat on MMU, flow=region on nommu

            PrepareHook hook = new PrepareHook(engine, c);
            int prepare;
            int complete;
            int ran;
            o.Rc = engine.MmapRegion(desc, new MmapPrepareHook(hook.Prepare), vma, flow, out prepare, out complete, out ran);
            o.Prepare = prepare;
            o.PrepareRan = (ran & MmapStep.Prepare) != 0;
            o.Complete = complete;
            o.CompleteRan = (ran & MmapStep.Complete) != 0;
            MmapActionType type = desc.Action.Type;
            o.Type = (int)type;
            if (type == MmapActionType.RemapPfn || type == MmapActionType.IoRemapPfn)
            {
                o.Pfn = desc.Action.RemapStartPfn;
            }

            o.Pgoff = desc.Pgoff;
            o.Flags = desc.VmFlags;
        }

        private static VmAreaStruct Vma(VectorCase c)
        {
            VmAreaStruct vma = new VmAreaStruct();
            vma.VmStart = c.VmStart;
            vma.VmEnd = c.VmEnd;
            vma.VmPgoff = c.Pgoff;
            vma.VmFlags = c.Flags;
            vma.VmPageProt = c.Prot;
            return vma;
        }

        // The driver's f_op->mmap_prepare: one mmap_action_* helper call (or a raw type write), then
        // action->error_override.
        private sealed class PrepareHook
        {
            private readonly MmEngine _engine;
            private readonly VectorCase _c;

            public PrepareHook(MmEngine engine, VectorCase c)
            {
                _engine = engine;
                _c = c;
            }

            public int Prepare(VmAreaDesc d)
            {
                VectorCase c = _c;
                switch (c.Action)
                {
                    case VectorAction.Remap:
                        _engine.MmapActionRemap(d, c.Start, c.Pfn, c.Size);
                        break;
                    case VectorAction.RemapFull:
                        _engine.MmapActionRemapFull(d, c.Pfn);
                        break;
                    case VectorAction.Ioremap:
                        _engine.MmapActionIoremap(d, c.Start, c.Pfn, c.Size);
                        break;
                    case VectorAction.IoremapFull:
                        _engine.MmapActionIoremapFull(d, c.Pfn);
                        break;
                    case VectorAction.SimpleIoremap:
                        _engine.MmapActionSimpleIoremap(d, c.Phys, c.Size);
                        break;
                    case VectorAction.MapKernelPages:
                        _engine.MmapActionMapKernelPages(d, c.Start, c.NrPages);
                        break;
                    case VectorAction.MapKernelPagesFull:
                        _engine.MmapActionMapKernelPagesFull(d);
                        break;
                    case VectorAction.Raw:
                        d.Action.Type = (MmapActionType)c.RawType;
                        break;
                }

                d.Action.ErrorOverride = c.ErrorOverride;
                return 0;
            }
        }

        // vm_ops->mapped returning a fixed value.
        private sealed class MappedHook
        {
            private readonly int _rc;

            public MappedHook(int rc)
            {
                _rc = rc;
            }

            public int Mapped(VmAreaStruct vma)
            {
                return _rc;
            }
        }
    }
}
