using System;
using BenchmarkDotNet.Attributes;
using NanoRemap.Mm;

namespace NanoRemap.Benchmarks
{
    /// <summary>
    /// <c>__simple_ioremap_prep</c>, the guardrails of <c>vm_iomap_memory</c> and simple ioremap, once per C
    /// word model (the arithmetic is masked to the width of <c>unsigned long</c> / <c>phys_addr_t</c>).
    /// A passing case, so every check runs. Target: 0 bytes allocated.
    /// </summary>
    [MemoryDiagnoser]
    public class PrepBenchmarks
    {
        private MmEngine _engine;
        private ulong _vmLen;
        private ulong _phys;
        private ulong _size;

        /// <summary>The word model.</summary>
        [ParamsAllValues]
        public WordModel Word { get; set; }

        /// <summary>Builds the engine and checks the case passes.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _engine = new MmEngine(false, Word, 12);
            _engine.Warn.Output = null;
            _vmLen = 0x4000;
            _phys = 0x3FF44010; // sub-page start: the size fix-up runs too
            _size = 0x3FF0;
            if (SimpleIoremapPrep() != 0x3FF44UL)
            {
                throw new InvalidOperationException($"{Word}: __simple_ioremap_prep did not pass");
            }
        }

        /// <summary>One <c>__simple_ioremap_prep(vm_len, 0, phys, size, &amp;pfn)</c>.</summary>
        /// <returns>The pfn (or ulong.MaxValue on an error), so the JIT keeps the work.</returns>
        [Benchmark]
        public ulong SimpleIoremapPrep()
        {
            ulong pfn = ulong.MaxValue;
            _engine.SimpleIoremapPrep(_vmLen, 0, _phys, _size, ref pfn);
            return pfn;
        }
    }
}
