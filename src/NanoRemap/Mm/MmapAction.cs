namespace NanoRemap.Mm
{
    /// <summary>
    /// The kernel's <c>mmap_action</c> struct (include/linux/mm_types.h): what the core does once the mapping exists.
    /// Drivers fill it through the <c>MmapAction*</c> helpers of <see cref="MmEngine"/>, never directly
    /// (Documentation/filesystems/mmap_prepare.rst).
    /// </summary>
    /// <remarks>
    /// The kernel keeps <c>remap</c>, <c>simple_ioremap</c> and <c>map_kernel</c> in one anonymous union,
    /// and drivers can see the aliasing: <c>mmap_action_ioremap*</c> overwrites the simple-ioremap
    /// parameters. The union is modelled as four word slots in declaration order, so every view reads
    /// what C would read:
    /// <list type="bullet">
    /// <item><c>remap</c>: start = slot 0, start_pfn = slot 1, size = slot 2, pgprot = slot 3.</item>
    /// <item><c>simple_ioremap</c>: start_phys_addr = slot 0 (slots 0 and 1 as low/high words when
    /// <c>phys_addr_t</c> is wider than <c>unsigned long</c>), size = the next slot (1, or 2 on
    /// <see cref="WordModel.Ilp32Phys64"/>).</item>
    /// <item><c>map_kernel</c>: start = slot 0, pages = slot 1 (not modelled), nr_pages = slot 2, pgoff = slot 3.</item>
    /// </list>
    /// </remarks>
    public sealed class MmapAction
    {
        /// <summary>Union slot 0. The engine reads the slots directly to keep its paths flat.</summary>
        internal ulong Slot0;
        /// <summary>Union slot 1.</summary>
        internal ulong Slot1;
        /// <summary>Union slot 2.</summary>
        internal ulong Slot2;
        /// <summary>Union slot 3.</summary>
        internal ulong Slot3;

        /// <summary>The layout of the union, set by the helper that last wrote it.</summary>
        internal WordModel Layout = WordModel.Lp64;

        /// <summary><c>type</c>: the action to take. Values outside the enum are allowed (and modelled).</summary>
        public MmapActionType Type;

        /// <summary>
        /// <c>error_override</c>: if non-zero, replaces the error of a failed action on the MMU unmap path.
        /// Must be a valid negative errno (-1..-4095), or <c>mmap_action_prepare</c> fails with -EINVAL.
        /// </summary>
        public int ErrorOverride;

        /// <summary>
        /// <c>hide_from_rmap_until_complete</c>: the file rmap lock is held from VMA link until the action
        /// completes; <c>mmap_action_finish</c> releases it and clears this flag.
        /// </summary>
        public bool HideFromRmapUntilComplete;

        /// <summary><c>remap.start</c>: first user address to remap, in bytes.</summary>
        public ulong RemapStart { get { return Slot0; } set { Slot0 = value; } }

        /// <summary><c>remap.start_pfn</c>: first page frame number to map.</summary>
        public ulong RemapStartPfn { get { return Slot1; } set { Slot1 = value; } }

        /// <summary><c>remap.size</c>: length in bytes.</summary>
        public ulong RemapSize { get { return Slot2; } set { Slot2 = value; } }

        /// <summary><c>remap.pgprot</c>: page protection, a snapshot of <c>desc-&gt;page_prot</c>.</summary>
        public ulong RemapPgprot { get { return Slot3; } set { Slot3 = value; } }

        /// <summary><c>simple_ioremap.start_phys_addr</c>, read through the union (see remarks).</summary>
        public ulong SimpleIoremapStartPhysAddr
        {
            get { return Layout == WordModel.Ilp32Phys64 ? (Slot0 & 0xFFFFFFFFUL) | (Slot1 << 32) : Slot0; }
        }

        /// <summary><c>simple_ioremap.size</c>, read through the union (see remarks).</summary>
        public ulong SimpleIoremapSize
        {
            get { return Layout == WordModel.Ilp32Phys64 ? Slot2 : Slot1; }
        }

        /// <summary><c>map_kernel.start</c>: first user address to insert pages at.</summary>
        public ulong MapKernelStart { get { return Slot0; } }

        /// <summary><c>map_kernel.nr_pages</c>: how many pages to insert.</summary>
        public ulong MapKernelNrPages { get { return Slot2; } }

        /// <summary><c>map_kernel.pgoff</c>: <c>desc-&gt;pgoff</c> when the helper ran.</summary>
        public ulong MapKernelPgoff { get { return Slot3; } }

        /// <summary>Resets the action to <c>MMAP_NOTHING</c> with every field zero, as the core does before the hook.</summary>
        public void Clear()
        {
            Slot0 = 0;
            Slot1 = 0;
            Slot2 = 0;
            Slot3 = 0;
            Type = MmapActionType.Nothing;
            ErrorOverride = 0;
            HideFromRmapUntilComplete = false;
        }
    }
}
