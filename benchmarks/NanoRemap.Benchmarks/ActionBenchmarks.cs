using System;
using BenchmarkDotNet.Attributes;
using NanoRemap.Mm;

namespace NanoRemap.Benchmarks
{
    /// <summary>The kernel configuration a benchmark runs under.</summary>
    public enum Model
    {
        /// <summary><c>CONFIG_MMU</c>: the reference model.</summary>
        Mmu,

        /// <summary>!<c>CONFIG_MMU</c>: what the ESP32 runs.</summary>
        Nommu,
    }

    /// <summary>
    /// One mmap action end to end, as the core runs it for a new mapping: the descriptor is reset
    /// (<c>set_desc_from_map</c>), the driver's hook describes the action with the mm.h helper,
    /// <c>mmap_action_prepare</c> runs, the VMA is set from the descriptor, and <c>mmap_action_complete</c>
    /// runs (compat on nommu). The descriptor, VMA and engine are reused and untraced, so the measured path
    /// is the one a driver pays per mmap. Target: 0 bytes allocated.
    /// </summary>
    /// <remarks>
    /// On nommu every action but NOTHING takes the WARN sites and fails with -EINVAL at complete (the latch
    /// prints once, in setup, then only counts), so those rows measure the rejection path, which is what the
    /// device executes.
    /// </remarks>
    [MemoryDiagnoser]
    public class ActionBenchmarks
    {
        private const ulong Start = 0x3FF44000UL;            // the ESP32 GPIO block
        private const ulong End = Start + 0x4000UL;           // four pages
        private const ulong Pfn = Start >> 12;
        private const ulong Flags = VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYSHARE;

        private MmEngine _engine;
        private VmAreaDesc _desc;
        private VmAreaStruct _vma;

        /// <summary>The model.</summary>
        [ParamsAllValues]
        public Model Model { get; set; }

        /// <summary>The action type the hook asks for (the kernel's <c>enum mmap_action_type</c>).</summary>
        [ParamsAllValues]
        public MmapActionType Action { get; set; }

        /// <summary>Builds the engine and checks that the benchmark takes the intended path.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _engine = new MmEngine(Model == Model.Mmu, WordModel.Ilp32, 12);
            _engine.Warn.Output = null;
            _desc = new VmAreaDesc();
            _vma = new VmAreaStruct();

            int rc = PrepareComplete();
            int expected = Model == Model.Mmu || Action == MmapActionType.Nothing ? 0 : -Errno.EINVAL;
            if (rc != expected)
            {
                throw new InvalidOperationException(
                    $"{Model}/{Action}: prepare + complete returned {rc}, expected {expected}: the benchmark would measure an unintended path");
            }
        }

        /// <summary>desc reset + hook helper + <c>mmap_action_prepare</c> + VMA from desc + <c>mmap_action_complete</c>.</summary>
        /// <returns>The result of the mmap (kept so the JIT cannot drop the work).</returns>
        [Benchmark]
        public int PrepareComplete()
        {
            MmEngine e = _engine;
            VmAreaDesc d = _desc;
            d.Set(Start, End, 0, Flags, 0);
            switch (Action)
            {
                case MmapActionType.RemapPfn:
                    e.MmapActionRemapFull(d, Pfn);
                    break;
                case MmapActionType.IoRemapPfn:
                    e.MmapActionIoremapFull(d, Pfn);
                    break;
                case MmapActionType.SimpleIoRemap:
                    e.MmapActionSimpleIoremap(d, Start, End - Start);
                    break;
                case MmapActionType.MapKernelPages:
                    e.MmapActionMapKernelPagesFull(d);
                    break;
            }

            int rc = e.MmapActionPrepare(d);
            if (rc != 0)
            {
                return rc;
            }

            _vma.SetFromDesc(d);
            return e.MmapActionComplete(_vma, d.Action, !e.Mmu);
        }
    }
}
