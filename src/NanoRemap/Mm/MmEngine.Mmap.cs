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
        /// <summary>
        /// The model's own caller: <c>__mmap_region</c> (is_compat false) on MMU, <c>compat_vma_mmap</c>
        /// (is_compat true) on nommu, which has no other way to reach <c>mmap_prepare</c>.
        /// </summary>
        public const int Normal = 0;

        /// <summary>Do not run <c>mmap_action_prepare</c>: complete sees the action as the hook left it (an undelegated complete).</summary>
        public const int SkipPrepare = 1;

        /// <summary>
        /// MMU <c>__mmap_region</c> only: the new mapping merged with a neighbour, so complete and
        /// <c>-&gt;mapped</c> are not run. Not valid with <see cref="Compat"/> (the compat path maps into a
        /// VMA that already exists: nothing merges); that combination is treated as <see cref="Compat"/> alone.
        /// </summary>
        public const int Merged = 2;

        /// <summary>
        /// <c>compat_vma_mmap</c> / <c>__compat_vma_mmap</c> (mm/util.c): a legacy <c>-&gt;mmap</c> caller
        /// (a stacking filesystem, say) runs an <c>mmap_prepare</c> driver on an existing VMA. The hook and
        /// prepare run as usual, <c>hide_from_rmap_until_complete</c> is cleared, the VMA is set from the
        /// descriptor, and complete runs with <c>is_compat = true</c>: nothing is unmapped and
        /// <c>error_override</c> is not applied (the legacy caller cleans up). This is the only flow on nommu;
        /// on MMU it is the alternative to <c>__mmap_region</c>.
        /// </summary>
        public const int Compat = 4;

        /// <summary>
        /// Nommu only, not a kernel caller: run the nommu <c>mmap_action_complete</c> with
        /// <c>is_compat = false</c>, as its code would if a caller passed false (no nommu caller does today).
        /// On MMU it is the same as <see cref="Normal"/> (<c>__mmap_region</c> passes false).
        /// </summary>
        public const int Region = 8;
    }

    // The caller of the action engine: __mmap_region (mm/vma.c) on MMU, compat_vma_mmap on nommu.
    public sealed partial class MmEngine
    {
        /// <summary>
        /// Maps <paramref name="desc"/> the way the core does: the driver's hook describes the action,
        /// <see cref="MmapActionPrepare"/> runs before the VMA is set, and if it succeeded the VMA is set
        /// from the descriptor and <see cref="MmapActionComplete"/> runs.
        /// </summary>
        /// <remarks>
        /// The caller is <c>__mmap_region</c> (<c>is_compat</c> false) on MMU unless <paramref name="flow"/>
        /// has <see cref="MmapFlow.Compat"/>, and <c>compat_vma_mmap</c> (<c>is_compat</c> true) on nommu
        /// unless it has <see cref="MmapFlow.Region"/>. The caller sets the descriptor's fields; the action is
        /// reset to NOTHING first, as <c>set_desc_from_map</c> / <c>compat_set_desc_from_vma</c> do. A hook or
        /// prepare error fails the mmap before complete (on <c>__mmap_region</c> before any VMA exists:
        /// nothing to unmap). On MMU <c>__mmap_region</c>, a mapping that merged (<see cref="MmapFlow.Merged"/>)
        /// skips complete. Which results were produced is in <paramref name="ran"/>: a result can be any int,
        /// <c>int.MinValue</c> included, so there is no "not run" value.
        /// </remarks>
        /// <param name="desc">The descriptor; left as prepare left it.</param>
        /// <param name="hook">The driver's <c>mmap_prepare</c>, or null for none.</param>
        /// <param name="vma">Receives the VMA (its <see cref="VmAreaStruct.Mapped"/> hook is kept).</param>
        /// <param name="flow">A bit set of <see cref="MmapFlow"/> values.</param>
        /// <param name="prepareRc">The hook's error, else prepare's result; 0 when <paramref name="ran"/> lacks <see cref="MmapStep.Prepare"/>.</param>
        /// <param name="completeRc">Complete's result; 0 when <paramref name="ran"/> lacks <see cref="MmapStep.Complete"/>.</param>
        /// <param name="ran">A bit set of <see cref="MmapStep"/>: which of the two results were produced.</param>
        /// <returns>The result of the mmap: 0 or a negative errno (or whatever <c>-&gt;mapped</c> returned).</returns>
        public int MmapRegion(VmAreaDesc desc, MmapPrepareHook hook, VmAreaStruct vma, int flow, out int prepareRc, out int completeRc, out int ran)
        {
            prepareRc = 0;
            completeRc = 0;
            ran = MmapStep.None;
            if (desc == null || vma == null)
            {
                return -Errno.EINVAL;
            }

            bool compat = _mmu ? (flow & MmapFlow.Compat) != 0 : (flow & MmapFlow.Region) == 0;
            IMmTracer t = Tracer;
            string caller = compat ? "compat_vma_mmap" : "__mmap_region";
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
                    ran = MmapStep.Prepare;
                    return Leave(t, caller, hrc);
                }
            }

            if (compat)
            {
                // __compat_vma_mmap: "being invoked from .mmap means we don't have to enforce this."
                action.HideFromRmapUntilComplete = false;
            }

            if ((flow & MmapFlow.SkipPrepare) == 0)
            {
                int err = MmapActionPrepare(desc);
                prepareRc = err;
                ran = MmapStep.Prepare;
                if (err != 0)
                {
                    return Leave(t, caller, err); // abort_munmap / back to the legacy caller
                }
            }

            vma.SetFromDesc(desc);
            if (!compat)
            {
                vma.RmapLocked = action.HideFromRmapUntilComplete;
                if (_mmu && (flow & MmapFlow.Merged) != 0)
                {
                    if (t != null)
                    {
                        t.Check("merged with a neighbour: complete skipped", 1, 1, true);
                    }

                    return Leave(t, caller, 0);
                }
            }

            completeRc = MmapActionComplete(vma, action, compat);
            ran |= MmapStep.Complete;
            return Leave(t, caller, completeRc);
        }
    }
}
