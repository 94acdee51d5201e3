namespace NanoRemap.DeviceTests
{
    /// <summary>The <c>op=</c> of a vector case (eval contract).</summary>
    public enum VectorOp
    {
        /// <summary><c>op=prep</c>: <c>__simple_ioremap_prep</c>.</summary>
        Prep = 0,

        /// <summary><c>op=iomap</c>: <c>vm_iomap_memory</c> of the model.</summary>
        Iomap = 1,

        /// <summary><c>op=remap_pfn_range</c>: <c>remap_pfn_range</c> of the model.</summary>
        RemapPfnRange = 2,

        /// <summary><c>op=mmap</c>: the hook, <c>mmap_action_prepare</c>, then <c>mmap_action_complete</c>.</summary>
        Mmap = 3,
    }
}
