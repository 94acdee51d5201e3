namespace NanoRemap.Mm
{
    // mm/memory.c and mm/internal.h (latest): the prepare/complete halves of each action, the
    // __simple_ioremap_prep guardrails, and vm_iomap_memory / remap_pfn_range for the MMU model.
    public sealed partial class MmEngine
    {
        /// <summary>
        /// <c>__simple_ioremap_prep(vm_len, vm_pgoff, start_phys, size, &amp;pfn)</c>: the guardrails of
        /// <c>vm_iomap_memory</c> and <c>mmap_action_simple_ioremap</c>. The same in both models.
        /// </summary>
        /// <remarks>
        /// Check order (every failure is -EINVAL): <c>start_phys + size</c> overflows in the wider of
        /// <c>phys_addr_t</c> / <c>unsigned long</c>; add the sub-page offset to size (unsigned long);
        /// pfn = start_phys &gt;&gt; PAGE_SHIFT and pages = size rounded up to pages (both unsigned long,
        /// may wrap); <c>pfn + pages</c> wraps; <c>vm_pgoff &gt; pages</c> (so pgoff == pages passes);
        /// the VMA does not fit in what is left. A physical range larger than the VMA is fine, and a
        /// sub-page start maps from the page base.
        /// </remarks>
        /// <param name="vmLen">Length of the VMA, in bytes.</param>
        /// <param name="vmPgoff">The VMA's page offset into the range.</param>
        /// <param name="startPhys">Start of the physical range (<c>phys_addr_t</c>).</param>
        /// <param name="size">Length of the physical range, in bytes.</param>
        /// <param name="pfn">Receives the first PFN to map; written only on success.</param>
        /// <returns>0 or -EINVAL.</returns>
        public int SimpleIoremapPrep(ulong vmLen, ulong vmPgoff, ulong startPhys, ulong size, ref ulong pfn)
        {
            IMmTracer t = Tracer;
            vmLen &= _longMask;
            vmPgoff &= _longMask;
            startPhys &= _physMask;
            size &= _longMask;
            if (t != null)
            {
                t.Enter("__simple_ioremap_prep");
            }

            // Check that the physical memory area passed in looks valid: size is promoted to phys_addr_t.
            ulong sum = (startPhys + size) & _physMask;
            bool reject = sum < startPhys;
            if (t != null)
            {
                t.Check("start_phys + size < start_phys", sum, startPhys, reject);
            }

            if (reject)
            {
                return Leave(t, "__simple_ioremap_prep", -Errno.EINVAL);
            }

            // IO memory may be less than page aligned: map from the page base (historically allowed).
            size = (size + (startPhys & _pageOffset)) & _longMask;
            ulong p = (startPhys >> _pageShift) & _longMask;
            ulong pages = ((size + _pageOffset) & _longMask) >> _pageShift;
            ulong end = (p + pages) & _longMask;
            reject = end < p;
            if (t != null)
            {
                t.Assign("size += start_phys & ~PAGE_MASK", size);
                t.Assign("pfn = start_phys >> PAGE_SHIFT", p);
                t.Assign("pages = (size + ~PAGE_MASK) >> PAGE_SHIFT", pages);
                t.Check("pfn + pages < pfn", end, p, reject);
            }

            if (reject)
            {
                return Leave(t, "__simple_ioremap_prep", -Errno.EINVAL);
            }

            // We start the mapping 'vm_pgoff' pages into the area.
            reject = vmPgoff > pages;
            if (t != null)
            {
                t.Check("vm_pgoff > pages", vmPgoff, pages, reject);
            }

            if (reject)
            {
                return Leave(t, "__simple_ioremap_prep", -Errno.EINVAL);
            }

            p = (p + vmPgoff) & _longMask;
            pages -= vmPgoff;

            // Can we fit all of the mapping?
            ulong vmPages = vmLen >> _pageShift;
            reject = vmPages > pages;
            if (t != null)
            {
                t.Assign("pfn += vm_pgoff", p);
                t.Assign("pages -= vm_pgoff", pages);
                t.Check("(vm_len >> PAGE_SHIFT) > pages", vmPages, pages, reject);
            }

            if (reject)
            {
                return Leave(t, "__simple_ioremap_prep", -Errno.EINVAL);
            }

            pfn = p;
            if (t != null)
            {
                t.Assign("*pfnp", p);
            }

            return Leave(t, "__simple_ioremap_prep", 0);
        }

        /// <summary>
        /// <c>remap_pfn_range_prepare(desc)</c>: the range must lie inside the VMA (-EFAULT, checked first),
        /// then the COW rule (<c>get_remap_pgoff</c>), then the remap flags are set. Flags and a COW pgoff
        /// are written only on success.
        /// </summary>
        /// <param name="desc">The descriptor with a REMAP_PFN (or delegated) action.</param>
        /// <returns>0, -EFAULT or -EINVAL.</returns>
        public int RemapPfnRangePrepare(VmAreaDesc desc)
        {
            if (desc == null)
            {
                return -Errno.EINVAL;
            }

            IMmTracer t = Tracer;
            MmapAction action = desc.Action;
            ulong start = action.Slot0 & _longMask;
            ulong end = (start + action.Slot2) & _longMask; // not page aligned
            ulong pfn = action.Slot1 & _longMask;
            if (t != null)
            {
                t.Enter("remap_pfn_range_prepare");
                t.Assign("end = start + size", end);
                t.Check("desc->start <= start", desc.Start & _longMask, start, (desc.Start & _longMask) <= start);
                t.Check("end <= desc->end", end, desc.End & _longMask, end <= (desc.End & _longMask));
            }

            if (!RangeInVmaDesc(desc, start, end))
            {
                return Leave(t, "remap_pfn_range_prepare", -Errno.EFAULT);
            }

            int err = GetRemapPgoff(IsCowMapping(desc), start, end, desc.Start & _longMask, desc.End & _longMask, pfn, ref desc.Pgoff);
            if (err != 0)
            {
                return Leave(t, "remap_pfn_range_prepare", err);
            }

            desc.VmFlags |= VmFlags.REMAP_FLAGS;
            if (t != null)
            {
                t.Assign("desc->vma_flags |= VMA_REMAP_FLAGS", desc.VmFlags & _longMask);
            }

            return Leave(t, "remap_pfn_range_prepare", 0);
        }

        /// <summary>
        /// <c>io_remap_pfn_range_prepare(desc)</c>: applies the arch PFN fix-up (<c>io_remap_pfn_range_pfn</c>,
        /// the identity here) and <c>pgprot_decrypted</c> (identity), runs <see cref="RemapPfnRangePrepare"/>
        /// and on success turns the action into REMAP_PFN ("remap does the actual work").
        /// </summary>
        /// <param name="desc">The descriptor.</param>
        /// <returns>0 or the error of <see cref="RemapPfnRangePrepare"/>; on error the type stays IO_REMAP_PFN.</returns>
        public int IoRemapPfnRangePrepare(VmAreaDesc desc)
        {
            if (desc == null)
            {
                return -Errno.EINVAL;
            }

            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("io_remap_pfn_range_prepare");
            }

            // action->remap.start_pfn = io_remap_pfn_range_pfn(...); remap.pgprot = pgprot_decrypted(...):
            // both the identity on the modelled architectures.
            int err = RemapPfnRangePrepare(desc);
            if (err == 0)
            {
                desc.Action.Type = MmapActionType.RemapPfn;
                if (t != null)
                {
                    t.Assign("action->type = MMAP_REMAP_PFN", (ulong)MmapActionType.RemapPfn);
                }
            }

            return Leave(t, "io_remap_pfn_range_prepare", err);
        }

        /// <summary>
        /// <c>simple_ioremap_prepare(desc)</c>: <see cref="SimpleIoremapPrep"/> over the VMA, then
        /// <c>mmap_action_ioremap_full(desc, pfn)</c> (replacing the union contents and snapshotting
        /// <c>page_prot</c>), then one delegation to <see cref="IoRemapPfnRangePrepare"/> (v3+), or one
        /// re-entry of <see cref="MmapActionPrepare"/> when <see cref="SimpleIoremapReentersPrepare"/> (v1/v2).
        /// </summary>
        /// <param name="desc">The descriptor with a SIMPLE_IO_REMAP action.</param>
        /// <returns>0 or a negative errno; on a prep failure the action and descriptor are untouched.</returns>
        public int SimpleIoremapPrepare(VmAreaDesc desc)
        {
            if (desc == null)
            {
                return -Errno.EINVAL;
            }

            IMmTracer t = Tracer;
            MmapAction action = desc.Action;
            if (t != null)
            {
                t.Enter("simple_ioremap_prepare");
            }

            ulong pfn = 0;
            int err = SimpleIoremapPrep(VmaDescSize(desc), desc.Pgoff, action.SimpleIoremapStartPhysAddr, action.SimpleIoremapSize, ref pfn);
            if (err != 0)
            {
                return Leave(t, "simple_ioremap_prepare", err);
            }

            MmapActionIoremapFull(desc, pfn);
            err = SimpleIoremapReentersPrepare ? MmuMmapActionPrepare(desc) : IoRemapPfnRangePrepare(desc);
            return Leave(t, "simple_ioremap_prepare", err);
        }

        /// <summary>
        /// <c>get_remap_pgoff(is_cow, addr, end, vm_start, vm_end, pfn, &amp;vm_pgoff)</c>: the "horrible
        /// special case" of COW mappings. A COW remap must cover exactly [vm_start, vm_end) (else -EINVAL),
        /// and then records the PFN as the page offset. Non-COW mappings keep their pgoff.
        /// </summary>
        /// <param name="isCow">Whether the mapping is private and writable.</param>
        /// <param name="addr">Start of the remap.</param>
        /// <param name="end">End of the remap.</param>
        /// <param name="vmStart">Start of the VMA.</param>
        /// <param name="vmEnd">End of the VMA.</param>
        /// <param name="pfn">The first PFN.</param>
        /// <param name="vmPgoff">The page offset to update.</param>
        /// <returns>0 or -EINVAL.</returns>
        public int GetRemapPgoff(bool isCow, ulong addr, ulong end, ulong vmStart, ulong vmEnd, ulong pfn, ref ulong vmPgoff)
        {
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("get_remap_pgoff");
                t.Check("is_cow", isCow ? 1UL : 0UL, 1, isCow);
            }

            if (!isCow)
            {
                return Leave(t, "get_remap_pgoff", 0);
            }

            bool reject = addr != vmStart || end != vmEnd;
            if (t != null)
            {
                t.Check("addr != vm_start", addr, vmStart, addr != vmStart);
                t.Check("end != vm_end", end, vmEnd, end != vmEnd);
            }

            if (reject)
            {
                return Leave(t, "get_remap_pgoff", -Errno.EINVAL);
            }

            vmPgoff = pfn & _longMask;
            if (t != null)
            {
                t.Assign("*vm_pgoff_p = pfn", vmPgoff);
            }

            return Leave(t, "get_remap_pgoff", 0);
        }

        // remap_pfn_range_complete(vma, action): the page-table work of a prepared REMAP_PFN action.
        private int RemapPfnRangeComplete(VmAreaStruct vma, MmapAction action)
        {
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("remap_pfn_range_complete");
            }

            int err = DoRemapPfnRange(vma, action.Slot0 & _longMask, action.Slot1 & _longMask, action.Slot2 & _longMask, action.Slot3);
            return Leave(t, "remap_pfn_range_complete", err);
        }

        /// <summary>
        /// <c>do_remap_pfn_range(vma, addr, pfn, size, prot)</c> without page tables: only the kernel's error
        /// exits are kept. An unaligned <paramref name="addr"/> is WARN_ON_ONCE + -EINVAL; an empty or
        /// wrapping range (<c>addr &gt;= addr + PAGE_ALIGN(size)</c>) is a <c>BUG_ON</c> in the kernel, which
        /// the model reports as a WARN (its own site) + -EINVAL instead of an oops. Otherwise it succeeds.
        /// </summary>
        /// <param name="vma">The VMA.</param>
        /// <param name="addr">First user address.</param>
        /// <param name="pfn">First PFN.</param>
        /// <param name="size">Length in bytes.</param>
        /// <param name="prot">Page protection.</param>
        /// <returns>0 or -EINVAL.</returns>
        public int DoRemapPfnRange(VmAreaStruct vma, ulong addr, ulong pfn, ulong size, ulong prot)
        {
            IMmTracer t = Tracer;
            addr &= _longMask;
            ulong end = (addr + PageAlign(size)) & _longMask;
            bool unaligned = (addr & _pageOffset) != 0;
            if (t != null)
            {
                t.Enter("remap_pfn_range_internal");
                t.Check("!PAGE_ALIGNED(addr)", addr & _pageOffset, 0, unaligned);
            }

            if (unaligned)
            {
                WarnOn(WarnSite.RemapPfnRangeUnaligned);
                return Leave(t, "remap_pfn_range_internal", -Errno.EINVAL);
            }

            bool empty = addr >= end;
            if (t != null)
            {
                t.Check("addr >= end (BUG_ON)", addr, end, empty);
            }

            if (empty)
            {
                WarnOn(WarnSite.RemapPfnRangeEmpty);
                return Leave(t, "remap_pfn_range_internal", -Errno.EINVAL);
            }

            return Leave(t, "remap_pfn_range_internal", 0);
        }

        // map_kernel_pages_prepare(desc): MIXEDMAP is set first (VM_WARN_ON_ONCE on PFNMAP is compiled
        // out), then the range check.
        private int MapKernelPagesPrepare(VmAreaDesc desc)
        {
            IMmTracer t = Tracer;
            MmapAction action = desc.Action;
            if (t != null)
            {
                t.Enter("map_kernel_pages_prepare");
            }

            desc.VmFlags |= VmFlags.MIXEDMAP;
            ulong start = action.Slot0 & _longMask;
            ulong end = (start + ((_pageOffset + 1) * action.Slot2)) & _longMask;
            bool inside = RangeInVmaDesc(desc, start, end);
            if (t != null)
            {
                t.Assign("desc->vma_flags |= VMA_MIXEDMAP", desc.VmFlags & _longMask);
                t.Check("!range_in_vma_desc(desc, start, start + PAGE_SIZE * nr_pages)", start, end, !inside);
            }

            return Leave(t, "map_kernel_pages_prepare", inside ? 0 : -Errno.EFAULT);
        }

        // map_kernel_pages_complete(vma, action): insert_pages() of pages the model does not keep; succeeds.
        private int MapKernelPagesComplete(VmAreaStruct vma, MmapAction action)
        {
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("map_kernel_pages_complete");
            }

            return Leave(t, "map_kernel_pages_complete", 0);
        }

        /// <summary>
        /// <c>vm_iomap_memory(vma, start, len)</c>: map [start, start + len) of I/O memory over the VMA.
        /// MMU: <see cref="SimpleIoremapPrep"/> with the VMA's length and pgoff, then
        /// <c>io_remap_pfn_range</c>. Nommu: pfn = (start &gt;&gt; PAGE_SHIFT) + vm_pgoff with no other
        /// check (len is ignored) and the identity rule of nommu <see cref="RemapPfnRange"/>.
        /// </summary>
        /// <param name="vma">The VMA.</param>
        /// <param name="start">Physical start (<c>phys_addr_t</c>).</param>
        /// <param name="len">Length in bytes.</param>
        /// <returns>0 or a negative errno.</returns>
        public int VmIomapMemory(VmAreaStruct vma, ulong start, ulong len)
        {
            ulong pfn = 0;
            return VmIomapMemory(vma, start, len, ref pfn);
        }

        /// <summary>
        /// <see cref="VmIomapMemory(VmAreaStruct, ulong, ulong)"/>, also reporting the PFN it passed on to
        /// <c>remap_pfn_range</c> (for tools and tests; the kernel function has no such output).
        /// </summary>
        /// <param name="vma">The VMA.</param>
        /// <param name="start">Physical start.</param>
        /// <param name="len">Length in bytes.</param>
        /// <param name="pfn">Receives the PFN once it is computed (untouched if the guardrails reject first).</param>
        /// <returns>0 or a negative errno.</returns>
        public int VmIomapMemory(VmAreaStruct vma, ulong start, ulong len, ref ulong pfn)
        {
            if (vma == null)
            {
                return -Errno.EINVAL;
            }

            if (!_mmu)
            {
                return NommuVmIomapMemory(vma, start, len, ref pfn);
            }

            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("vm_iomap_memory");
            }

            ulong vmLen = (vma.VmEnd - vma.VmStart) & _longMask;
            int err = SimpleIoremapPrep(vmLen, vma.VmPgoff, start, len, ref pfn);
            if (err == 0)
            {
                // io_remap_pfn_range(): identity PFN fix-up and pgprot_decrypted, then remap_pfn_range.
                err = MmuRemapPfnRange(vma, vma.VmStart & _longMask, pfn, vmLen, vma.VmPageProt);
            }

            return Leave(t, "vm_iomap_memory", err);
        }

        /// <summary>
        /// <c>remap_pfn_range(vma, addr, pfn, size, prot)</c> of the model. MMU: the COW rule with
        /// <c>end = addr + PAGE_ALIGN(size)</c>, the remap flags on the VMA, then <see cref="DoRemapPfnRange"/>.
        /// Nommu: -EINVAL unless <c>addr == pfn &lt;&lt; PAGE_SHIFT</c> (unsigned long), else the remap flags;
        /// size and prot are ignored.
        /// </summary>
        /// <param name="vma">The VMA.</param>
        /// <param name="addr">First user address.</param>
        /// <param name="pfn">First PFN.</param>
        /// <param name="size">Length in bytes.</param>
        /// <param name="prot">Page protection.</param>
        /// <returns>0 or -EINVAL.</returns>
        public int RemapPfnRange(VmAreaStruct vma, ulong addr, ulong pfn, ulong size, ulong prot)
        {
            if (vma == null)
            {
                return -Errno.EINVAL;
            }

            if (!_mmu)
            {
                return NommuRemapPfnRange(vma, addr & _longMask, pfn & _longMask);
            }

            return MmuRemapPfnRange(vma, addr & _longMask, pfn & _longMask, size & _longMask, prot);
        }

        /// <summary><c>io_remap_pfn_range(vma, addr, pfn, size, prot)</c>: <see cref="RemapPfnRange"/> with the identity PFN fix-up and decrypt.</summary>
        /// <param name="vma">The VMA.</param>
        /// <param name="addr">First user address.</param>
        /// <param name="pfn">First PFN.</param>
        /// <param name="size">Length in bytes.</param>
        /// <param name="prot">Page protection.</param>
        /// <returns>0 or -EINVAL.</returns>
        public int IoRemapPfnRange(VmAreaStruct vma, ulong addr, ulong pfn, ulong size, ulong prot)
        {
            return RemapPfnRange(vma, addr, pfn, size, prot);
        }

        // remap_pfn_range() with CONFIG_MMU: remap_pfn_range_prepare_vma() then do_remap_pfn_range().
        private int MmuRemapPfnRange(VmAreaStruct vma, ulong addr, ulong pfn, ulong size, ulong prot)
        {
            IMmTracer t = Tracer;
            ulong end = (addr + PageAlign(size)) & _longMask;
            if (t != null)
            {
                t.Enter("remap_pfn_range");
                t.Assign("end = addr + PAGE_ALIGN(size)", end);
            }

            int err = GetRemapPgoff(VmFlags.IsCowMapping(vma.VmFlags), addr, end, vma.VmStart & _longMask, vma.VmEnd & _longMask, pfn, ref vma.VmPgoff);
            if (err != 0)
            {
                return Leave(t, "remap_pfn_range", err);
            }

            vma.VmFlags |= VmFlags.REMAP_FLAGS;
            if (t != null)
            {
                t.Assign("vma->vm_flags |= VM_REMAP_FLAGS", vma.VmFlags & _longMask);
            }

            err = DoRemapPfnRange(vma, addr, pfn, size, prot);
            return Leave(t, "remap_pfn_range", err);
        }

        // Reports a return to the tracer and passes the result through.
        private static int Leave(IMmTracer t, string function, int rc)
        {
            if (t != null)
            {
                t.Leave(function, rc);
            }

            return rc;
        }
    }
}
