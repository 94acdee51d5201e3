namespace NanoRemap.Mm
{
    /// <summary>
    /// VMA flag bits with the kernel's bit numbers (<c>VMA_*_BIT</c>, tools/testing/vma/include/dup.h)
    /// and the masks built from them. <c>vma_flags_t</c> is a <c>BITS_PER_LONG</c> bitmap; every bit used
    /// here is below 32, so one <c>ulong</c> holds it on every word model.
    /// </summary>
    public static class VmFlags
    {
        /// <summary><c>VM_READ</c>, bit 0.</summary>
        public const ulong READ = 1UL << 0;
        /// <summary><c>VM_WRITE</c>, bit 1.</summary>
        public const ulong WRITE = 1UL << 1;
        /// <summary><c>VM_EXEC</c>, bit 2.</summary>
        public const ulong EXEC = 1UL << 2;
        /// <summary><c>VM_SHARED</c>, bit 3.</summary>
        public const ulong SHARED = 1UL << 3;
        /// <summary><c>VM_MAYREAD</c>, bit 4.</summary>
        public const ulong MAYREAD = 1UL << 4;
        /// <summary><c>VM_MAYWRITE</c>, bit 5.</summary>
        public const ulong MAYWRITE = 1UL << 5;
        /// <summary><c>VM_MAYEXEC</c>, bit 6.</summary>
        public const ulong MAYEXEC = 1UL << 6;
        /// <summary><c>VM_MAYSHARE</c>, bit 7.</summary>
        public const ulong MAYSHARE = 1UL << 7;
        /// <summary><c>VM_MAYOVERLAY</c>, bit 9 (nommu only).</summary>
        public const ulong MAYOVERLAY = 1UL << 9;
        /// <summary><c>VM_PFNMAP</c>, bit 10: pages are raw PFNs, no struct page.</summary>
        public const ulong PFNMAP = 1UL << 10;
        /// <summary><c>VM_IO</c>, bit 14: memory-mapped I/O.</summary>
        public const ulong IO = 1UL << 14;
        /// <summary><c>VM_DONTEXPAND</c>, bit 18: mremap cannot grow it.</summary>
        public const ulong DONTEXPAND = 1UL << 18;
        /// <summary><c>VM_DONTDUMP</c>, bit 26: left out of core dumps.</summary>
        public const ulong DONTDUMP = 1UL << 26;
        /// <summary><c>VM_MIXEDMAP</c>, bit 28.</summary>
        public const ulong MIXEDMAP = 1UL << 28;

        /// <summary>
        /// <c>VMA_REMAP_FLAGS</c>: IO | PFNMAP | DONTEXPAND | DONTDUMP (0x04044400), set by a successful
        /// remap prepare and by nommu <c>remap_pfn_range</c>.
        /// </summary>
        public const ulong REMAP_FLAGS = IO | PFNMAP | DONTEXPAND | DONTDUMP;

        /// <summary><c>VM_SPECIAL</c>: IO | DONTEXPAND | PFNMAP | MIXEDMAP. Such VMAs never merge.</summary>
        public const ulong SPECIAL = IO | DONTEXPAND | PFNMAP | MIXEDMAP;

        /// <summary>
        /// <c>is_cow_mapping(flags)</c> (include/linux/mm.h): MAYWRITE set and SHARED clear.
        /// </summary>
        /// <param name="flags">The VMA flags.</param>
        /// <returns>True for a private writable (copy-on-write) mapping.</returns>
        public static bool IsCowMapping(ulong flags)
        {
            return (flags & (SHARED | MAYWRITE)) == MAYWRITE;
        }
    }
}
