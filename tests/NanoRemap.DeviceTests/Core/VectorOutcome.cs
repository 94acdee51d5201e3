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

        /// <summary>mmap: prepare's result or <see cref="VectorCase.Skip"/>.</summary>
        public int Prepare = VectorCase.Skip;

        /// <summary>mmap: complete's result or <see cref="VectorCase.Skip"/>.</summary>
        public int Complete = VectorCase.Skip;

        /// <summary>mmap: the action type after prepare, as its 32-bit pattern.</summary>
        public int Type;

        /// <summary>WARN_ON_ONCE hits during the case, every site.</summary>
        public int Warns;
    }
}
