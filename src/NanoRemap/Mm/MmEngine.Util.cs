namespace NanoRemap.Mm
{
    // mm/util.c: the action dispatcher. One dispatcher per phase, one case per action type; every
    // complete exits through mmap_action_finish. The nommu siblings (same case order) are in
    // MmEngine.Nommu.cs; the public entry points pick the model with one branch.
    public sealed partial class MmEngine
    {
        /// <summary>
        /// <c>mmap_action_prepare(desc)</c>: runs after the driver's <c>mmap_prepare</c> hook, before any VMA
        /// exists. Checks the action and lets it adjust the descriptor (flags, pgoff, delegation).
        /// </summary>
        /// <remarks>
        /// MMU: <c>check_mmap_action</c>, then one <c>*_prepare</c> per type; SIMPLE_IO_REMAP delegates to
        /// IO_REMAP_PFN which delegates to REMAP_PFN, so a successful prepare leaves REMAP_PFN (or NOTHING /
        /// MAP_KERNEL_PAGES); an unknown type WARNs and fails. Nommu: every remap type WARNs once and returns 0
        /// — the rejection comes at complete.
        /// </remarks>
        /// <param name="desc">The descriptor the hook filled.</param>
        /// <returns>0, or a negative errno (-EINVAL, -EFAULT); -EINVAL for a null descriptor.</returns>
        public int MmapActionPrepare(VmAreaDesc desc)
        {
            if (desc == null)
            {
                return -Errno.EINVAL;
            }

            if (!_mmu)
            {
                return NommuMmapActionPrepare(desc);
            }

            return MmuMmapActionPrepare(desc);
        }

        // mmap_action_prepare with CONFIG_MMU. simple_ioremap_prepare's v1/v2 re-entry comes back here
        // directly: that code only ever existed with an MMU.
        private int MmuMmapActionPrepare(VmAreaDesc desc)
        {
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_prepare");
            }

            MmapAction action = desc.Action;
            int err = CheckMmapAction(action);
            if (err == 0)
            {
                switch (action.Type)
                {
                    case MmapActionType.Nothing:
                        break;
                    case MmapActionType.RemapPfn:
                        err = RemapPfnRangePrepare(desc);
                        break;
                    case MmapActionType.IoRemapPfn:
                        err = IoRemapPfnRangePrepare(desc);
                        break;
                    case MmapActionType.SimpleIoRemap:
                        err = SimpleIoremapPrepare(desc);
                        break;
                    case MmapActionType.MapKernelPages:
                        err = MapKernelPagesPrepare(desc);
                        break;
                    default:
                        // Out of the switch: WARN_ON_ONCE(1); return -EINVAL (v2 fixed v1's fall-off).
                        WarnOn(WarnSite.MmapActionPrepareUnknown);
                        err = -Errno.EINVAL;
                        break;
                }
            }

            if (t != null)
            {
                t.Leave("mmap_action_prepare", err);
            }

            return err;
        }

        /// <summary>
        /// <c>check_mmap_action(action)</c> (MMU only): a non-zero <c>error_override</c> must be a valid
        /// errno (<c>IS_ERR_VALUE</c>), else WARN_ON_ONCE and -EINVAL, before any type dispatch.
        /// </summary>
        /// <param name="action">The action.</param>
        /// <returns>0 or -EINVAL.</returns>
        public int CheckMmapAction(MmapAction action)
        {
            if (action == null)
            {
                return -Errno.EINVAL;
            }

            int err = action.ErrorOverride;
            bool bad = err != 0 && !Errno.IsErrValue(err);
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("check_mmap_action");
                t.Check("err && !IS_ERR_VALUE((unsigned long)err)", (ulong)(long)err & _longMask, unchecked((ulong)(-(long)Errno.MAX_ERRNO)) & _longMask, bad);
            }

            int rc = 0;
            if (bad)
            {
                WarnOn(WarnSite.CheckMmapAction);
                rc = -Errno.EINVAL;
            }

            if (t != null)
            {
                t.Leave("check_mmap_action", rc);
            }

            return rc;
        }

        /// <summary>
        /// <c>mmap_action_complete(vma, action, is_compat)</c>: runs once the VMA exists (and only for a new,
        /// unmerged VMA). Performs the action, then always exits through <see cref="MmapActionFinish"/>.
        /// </summary>
        /// <remarks>
        /// MMU: REMAP_PFN does the page-table work (<c>remap_pfn_range_complete</c>); IO_REMAP_PFN and
        /// SIMPLE_IO_REMAP "should have been delegated" by prepare: one shared WARN site and -EINVAL; an
        /// unknown type gives 0 (there is no default case). Nommu: every remap type WARNs and gives -EINVAL.
        /// Both models then finish with the given <paramref name="isCompat"/>; nommu's only caller
        /// (<c>compat_vma_mmap</c>) passes true, so there nothing is unmapped and <c>error_override</c> is
        /// not applied.
        /// </remarks>
        /// <param name="vma">The new VMA.</param>
        /// <param name="action">The prepared action (<c>desc.Action</c>).</param>
        /// <param name="isCompat">True on the compat path (<c>compat_vma_mmap</c>): errors are not unmapped here.</param>
        /// <returns>0 or a negative errno; -EINVAL for a null argument.</returns>
        public int MmapActionComplete(VmAreaStruct vma, MmapAction action, bool isCompat)
        {
            if (vma == null || action == null)
            {
                return -Errno.EINVAL;
            }

            if (!_mmu)
            {
                return NommuMmapActionComplete(vma, action, isCompat);
            }

            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_complete");
            }

            int err;
            switch (action.Type)
            {
                case MmapActionType.Nothing:
                    err = 0;
                    break;
                case MmapActionType.RemapPfn:
                    err = RemapPfnRangeComplete(vma, action);
                    break;
                case MmapActionType.IoRemapPfn:
                case MmapActionType.SimpleIoRemap:
                    // Should have been delegated.
                    WarnOn(WarnSite.MmapActionCompleteUndelegated);
                    err = -Errno.EINVAL;
                    break;
                case MmapActionType.MapKernelPages:
                    err = MapKernelPagesComplete(vma, action);
                    break;
                default:
                    err = 0;
                    break;
            }

            err = MmapActionFinish(vma, action, err, isCompat);
            if (t != null)
            {
                t.Leave("mmap_action_complete", err);
            }

            return err;
        }

        /// <summary>
        /// <c>mmap_action_finish(vma, action, err, is_compat)</c>, in the kernel's order: on success call
        /// <c>vm_ops-&gt;mapped</c>; release the rmap lock (clearing <c>hide_from_rmap_until_complete</c>)
        /// before any unmap; return if ok or compat; otherwise unmap the new VMA and return
        /// <c>error_override ?: err</c>.
        /// </summary>
        /// <param name="vma">The VMA.</param>
        /// <param name="action">The action.</param>
        /// <param name="err">The result of the action.</param>
        /// <param name="isCompat">True on the compat path: never unmaps, never overrides.</param>
        /// <returns>The final result of the mmap.</returns>
        public int MmapActionFinish(VmAreaStruct vma, MmapAction action, int err, bool isCompat)
        {
            if (vma == null || action == null)
            {
                return -Errno.EINVAL;
            }

            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_finish");
            }

            if (err == 0)
            {
                // call_vma_mapped()
                VmMappedHook mapped = vma.Mapped;
                if (mapped != null)
                {
                    err = mapped(vma);
                    if (t != null)
                    {
                        t.Assign("err = vm_ops->mapped()", (ulong)(long)err & _longMask);
                    }
                }
            }

            // maybe_rmap_unlock_action(): before any unmap, which would take the rmap lock.
            if (action.HideFromRmapUntilComplete)
            {
                vma.RmapLocked = false;
                action.HideFromRmapUntilComplete = false;
            }

            if (t != null)
            {
                t.Check("!err || is_compat", (ulong)(long)err & _longMask, isCompat ? 1UL : 0UL, err == 0 || isCompat);
            }

            if (err == 0 || isCompat)
            {
                if (t != null)
                {
                    t.Leave("mmap_action_finish", err);
                }

                return err;
            }

            // do_munmap() of the new VMA only: complete never runs for a merged one.
            vma.Unmapped = true;
            if (action.ErrorOverride != 0)
            {
                err = action.ErrorOverride;
            }

            if (t != null)
            {
                t.Assign("do_munmap(vma)", 1);
                t.Leave("mmap_action_finish", err);
            }

            return err;
        }
    }
}
