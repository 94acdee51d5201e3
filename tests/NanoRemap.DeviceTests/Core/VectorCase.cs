using NanoRemap.Mm;

namespace NanoRemap.DeviceTests
{
    /// <summary>
    /// One conformance vector: a case line of tests/vectors/*.vec parsed into plain fields, with the
    /// expected output line (the C oracle's answer) as the <c>Expect*</c> fields. Generated into
    /// VectorCases.g.cs by src/NanoRemap.Tooling/DeviceTests as packed bytes that <see cref="VectorCaseReader"/>
    /// decodes into these fields; a key the line does not set is 0.
    /// </summary>
    /// <remarks>
    /// Plain fields and no generics, so the same data loads on the nanoCLR and on the host. Which
    /// <c>Expect*</c> fields are meaningful follows the contract's output rules: <c>pfn</c> for prep and
    /// iomap when rc is 0, and for mmap when the type is remap_pfn / io_remap_pfn; <c>pgoff</c>/<c>flags</c>
    /// for iomap and remap_pfn_range when rc is 0, and always for mmap; <c>prepare</c>, <c>complete</c>,
    /// <c>type</c>, <c>warns</c> for mmap only.
    /// <para>
    /// The fields after the constructor's are, in declaration order, the bits of the packed field mask
    /// (<see cref="VectorCaseReader"/>): a field added here is added to the reader and to the generator's
    /// VectorCasePacker.Fields at the end (a host test compares the three).
    /// </para>
    /// </remarks>
    public sealed class VectorCase
    {
        /// <summary>Creates a case with its position, op and kernel configuration; every other field is 0.</summary>
        /// <param name="line">1-based line in the .vec file.</param>
        /// <param name="op"><c>op=</c>.</param>
        /// <param name="mmu"><c>model=mmu</c> (true) or <c>nommu</c>.</param>
        /// <param name="arch"><c>arch=</c>.</param>
        /// <param name="pageShift"><c>page_shift=</c>.</param>
        public VectorCase(int line, VectorOp op, bool mmu, WordModel arch, int pageShift)
        {
            Line = line;
            Op = op;
            Mmu = mmu;
            Arch = arch;
            PageShift = pageShift;
        }

        /// <summary>1-based line of the case in its .vec file.</summary>
        public int Line;

        /// <summary><c>op=</c>.</summary>
        public VectorOp Op;

        /// <summary><c>model=mmu</c> (true) or <c>nommu</c> (false).</summary>
        public bool Mmu;

        /// <summary><c>arch=</c>.</summary>
        public WordModel Arch;

        /// <summary><c>page_shift=</c>.</summary>
        public int PageShift;

        /// <summary><c>vm_len=</c> (prep).</summary>
        public ulong VmLen;

        /// <summary><c>vm_start=</c>.</summary>
        public ulong VmStart;

        /// <summary><c>vm_end=</c>.</summary>
        public ulong VmEnd;

        /// <summary><c>pgoff=</c>.</summary>
        public ulong Pgoff;

        /// <summary><c>flags=</c>.</summary>
        public ulong Flags;

        /// <summary><c>prot=</c>.</summary>
        public ulong Prot;

        /// <summary><c>phys=</c>.</summary>
        public ulong Phys;

        /// <summary><c>size=</c>.</summary>
        public ulong Size;

        /// <summary><c>len=</c> (iomap).</summary>
        public ulong Len;

        /// <summary><c>addr=</c> (remap_pfn_range).</summary>
        public ulong Addr;

        /// <summary><c>pfn=</c>.</summary>
        public ulong Pfn;

        /// <summary><c>start=</c> (mmap remap / ioremap / map_kernel_pages).</summary>
        public ulong Start;

        /// <summary><c>nr_pages=</c> (mmap map_kernel_pages).</summary>
        public ulong NrPages;

        /// <summary><c>action=</c> (mmap).</summary>
        public VectorAction Action;

        /// <summary><c>raw_type=</c> (mmap action=raw), as the 32-bit pattern stored in <c>action-&gt;type</c>.</summary>
        public int RawType;

        /// <summary><c>error_override=</c> (mmap).</summary>
        public int ErrorOverride;

        /// <summary><c>skip_prepare=1</c> (mmap).</summary>
        public bool SkipPrepare;

        /// <summary><c>merged=1</c> (mmap, MMU only).</summary>
        public bool Merged;

        /// <summary>
        /// <c>flow=</c> (mmap) when it is not the model's own: <see cref="MmapFlow.Compat"/> for <c>flow=compat</c>
        /// on MMU, <see cref="MmapFlow.Region"/> for <c>flow=region</c> on nommu; 0 otherwise.
        /// </summary>
        public int Flow;

        /// <summary>The line set <c>mapped_rc=</c>: the VMA has a <c>vm_ops-&gt;mapped</c> hook.</summary>
        public bool HasMappedRc;

        /// <summary><c>mapped_rc=</c>: what that hook returns.</summary>
        public int MappedRc;

        /// <summary>Expected <c>rc=</c>.</summary>
        public int ExpectRc;

        /// <summary>Expected <c>pfn=</c> (when printed).</summary>
        public ulong ExpectPfn;

        /// <summary>Expected <c>pgoff=</c> (when printed).</summary>
        public ulong ExpectPgoff;

        /// <summary>Expected <c>flags=</c> (when printed).</summary>
        public ulong ExpectFlags;

        /// <summary>Expected <c>prepare=</c> (mmap) when it ran (any int, <c>int.MinValue</c> included).</summary>
        public int ExpectPrepare;

        /// <summary>Expected <c>prepare=skip</c> (mmap): prepare did not run.</summary>
        public bool ExpectPrepareSkipped;

        /// <summary>Expected <c>complete=</c> (mmap) when it ran (any int, <c>int.MinValue</c> included).</summary>
        public int ExpectComplete;

        /// <summary>Expected <c>complete=skip</c> (mmap): complete did not run.</summary>
        public bool ExpectCompleteSkipped;

        /// <summary>Expected <c>type=</c> (mmap): the action type value, the 32-bit pattern for one outside the enum.</summary>
        public int ExpectType;

        /// <summary>Expected <c>warns=</c> (mmap).</summary>
        public int ExpectWarns;
    }
}
