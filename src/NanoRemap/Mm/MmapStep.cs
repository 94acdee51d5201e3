namespace NanoRemap.Mm
{
    /// <summary>
    /// Which steps of <see cref="MmEngine.MmapRegion"/> produced a result: a bit set of the constants below.
    /// A step's result is meaningful only when its bit is set; any int, <c>int.MinValue</c> included, is a
    /// real result (the kernel passes whatever <c>vm_ops-&gt;mapped</c> returns straight through).
    /// </summary>
    public static class MmapStep
    {
        /// <summary>No step ran (a null argument).</summary>
        public const int None = 0;

        /// <summary>The prepare result is set: the hook failed (its error), or <c>mmap_action_prepare</c> ran.</summary>
        public const int Prepare = 1;

        /// <summary><c>mmap_action_complete</c> ran (so did <c>mmap_action_finish</c>).</summary>
        public const int Complete = 2;
    }
}
