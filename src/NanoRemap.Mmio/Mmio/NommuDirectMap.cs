using System;
using NanoRemap.Mm;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// What a nommu kernel does instead of remapping: it maps a device <em>directly</em>, at its physical
    /// address. The engine's nommu path warns and rejects every remap action ("nommu cannot handle these");
    /// a nommu driver gets its registers by an identity mapping instead.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The rule is the kernel's: mm/nommu.c <c>remap_pfn_range()</c> returns -EINVAL unless
    /// <c>addr == pfn &lt;&lt; PAGE_SHIFT</c>, and only then sets <c>VM_IO | VM_PFNMAP | VM_DONTEXPAND |
    /// VM_DONTDUMP</c>; Documentation/admin-guide/mm/nommu-mmap.rst maps a device directly
    /// (<c>NOMMU_MAP_DIRECT</c>) at the address <c>get_unmapped_area()</c> proposes, the device's own. Zephyr's
    /// <c>DEVICE_MMIO_MAP</c> is the same identity without an MMU. So the map step calls the engine's
    /// <see cref="MmEngine.RemapPfnRange"/> for the VMA and, when it accepts the identity, validates the
    /// window against the board map (<see cref="RegisterBus.Map"/>).
    /// </para>
    /// <para>
    /// The VMA follows the <c>/dev/mem</c> convention: <c>vm_pgoff</c> is the device's physical page, and a
    /// direct mapping puts <c>vm_start</c> at <c>vm_pgoff &lt;&lt; PAGE_SHIFT</c>. Allocation-free on success;
    /// every failure raises before any register is touched.
    /// </para>
    /// </remarks>
    public static class NommuDirectMap
    {
        /// <summary>
        /// Maps the whole VMA directly: checks the identity rule with <see cref="MmEngine.RemapPfnRange"/>
        /// (which sets the remap flags on <paramref name="vma"/>), then maps
        /// <c>[vm_start, vm_end)</c> on the bus. When the board map refuses the range the flags are restored.
        /// </summary>
        /// <param name="mm">The engine; must be a nommu model.</param>
        /// <param name="bus">The register bus of the board.</param>
        /// <param name="vma">The VMA: <c>vm_pgoff</c> is the device's physical page.</param>
        /// <returns>The window over the VMA.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">An MMU engine, a VMA that is not an identity mapping (remap_pfn_range: -EINVAL), or a range the board map does not allow.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The VMA does not fit the 32-bit bus, or leaves its peripheral block.</exception>
        public static MmioWindow Map(MmEngine mm, RegisterBus bus, VmAreaStruct vma)
        {
            // The whole VMA is the sub-window [vm_start, vm_end); Identity rejects a null VMA or one past
            // 32 bits before the truncated values are used.
            return vma == null
                ? Map(mm, bus, null, 0, 0)
                : Map(mm, bus, vma, (uint)vma.VmStart, (uint)(vma.VmEnd - vma.VmStart));
        }

        /// <summary>
        /// Maps a sub-window <c>[phys, phys + size)</c> of a directly mapped VMA, for blocks smaller than a
        /// page (the RTC sub-blocks): the VMA must pass the identity rule and contain the window.
        /// </summary>
        /// <param name="mm">The engine; must be a nommu model.</param>
        /// <param name="bus">The register bus.</param>
        /// <param name="vma">The VMA, as in <see cref="Map(MmEngine, RegisterBus, VmAreaStruct)"/>.</param>
        /// <param name="phys">Physical start of the window, inside the VMA.</param>
        /// <param name="size">Size of the window in bytes.</param>
        /// <returns>The window.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">An MMU engine, a VMA that is not an identity mapping, or a range the board map does not allow.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The window is not inside the VMA or its peripheral block.</exception>
        public static MmioWindow Map(MmEngine mm, RegisterBus bus, VmAreaStruct vma, uint phys, uint size)
        {
            ulong flags = vma == null ? 0 : vma.VmFlags;
            uint start = Identity(mm, bus, vma);
            ulong end = vma.VmEnd;
            try
            {
                if (phys < start || (ulong)phys + size > end)
                {
                    throw new ArgumentOutOfRangeException("phys", "window 0x" + phys.ToString("X8") + " +0x" + size.ToString("X")
                        + " is not inside the mapping [0x" + start.ToString("X8") + ", 0x" + end.ToString("X") + ") on " + bus.Board.Chip);
                }

                return bus.Map(phys, size);
            }
            catch (Exception)
            {
                vma.VmFlags = flags; // refused: the VMA is left as it came
                throw;
            }
        }

        /// <summary>
        /// Makes the VMA from a prepared descriptor (<see cref="VmAreaStruct.SetFromDesc"/>, as the core does)
        /// and maps it directly: desc.Start is the address asked for, desc.Pgoff the device's physical page.
        /// </summary>
        /// <param name="mm">The engine; must be a nommu model.</param>
        /// <param name="bus">The register bus.</param>
        /// <param name="desc">The descriptor of the mapping.</param>
        /// <param name="vma">Receives the VMA (caller-owned, so the step allocates nothing).</param>
        /// <returns>The window over the mapping.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">An MMU engine, a request that is not an identity mapping, or a range the board map does not allow.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The mapping does not fit the 32-bit bus, or leaves its peripheral block.</exception>
        public static MmioWindow Map(MmEngine mm, RegisterBus bus, VmAreaDesc desc, VmAreaStruct vma)
        {
            if (desc == null)
            {
                throw new ArgumentNullException("desc");
            }

            if (vma == null)
            {
                throw new ArgumentNullException("vma");
            }

            vma.SetFromDesc(desc);
            return Map(mm, bus, vma);
        }

        // The nommu identity rule through the engine; returns vm_start.
        private static uint Identity(MmEngine mm, RegisterBus bus, VmAreaStruct vma)
        {
            if (mm == null)
            {
                throw new ArgumentNullException("mm");
            }

            if (bus == null)
            {
                throw new ArgumentNullException("bus");
            }

            if (vma == null)
            {
                throw new ArgumentNullException("vma");
            }

            string chip = bus.Board.Chip;
            if (mm.Mmu)
            {
                throw new ArgumentException("direct mapping is the nommu path; an MMU kernel remaps with mmap_action_simple_ioremap (board " + chip + ")");
            }

            ulong start = vma.VmStart;
            ulong end = vma.VmEnd;
            if (start > 0xFFFFFFFFUL || end > 0x100000000UL || end <= start)
            {
                throw new ArgumentOutOfRangeException("vma", "mapping [0x" + start.ToString("X") + ", 0x" + end.ToString("X")
                    + ") is empty or does not fit the 32-bit bus of " + chip);
            }

            ulong pfn = vma.VmPgoff;
            int rc = mm.RemapPfnRange(vma, start, pfn, end - start, vma.VmPageProt);
            if (rc != 0)
            {
                ulong expected = (pfn << mm.PageShift) & mm.LongMask;
                throw new ArgumentException("nommu cannot map this device at 0x" + start.ToString("X8") + " on " + chip
                    + ": a direct mapping must be the identity, vm_start == pgoff << PAGE_SHIFT == 0x" + expected.ToString("X8")
                    + " (the device's physical address); remap_pfn_range returned " + rc.ToString());
            }

            return (uint)start;
        }
    }
}
