namespace NanoRemap.Mm
{
    /// <summary>
    /// Receives the engine's steps for a person to read (<c>nanoremap explain</c>) or a test to assert
    /// which check rejected. The engine calls it only when <see cref="MmEngine.Tracer"/> is set, so an
    /// untraced run pays one null test per step and allocates nothing.
    /// </summary>
    public interface IMmTracer
    {
        /// <summary>A kernel function is entered.</summary>
        /// <param name="function">The kernel's name for it, e.g. <c>__simple_ioremap_prep</c>.</param>
        void Enter(string function);

        /// <summary>A check ran: <paramref name="condition"/> (in the kernel's words) compared <paramref name="left"/> with <paramref name="right"/>.</summary>
        /// <param name="condition">The C condition, e.g. <c>vm_pgoff &gt; pages</c>.</param>
        /// <param name="left">The value of its left side.</param>
        /// <param name="right">The value of its right side.</param>
        /// <param name="holds">Whether the condition is true (for an error check: whether it rejects).</param>
        void Check(string condition, ulong left, ulong right, bool holds);

        /// <summary>A variable or field was given a value.</summary>
        /// <param name="name">The C lvalue, e.g. <c>desc-&gt;pgoff</c>.</param>
        /// <param name="value">The value stored, in the width of its C type.</param>
        void Assign(string name, ulong value);

        /// <summary>A WARN site fired.</summary>
        /// <param name="site">The site.</param>
        /// <param name="first">True if this hit printed the line (its latch was clear).</param>
        void Warn(WarnSite site, bool first);

        /// <summary>A kernel function returns.</summary>
        /// <param name="function">Its name, as given to <see cref="Enter"/>.</param>
        /// <param name="rc">Its result: 0 or a negative errno.</param>
        void Leave(string function, int rc);
    }
}
