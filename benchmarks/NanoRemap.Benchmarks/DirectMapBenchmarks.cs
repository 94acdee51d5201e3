using System;
using BenchmarkDotNet.Attributes;
using NanoRemap.Boards;
using NanoRemap.Mm;
using NanoRemap.Mmio;

namespace NanoRemap.Benchmarks
{
    /// <summary>
    /// The nommu direct-map step (<see cref="NommuDirectMap"/>): nommu <c>remap_pfn_range</c>'s identity rule
    /// on the VMA, then the window validated against the board map, for the GPIO block. VMA and engine are
    /// reused. Target: 0 bytes allocated (the window is a struct).
    /// </summary>
    [MemoryDiagnoser]
    public class DirectMapBenchmarks
    {
        private MmEngine _mm;
        private RegisterBus _bus;
        private VmAreaDesc _desc;
        private VmAreaStruct _vma;

        /// <summary>The board map.</summary>
        [Params("esp32", "esp32s3", "esp32c3")]
        public string Board { get; set; }

        /// <summary>A nommu ILP32 engine, a simulated bus and a descriptor for the GPIO block at its own address.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _mm = MmEngine.CreateNommuIlp32();
            _mm.Warn.Output = null;
            _bus = RegisterBus.CreateSimulated(new RegisterSimulator(BoardMap.Get(Board)));
            PeripheralBlock gpio = _bus.Board.Gpio;
            _desc = new VmAreaDesc();
            _desc.Set(gpio.Base, gpio.Base + gpio.Size, gpio.Base >> _mm.PageShift, VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED | VmFlags.MAYREAD | VmFlags.MAYWRITE | VmFlags.MAYSHARE, 0);
            _vma = new VmAreaStruct();
            if (DirectMap() != gpio.Base)
            {
                throw new InvalidOperationException("direct map of GPIO failed on " + Board);
            }
        }

        /// <summary>VMA from the descriptor, identity check, window over it.</summary>
        /// <returns>The window's address (so the JIT keeps the work).</returns>
        [Benchmark]
        public uint DirectMap()
        {
            return NommuDirectMap.Map(_mm, _bus, _desc, _vma).VirtualAddress;
        }
    }
}
