namespace NanoRemap.Mm
{
    /// <summary>
    /// The kernel call sites of <c>WARN_ON_ONCE</c> (and <c>BUG_ON</c>) the engine models. Each site has
    /// its own latch, as each <c>WARN_ON_ONCE</c> expansion has its own static flag.
    /// <c>VM_WARN_ON_ONCE</c> sites are not listed: the model is a <c>CONFIG_DEBUG_VM=n</c> kernel,
    /// where they compile to nothing.
    /// </summary>
    /// <remarks>
    /// One modelling nuance: <c>mmap_action_remap</c> is a <c>static inline</c> in <c>include/linux/mm.h</c>,
    /// so in a built kernel each of its two <c>WARN_ON_ONCE</c>s gets one print-once latch per translation
    /// unit (driver .c file) that calls the helper: driver A's first bad range prints, and driver B's first
    /// bad range prints again. The model keeps one latch per site (<see cref="MmapActionRemapStart"/>,
    /// <see cref="MmapActionRemapEnd"/>), as if every caller were in one file. Only what is printed differs:
    /// the condition, the hit count and the result are the same every time. Every other site is in a .c
    /// file (mm/util.c, mm/memory.c) and has exactly one latch, as modelled.
    /// </remarks>
    public enum WarnSite
    {
        /// <summary>
        /// <c>mmap_action_remap</c>: <c>start &lt; desc-&gt;start || start &gt;= desc-&gt;end</c> (diagnostic only).
        /// A static inline: the kernel has one latch per calling translation unit, the model one.
        /// </summary>
        MmapActionRemapStart = 0,

        /// <summary>
        /// <c>mmap_action_remap</c>: <c>start + size &gt; desc-&gt;end</c> (diagnostic only).
        /// A static inline: the kernel has one latch per calling translation unit, the model one.
        /// </summary>
        MmapActionRemapEnd = 1,

        /// <summary><c>check_mmap_action</c>: <c>error_override</c> is not a valid errno.</summary>
        CheckMmapAction = 2,

        /// <summary><c>mmap_action_prepare</c> (MMU): an action type outside the enum.</summary>
        MmapActionPrepareUnknown = 3,

        /// <summary><c>mmap_action_complete</c> (MMU): IO_REMAP_PFN / SIMPLE_IO_REMAP "should have been delegated" (one site for both).</summary>
        MmapActionCompleteUndelegated = 4,

        /// <summary><c>mmap_action_prepare</c> (nommu): "nommu cannot handle these".</summary>
        NommuMmapActionPrepare = 5,

        /// <summary><c>mmap_action_complete</c> (nommu): "nommu cannot handle this".</summary>
        NommuMmapActionComplete = 6,

        /// <summary><c>remap_pfn_range_internal</c>: <c>!PAGE_ALIGNED(addr)</c>.</summary>
        RemapPfnRangeUnaligned = 7,

        /// <summary>
        /// <c>remap_pfn_range_internal</c>: <c>BUG_ON(addr &gt;= end)</c>, an empty or wrapping range.
        /// The kernel would oops; the model warns once and returns -EINVAL instead.
        /// </summary>
        RemapPfnRangeEmpty = 8,
    }
}
