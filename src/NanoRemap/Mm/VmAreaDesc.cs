namespace NanoRemap.Mm
{
    /// <summary>
    /// The kernel's <c>vm_area_desc</c> struct (include/linux/mm_types.h): the mapping as the driver's
    /// <c>mmap_prepare</c> hook sees it, before any VMA exists.
    /// </summary>
    /// <remarks>
    /// <see cref="Start"/> and <see cref="End"/> are immutable in the kernel; the hook may change
    /// <see cref="Pgoff"/>, <see cref="VmFlags"/> and <see cref="PageProt"/>, and describes what must
    /// happen once the mapping exists in <see cref="Action"/>. The hook runs before any merge, so it
    /// must be stateless: allocate nothing, take no references (per-mapping state belongs in
    /// <see cref="VmAreaStruct.Mapped"/>).
    /// </remarks>
    public sealed class VmAreaDesc
    {
        /// <summary><c>start</c>: first user address of the mapping, in bytes.</summary>
        public ulong Start;

        /// <summary><c>end</c>: one past the last user address, in bytes.</summary>
        public ulong End;

        /// <summary><c>pgoff</c>: offset into the file (or device), in pages.</summary>
        public ulong Pgoff;

        /// <summary><c>vma_flags</c>: the <see cref="Mm.VmFlags"/> bits of the mapping.</summary>
        public ulong VmFlags;

        /// <summary><c>page_prot</c>: page protection bits (opaque to the model).</summary>
        public ulong PageProt;

        /// <summary><c>action</c>: what the core does once the mapping exists.</summary>
        public readonly MmapAction Action = new MmapAction();

        /// <summary>Creates an empty descriptor; set the fields, or use <see cref="Set"/>.</summary>
        public VmAreaDesc()
        {
        }

        /// <summary>
        /// Fills the descriptor as the core does before calling the hook (<c>set_desc_from_map</c> /
        /// <c>compat_set_desc_from_vma</c>): the given fields, and an action of <c>MMAP_NOTHING</c>.
        /// </summary>
        /// <param name="start">First user address, in bytes.</param>
        /// <param name="end">One past the last user address, in bytes.</param>
        /// <param name="pgoff">Offset in pages.</param>
        /// <param name="vmFlags">The <see cref="Mm.VmFlags"/> bits.</param>
        /// <param name="pageProt">Page protection.</param>
        public void Set(ulong start, ulong end, ulong pgoff, ulong vmFlags, ulong pageProt)
        {
            Start = start;
            End = end;
            Pgoff = pgoff;
            VmFlags = vmFlags;
            PageProt = pageProt;
            Action.Clear();
        }
    }
}
