namespace NanoRemap.Mm
{
    /// <summary>
    /// <c>f_op-&gt;mmap_prepare</c>: the driver's hook. It may adjust the descriptor and describe an action
    /// with the <c>MmapAction*</c> helpers; it must be stateless (the mapping may still merge or fail).
    /// </summary>
    /// <param name="desc">The descriptor of the mapping being made.</param>
    /// <returns>0, or a negative errno that fails the mmap before any VMA exists.</returns>
    public delegate int MmapPrepareHook(VmAreaDesc desc);

    /// <summary>Options of <see cref="MmEngine.MmapRegion"/>: a bit set of the constants below.</summary>
    public static class MmapFlow
    {
        /// <summary>The normal flow: hook, prepare, complete.</summary>
        public const int Normal = 0;

        /// <summary>Do not run <c>mmap_action_prepare</c>: complete sees the action as the hook left it (an undelegated complete).</summary>
        public const int SkipPrepare = 1;

        /// <summary>MMU only: the new mapping merged with a neighbour, so complete and <c>-&gt;mapped</c> are not run.</summary>
        public const int Merged = 2;
    }

    // The caller of the action engine: __mmap_region (mm/vma.c) on MMU, compat_vma_mmap on nommu.
    public sealed partial class MmEngine
    {
        /// <summary>The value of a step that did not run (see <see cref="MmapRegion"/>).</summary>
        public const int NotRun = int.MinValue;

        /// <summary>
        /// Maps <paramref name="desc"/> the way the core does: the driver's hook describes the action,
        /// <see cref="MmapActionPrepare"/> runs before any VMA exists, and if it succeeded the VMA is made
        /// from the descriptor and <see cref="MmapActionComplete"/> runs (<c>is_compat</c> false on MMU
        /// <c>__mmap_region</c>, true on the nommu compat path).
        /// </summary>
        /// <remarks>
        /// The caller sets the descriptor's fields; the action is reset to NOTHING first, as
        /// <c>set_desc_from_map</c> does. A hook or prepare error fails the mmap before any VMA exists
        /// (nothing to unmap). On MMU, a mapping that merged (<see cref="MmapFlow.Merged"/>) skips complete.
        /// </remarks>
        /// <param name="desc">The descriptor; left as prepare left it.</param>
        /// <param name="hook">The driver's <c>mmap_prepare</c>, or null for none.</param>
        /// <param name="vma">Receives the new VMA (its <see cref="VmAreaStruct.Mapped"/> hook is kept).</param>
        /// <param name="flow">A bit set of <see cref="MmapFlow"/> values.</param>
        /// <param name="prepareRc">The hook's error, else prepare's result, or <see cref="NotRun"/>.</param>
        /// <param name="completeRc">Complete's result, or <see cref="NotRun"/>.</param>
        /// <returns>The result of the mmap: 0 or a negative errno.</returns>
        public int MmapRegion(VmAreaDesc desc, MmapPrepareHook hook, VmAreaStruct vma, int flow, out int prepareRc, out int completeRc)
        {
            prepareRc = NotRun;
            completeRc = NotRun;
            if (desc == null || vma == null)
            {
                return -Errno.EINVAL;
            }

            IMmTracer t = Tracer;
            string caller = _mmu ? "__mmap_region" : "compat_vma_mmap";
            if (t != null)
            {
                t.Enter(caller);
            }

            MmapAction action = desc.Action;
            action.Clear();
            if (hook != null)
            {
                if (t != null)
                {
                    t.Enter("f_op->mmap_prepare");
                }

                int hrc = hook(desc);
                if (t != null)
                {
                    t.Leave("f_op->mmap_prepare", hrc);
                }

                if (hrc != 0)
                {
                    prepareRc = hrc;
                    return Leave(t, caller, hrc);
                }
            }

            if ((flow & MmapFlow.SkipPrepare) == 0)
            {
                int err = MmapActionPrepare(desc);
                prepareRc = err;
                if (err != 0)
                {
                    return Leave(t, caller, err); // abort_munmap: nothing was created
                }
            }

            vma.SetFromDesc(desc);
            if (_mmu)
            {
                vma.RmapLocked = action.HideFromRmapUntilComplete;
                if ((flow & MmapFlow.Merged) != 0)
                {
                    if (t != null)
                    {
                        t.Check("merged with a neighbour: complete skipped", 1, 1, true);
                    }

                    return Leave(t, caller, 0);
                }
            }
            else
            {
                action.HideFromRmapUntilComplete = false; // compat_vma_mmap
            }

            completeRc = MmapActionComplete(vma, action, !_mmu);
            return Leave(t, caller, completeRc);
        }
    }
}
