namespace NanoRemap.Mm
{
    /// <summary>
    /// <c>enum mmap_action_type</c> (include/linux/mm_types.h): what the core does with a mapping after
    /// the driver's <c>mmap_prepare</c> hook described it. Values are the kernel's (0..4).
    /// </summary>
    public enum MmapActionType
    {
        /// <summary><c>MMAP_NOTHING</c>: the mapping is complete, no further action.</summary>
        Nothing = 0,

        /// <summary><c>MMAP_REMAP_PFN</c>: remap a PFN range (<c>remap_pfn_range</c>).</summary>
        RemapPfn = 1,

        /// <summary><c>MMAP_IO_REMAP_PFN</c>: I/O remap a PFN range; prepare delegates it to <see cref="RemapPfn"/>.</summary>
        IoRemapPfn = 2,

        /// <summary><c>MMAP_SIMPLE_IO_REMAP</c>: I/O remap of [phys, phys + size) with guardrails; prepare delegates it to <see cref="IoRemapPfn"/>.</summary>
        SimpleIoRemap = 3,

        /// <summary><c>MMAP_MAP_KERNEL_PAGES</c>: insert kernel pages (<c>insert_pages</c>).</summary>
        MapKernelPages = 4,
    }
}
