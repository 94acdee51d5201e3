namespace NanoRemap.DeviceTests
{
    /// <summary>What the engine computed for one <see cref="VectorCase"/>: the values of the contract's output line.</summary>
    public sealed class VectorOutcome
    {
        /// <summary><c>rc</c>.</summary>
        public int Rc;

        /// <summary><c>pfn</c>: prep's <c>*pfnp</c>, iomap's pfn passed to remap_pfn_range, mmap's <c>action-&gt;remap.start_pfn</c>.</summary>
        public ulong Pfn;

        /// <summary><c>pgoff</c>: of the VMA (iomap, remap_pfn_range) or of the desc after prepare (mmap).</summary>
        public ulong Pgoff;

        /// <summary><c>flags</c>: of the VMA (iomap, remap_pfn_range) or of the desc after prepare (mmap).</summary>
        public ulong Flags;

        /// <summary>mmap: prepare's result (meaningful when <see cref="PrepareRan"/>).</summary>
        public int Prepare;

        /// <summary>mmap: whether prepare ran.</summary>
        public bool PrepareRan;

        /// <summary>mmap: complete's result (meaningful when <see cref="CompleteRan"/>).</summary>
        public int Complete;

        /// <summary>mmap: whether complete ran.</summary>
        public bool CompleteRan;

        /// <summary>mmap: the action type after prepare, as its 32-bit pattern.</summary>
        public int Type;

        /// <summary>WARN_ON_ONCE hits during the case, every site.</summary>
        public int Warns;
    }
}
