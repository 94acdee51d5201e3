namespace NanoRemap.Mm
{
    /// <summary>
    /// <c>vm_ops-&gt;mapped</c>: called once a new, unmerged mapping is established, where nothing else
    /// can fail. The place for per-mapping state. A non-zero (negative errno) result unmaps the VMA on
    /// the MMU path and fails the mmap.
    /// </summary>
    /// <param name="vma">The new mapping.</param>
    /// <returns>0, or a negative errno.</returns>
    public delegate int VmMappedHook(VmAreaStruct vma);

    /// <summary>
    /// The parts of the kernel's <c>vm_area_struct</c> the action engine reads and writes: the VMA that
    /// exists once <c>mmap_action_prepare</c> succeeded and the core linked it.
    /// </summary>
    public sealed class VmAreaStruct
    {
        /// <summary><c>vm_start</c>, in bytes.</summary>
        public ulong VmStart;

        /// <summary><c>vm_end</c>, in bytes.</summary>
        public ulong VmEnd;

        /// <summary><c>vm_pgoff</c>, in pages.</summary>
        public ulong VmPgoff;

        /// <summary><c>vm_flags</c>: <see cref="Mm.VmFlags"/> bits.</summary>
        public ulong VmFlags;

        /// <summary><c>vm_page_prot</c>.</summary>
        public ulong VmPageProt;

        /// <summary><c>vm_ops-&gt;mapped</c>, or null.</summary>
        public VmMappedHook Mapped;

        /// <summary>
        /// The file rmap (<c>i_mmap</c>) write lock is held for this VMA: set by the core when the action
        /// asked for <see cref="MmapAction.HideFromRmapUntilComplete"/>, cleared by <c>mmap_action_finish</c>.
        /// </summary>
        public bool RmapLocked;

        /// <summary>True once <c>mmap_action_finish</c> unmapped the VMA (<c>do_munmap</c>) after an error.</summary>
        public bool Unmapped;

        /// <summary>Sets the VMA from a prepared descriptor, as <c>__mmap_new_vma</c> / <c>compat_set_vma_from_desc</c> do.</summary>
        /// <param name="desc">The prepared descriptor.</param>
        public void SetFromDesc(VmAreaDesc desc)
        {
            VmStart = desc.Start;
            VmEnd = desc.End;
            VmPgoff = desc.Pgoff;
            VmFlags = desc.VmFlags;
            VmPageProt = desc.PageProt;
            RmapLocked = false;
            Unmapped = false;
        }
    }
}
