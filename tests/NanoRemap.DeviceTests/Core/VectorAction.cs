namespace NanoRemap.DeviceTests
{
    /// <summary>The <c>action=</c> of an <c>op=mmap</c> case: which <c>mmap_action_*</c> helper the driver's hook calls.</summary>
    public enum VectorAction
    {
        /// <summary><c>nothing</c>: no helper (MMAP_NOTHING).</summary>
        Nothing = 0,

        /// <summary><c>remap</c>: <c>mmap_action_remap(desc, start, pfn, size)</c>.</summary>
        Remap = 1,

        /// <summary><c>remap_full</c>: <c>mmap_action_remap_full(desc, pfn)</c>.</summary>
        RemapFull = 2,

        /// <summary><c>ioremap</c>: <c>mmap_action_ioremap(desc, start, pfn, size)</c>.</summary>
        Ioremap = 3,

        /// <summary><c>ioremap_full</c>: <c>mmap_action_ioremap_full(desc, pfn)</c>.</summary>
        IoremapFull = 4,

        /// <summary><c>simple_ioremap</c>: <c>mmap_action_simple_ioremap(desc, phys, size)</c>.</summary>
        SimpleIoremap = 5,

        /// <summary><c>map_kernel_pages</c>: <c>mmap_action_map_kernel_pages(desc, start, pages, nr_pages)</c>.</summary>
        MapKernelPages = 6,

        /// <summary><c>map_kernel_pages_full</c>: <c>mmap_action_map_kernel_pages_full(desc, pages)</c>.</summary>
        MapKernelPagesFull = 7,

        /// <summary><c>raw</c>: the hook writes <c>action-&gt;type = raw_type</c> directly.</summary>
        Raw = 8,
    }
}
