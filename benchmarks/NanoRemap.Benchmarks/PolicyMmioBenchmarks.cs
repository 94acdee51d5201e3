using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NanoRemap.Boards;
using NanoRemap.Mmio;

namespace NanoRemap.Benchmarks
{
    /// <summary>
    /// The register-level policy's cost in a window: the classic ESP32's DPORT block holds denied and protected
    /// registers, so its window looks the word up in its per-window guard arrays. A plain register inside that
    /// guarded span (DPORT +0x104, interrupt matrix), and the protected DPORT_PERIP_RST_EN (one extra read for the
    /// value check, as the native core does), each against the same write made directly on the bus (baseline).
    /// Target: 0 bytes allocated; the plain register within 1.2x of the bus call.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class PolicyMmioBenchmarks
    {
        private const uint Plain = 0x104;          // DPORT_PRO_MAC_INTR_MAP: no policy, inside the guarded span
        private const uint Protected = 0xC4;       // DPORT_PERIP_RST_EN: protect SPI01_RST
        private RegisterBus _bus;
        private MmioWindow _dport;
        private uint _base;

        /// <summary>Maps the DPORT block of the ESP32 on a simulated bus.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _bus = RegisterBus.CreateSimulated(new RegisterSimulator(BoardTables.Esp32));
            _dport = _bus.MapBlock("DPORT");
            _base = _dport.PhysicalAddress;
            _dport.Write32(Plain, 1);
            _dport.Write32(Protected, 1u << 11);
        }

        /// <summary>The bus write of the plain register.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Plain")]
        public void BusWritePlain()
        {
            _bus.Write32(_base + Plain, 1);
        }

        /// <summary>The window write of the plain register in the guarded span.</summary>
        [Benchmark]
        [BenchmarkCategory("Plain")]
        public void WindowWritePlain()
        {
            _dport.Write32(Plain, 1);
        }

        /// <summary>The bus write of the protected register (the simulator checks the value too).</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Protected")]
        public void BusWriteProtected()
        {
            _bus.Write32(_base + Protected, 1u << 11);
        }

        /// <summary>The window write of the protected register: guard lookup, value check, write.</summary>
        [Benchmark]
        [BenchmarkCategory("Protected")]
        public void WindowWriteProtected()
        {
            _dport.Write32(Protected, 1u << 11);
        }
    }
}
