namespace NanoRemap.Mm
{
    // The !CONFIG_MMU siblings: mm/util.c's #else branch (same case order as MmEngine.Util.cs, so the two
    // diff by eye) and mm/nommu.c. There are no page tables to remap: remap actions are warned about and
    // rejected, and "remapping" succeeds only as the identity (addr == pfn << PAGE_SHIFT). What a nommu
    // driver does instead is use the device at its physical address: NanoRemap.Mmio.NommuDirectMap.
    public sealed partial class MmEngine
    {
        // mmap_action_prepare, !CONFIG_MMU: no check_mmap_action, no default case, and it returns 0 even
        // for the remap types: the rejection comes at complete.
        private int NommuMmapActionPrepare(VmAreaDesc desc)
        {
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_prepare (nommu)");
            }

            switch (desc.Action.Type)
            {
                case MmapActionType.Nothing:
                    break;
                case MmapActionType.RemapPfn:
                case MmapActionType.IoRemapPfn:
                case MmapActionType.SimpleIoRemap:
                case MmapActionType.MapKernelPages:
                    WarnOn(WarnSite.NommuMmapActionPrepare); // nommu cannot handle these.
                    break;
            }

            if (t != null)
            {
                t.Leave("mmap_action_prepare (nommu)", 0);
            }

            return 0;
        }

        // mmap_action_complete, !CONFIG_MMU: WARN + -EINVAL for every remap type, then
        // mmap_action_finish(vma, action, err, is_compat) with the caller's is_compat, as the kernel does.
        // Its only caller, compat_vma_mmap, passes true: nothing is unmapped, no error_override.
        private int NommuMmapActionComplete(VmAreaStruct vma, MmapAction action, bool isCompat)
        {
            IMmTracer t = Tracer;
            if (t != null)
            {
                t.Enter("mmap_action_complete (nommu)");
            }

            int err = 0;
            switch (action.Type)
            {
                case MmapActionType.Nothing:
                    break;
                case MmapActionType.RemapPfn:
                case MmapActionType.IoRemapPfn:
                case MmapActionType.SimpleIoRemap:
                case MmapActionType.MapKernelPages:
                    WarnOn(WarnSite.NommuMmapActionComplete); // nommu cannot handle this.
                    err = -Errno.EINVAL;
                    break;
            }

            err = MmapActionFinish(vma, action, err, isCompat);
            if (t != null)
            {
                t.Leave("mmap_action_complete (nommu)", err);
            }

            return err;
        }

        // mm/nommu.c remap_pfn_range(): only the identity "remap" works; size and prot are ignored.
        private int NommuRemapPfnRange(VmAreaStruct vma, ulong addr, ulong pfn)
        {
            IMmTracer t = Tracer;
            ulong phys = (pfn << _pageShift) & _longMask;
            bool reject = addr != phys;
            if (t != null)
            {
                t.Enter("remap_pfn_range (nommu)");
                t.Check("addr != (pfn << PAGE_SHIFT)", addr, phys, reject);
            }

            int rc = -Errno.EINVAL;
            if (!reject)
            {
                vma.VmFlags |= VmFlags.REMAP_FLAGS;
                rc = 0;
                if (t != null)
                {
                    t.Assign("vma->vm_flags", vma.VmFlags & _longMask);
                }
            }

            if (t != null)
            {
                t.Leave("remap_pfn_range (nommu)", rc);
            }

            return rc;
        }

        // mm/nommu.c vm_iomap_memory(): none of __simple_ioremap_prep's checks; len is ignored and the
        // sub-page offset dropped. The identity test in remap_pfn_range is the only check.
        private int NommuVmIomapMemory(VmAreaStruct vma, ulong start, ulong len, ref ulong pfnOut)
        {
            IMmTracer t = Tracer;
            // (start >> PAGE_SHIFT) is phys_addr_t, + vm_pgoff, stored in an unsigned long pfn.
            ulong pfn = (((start & _physMask) >> _pageShift) + (vma.VmPgoff & _longMask)) & _longMask;
            if (t != null)
            {
                t.Enter("vm_iomap_memory (nommu)");
                t.Assign("pfn = (start >> PAGE_SHIFT) + vma->vm_pgoff", pfn);
                t.Assign("vm_len", (vma.VmEnd - vma.VmStart) & _longMask); // passed on, ignored by nommu remap_pfn_range
            }

            pfnOut = pfn;
            int rc = NommuRemapPfnRange(vma, vma.VmStart & _longMask, pfn);
            if (t != null)
            {
                t.Leave("vm_iomap_memory (nommu)", rc);
            }

            return rc;
        }
    }
}
