namespace NanoRemap.Mm
{
    // include/linux/mm.h: the helpers a driver's mmap_prepare hook calls. They only fill in the
    // descriptor; nothing is checked until mmap_action_prepare.
    public sealed partial class MmEngine
    {
        /// <summary><c>vma_desc_size(desc)</c>: <c>end - start</c> in <c>unsigned long</c>.</summary>
        /// <param name="desc">The descriptor.</param>
        /// <returns>The size in bytes (0 for a null descriptor).</returns>
        public ulong VmaDescSize(VmAreaDesc desc)
        {
            if (desc == null)
            {
                return 0;
            }

            return (desc.End - desc.Start) & _longMask;
        }

        /// <summary><c>vma_desc_pages(desc)</c>: <c>vma_desc_size(desc) &gt;&gt; PAGE_SHIFT</c>.</summary>
        /// <param name="desc">The descriptor.</param>
        /// <returns>The size in whole pages.</returns>
        public ulong VmaDescPages(VmAreaDesc desc)
        {
            return VmaDescSize(desc) >> _pageShift;
        }

        /// <summary>
        /// <c>range_in_vma_desc(desc, start, end)</c>: false for a null descriptor, else
        /// <c>range_is_subset(desc-&gt;start, desc-&gt;end, start, end)</c>, i.e.
        /// <c>desc-&gt;start &lt;= start &amp;&amp; end &lt;= desc-&gt;end</c>.
        /// </summary>
        /// <remarks>There is no <c>start &lt; end</c> check: an empty or inverted range inside the VMA passes.</remarks>
        /// <param name="desc">The descriptor.</param>
        /// <param name="start">First address of the range.</param>
        /// <param name="end">One past its last address.</param>
        /// <returns>Whether the range lies inside the descriptor.</returns>
        public bool RangeInVmaDesc(VmAreaDesc desc, ulong start, ulong end)
        {
            if (desc == null)
            {
                return false;
            }

            return (desc.Start & _longMask) <= (start & _longMask) && (end & _longMask) <= (desc.End & _longMask);
        }

        /// <summary><c>vma_desc_is_cow_mapping(desc)</c>: MAYWRITE set and SHARED clear.</summary>
        /// <param name="desc">The descriptor.</param>
        /// <returns>Whether the mapping is private and writable.</returns>
        public bool IsCowMapping(VmAreaDesc desc)
        {
            return desc != null && VmFlags.IsCowMapping(desc.VmFlags);
        }

        /// <summary>
        /// <c>mmap_action_remap(desc, start, start_pfn, size)</c>: remap <paramref name="size"/> bytes
        /// from user address <paramref name="start"/> to PFN <paramref name="startPfn"/> once the
        /// mapping exists. Takes a snapshot of <c>desc-&gt;page_prot</c> now.
        /// </summary>
        /// <remarks>
        /// Two WARN_ON_ONCE diagnostics fire when [start, start + size) is not inside the VMA; the helper
        /// continues either way, and <c>remap_pfn_range_prepare</c> then rejects the range with -EFAULT.
        /// The helper is a <c>static inline</c> in <c>include/linux/mm.h</c>, so the kernel has one print-once
        /// latch per WARN per translation unit that calls it; this engine keeps one per site (one calling
        /// file), which changes only which hits print (see <see cref="WarnSite"/>).
        /// </remarks>
        /// <param name="desc">The descriptor of the mapping.</param>
        /// <param name="start">First user address to remap, in bytes; must be within the VMA.</param>
        /// <param name="startPfn">First page frame number.</param>
        /// <param name="size">Length in bytes; start + size must not pass the end of the VMA.</param>
        public void MmapActionRemap(VmAreaDesc desc, ulong start, ulong startPfn, ulong size)
        {
            if (desc == null)
            {
                return;
            }

            MmapAction action = desc.Action;
            ulong dStart = desc.Start & _longMask;
            ulong dEnd = desc.End & _longMask;
            start &= _longMask;
            size &= _longMask;
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_remap");
                t.Check("start < desc->start", start, dStart, start < dStart);
                t.Check("start >= desc->end", start, dEnd, start >= dEnd);
            }

            if (start < dStart || start >= dEnd)
            {
                WarnOn(WarnSite.MmapActionRemapStart);
            }

            ulong end = (start + size) & _longMask;
            if (t != null)
            {
                t.Check("start + size > desc->end", end, dEnd, end > dEnd);
            }

            if (end > dEnd)
            {
                WarnOn(WarnSite.MmapActionRemapEnd);
            }

            action.Layout = _word;
            action.Type = MmapActionType.RemapPfn;
            action.Slot0 = start;
            action.Slot1 = startPfn & _longMask;
            action.Slot2 = size;
            action.Slot3 = desc.PageProt;
            if (t != null)
            {
                t.Assign("action->remap.start", start);
                t.Assign("action->remap.start_pfn", action.Slot1);
                t.Assign("action->remap.size", size);
                t.Assign("action->remap.pgprot", action.Slot3);
                t.Leave("mmap_action_remap", 0);
            }
        }

        /// <summary><c>mmap_action_remap_full(desc, start_pfn)</c>: remap the whole VMA from <paramref name="startPfn"/>.</summary>
        /// <param name="desc">The descriptor.</param>
        /// <param name="startPfn">First page frame number.</param>
        public void MmapActionRemapFull(VmAreaDesc desc, ulong startPfn)
        {
            if (desc == null)
            {
                return;
            }

            MmapActionRemap(desc, desc.Start, startPfn, VmaDescSize(desc));
        }

        /// <summary>
        /// <c>mmap_action_ioremap(desc, start, start_pfn, size)</c>: like <see cref="MmapActionRemap"/>, for
        /// I/O memory (type <c>MMAP_IO_REMAP_PFN</c>; prepare applies the arch PFN fix-up and decrypt).
        /// </summary>
        /// <param name="desc">The descriptor.</param>
        /// <param name="start">First user address, in bytes.</param>
        /// <param name="startPfn">First page frame number.</param>
        /// <param name="size">Length in bytes.</param>
        public void MmapActionIoremap(VmAreaDesc desc, ulong start, ulong startPfn, ulong size)
        {
            if (desc == null)
            {
                return;
            }

            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_ioremap");
            }

            MmapActionRemap(desc, start, startPfn, size);
            desc.Action.Type = MmapActionType.IoRemapPfn;
            if (t != null)
            {
                t.Assign("action->type = MMAP_IO_REMAP_PFN", (ulong)MmapActionType.IoRemapPfn);
                t.Leave("mmap_action_ioremap", 0);
            }
        }

        /// <summary><c>mmap_action_ioremap_full(desc, start_pfn)</c>: I/O remap the whole VMA from <paramref name="startPfn"/>.</summary>
        /// <param name="desc">The descriptor.</param>
        /// <param name="startPfn">First page frame number.</param>
        public void MmapActionIoremapFull(VmAreaDesc desc, ulong startPfn)
        {
            if (desc == null)
            {
                return;
            }

            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_ioremap_full");
            }

            MmapActionIoremap(desc, desc.Start, startPfn, VmaDescSize(desc));
            if (t != null)
            {
                t.Leave("mmap_action_ioremap_full", 0);
            }
        }

        /// <summary>
        /// <c>mmap_action_simple_ioremap(desc, start_phys_addr, size)</c>: I/O remap the physical range
        /// [<paramref name="startPhysAddr"/>, + <paramref name="size"/>) with the guardrails of
        /// <c>vm_iomap_memory</c>. Stores the two values and the type; validates nothing.
        /// </summary>
        /// <remarks>Drivers may tweak <c>desc-&gt;page_prot</c> (write-combine) before or after: the remap
        /// snapshot of it is taken inside prepare.</remarks>
        /// <param name="desc">The descriptor.</param>
        /// <param name="startPhysAddr">Start of the physical memory (a <c>phys_addr_t</c>).</param>
        /// <param name="size">Size of the area, in bytes.</param>
        public void MmapActionSimpleIoremap(VmAreaDesc desc, ulong startPhysAddr, ulong size)
        {
            if (desc == null)
            {
                return;
            }

            MmapAction action = desc.Action;
            startPhysAddr &= _physMask;
            size &= _longMask;
            action.Layout = _word;
            if (_word == WordModel.Ilp32Phys64)
            {
                // A 64-bit phys_addr_t spans two 32-bit slots; size sits in the third.
                action.Slot0 = startPhysAddr & 0xFFFFFFFFUL;
                action.Slot1 = startPhysAddr >> 32;
                action.Slot2 = size;
            }
            else
            {
                action.Slot0 = startPhysAddr;
                action.Slot1 = size;
            }

            action.Type = MmapActionType.SimpleIoRemap;
        }

        /// <summary>
        /// <c>mmap_action_map_kernel_pages(desc, start, pages, nr_pages)</c>: insert
        /// <paramref name="nrPages"/> kernel pages at <paramref name="start"/> (the pages themselves are not
        /// modelled). Records <c>desc-&gt;pgoff</c>.
        /// </summary>
        /// <param name="desc">The descriptor.</param>
        /// <param name="start">First user address, in bytes.</param>
        /// <param name="nrPages">How many pages.</param>
        public void MmapActionMapKernelPages(VmAreaDesc desc, ulong start, ulong nrPages)
        {
            if (desc == null)
            {
                return;
            }

            MmapAction action = desc.Action;
            action.Layout = _word;
            action.Type = MmapActionType.MapKernelPages;
            action.Slot0 = start & _longMask;
            action.Slot1 = 0;
            action.Slot2 = nrPages & _longMask;
            action.Slot3 = desc.Pgoff & _longMask;
        }

        /// <summary><c>mmap_action_map_kernel_pages_full(desc, pages)</c>: kernel pages over the whole VMA.</summary>
        /// <param name="desc">The descriptor.</param>
        public void MmapActionMapKernelPagesFull(VmAreaDesc desc)
        {
            if (desc == null)
            {
                return;
            }

            MmapActionMapKernelPages(desc, desc.Start, VmaDescPages(desc));
        }
    }
}
