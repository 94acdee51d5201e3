using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NanoRemap.Boards;
using NanoRemap.Mmio;

namespace NanoRemap.Benchmarks
{
    /// <summary>
    /// One register read and one register write through an <see cref="MmioWindow"/> against the same call made
    /// directly on the <see cref="RegisterBus"/> (the baseline of each pair, so BenchmarkDotNet prints the ratio
    /// in the same run). The bus is the simulated one (the host has no ESP32): both sides pay the simulator,
    /// which re-checks the allow-list like the native layer; the difference is the window's own work (offset
    /// range/alignment check; the FIFO check is the native layer's). Target: 0 bytes allocated, window at most 1.2x the bus call. The same
    /// pairs for the atomic read-modify-write (window SetBits against the bus's Modify32) and a 16-word block read
    /// (window ReadBlock against the simulator's own block read, the native layer's <c>nr_read_block</c>).
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class MmioBenchmarks
    {
        private RegisterBus _bus;
        private MmioWindow _window;
        private uint _offset;
        private uint _address;
        private uint _value;
        private uint[] _buffer;

        /// <summary>The board map (nf.config <c>board</c>).</summary>
        [Params("esp32", "esp32s3", "esp32c3")]
        public string Board { get; set; }

        /// <summary>Maps the GPIO block and touches it once (the simulator allocates a block's storage on first access).</summary>
        [GlobalSetup]
        public void Setup()
        {
            _bus = RegisterBus.CreateSimulated(new RegisterSimulator(BoardMap.Get(Board)));
            _window = _bus.MapBlock("GPIO");
            _offset = _window.OffsetOf("OUT");
            _address = _window.PhysicalAddress + _offset;
            _value = 0x00000004;
            _buffer = new uint[16];
            _bus.Write32(_address, _value);
            if (_window.Read32(_offset) != _bus.Read32(_address))
            {
                throw new InvalidOperationException("window and bus disagree on " + Board);
            }
        }

        /// <summary>The direct bus read of GPIO_OUT.</summary>
        /// <returns>The register value.</returns>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Read32")]
        public uint BusRead32()
        {
            return _bus.Read32(_address);
        }

        /// <summary>The same read through the window.</summary>
        /// <returns>The register value.</returns>
        [Benchmark]
        [BenchmarkCategory("Read32")]
        public uint WindowRead32()
        {
            return _window.Read32(_offset);
        }

        /// <summary>The direct bus write of GPIO_OUT.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Write32")]
        public void BusWrite32()
        {
            _bus.Write32(_address, _value);
        }

        /// <summary>The same write through the window.</summary>
        [Benchmark]
        [BenchmarkCategory("Write32")]
        public void WindowWrite32()
        {
            _window.Write32(_offset, _value);
        }

        /// <summary>The direct atomic read-modify-write of GPIO_OUT on the bus.</summary>
        /// <returns>The old value.</returns>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Modify")]
        public uint BusModify32()
        {
            return _bus.Modify32(_address, 0, _value, 0);
        }

        /// <summary>The same read-modify-write through the window (SetBits).</summary>
        [Benchmark]
        [BenchmarkCategory("Modify")]
        public void WindowSetBits()
        {
            _window.SetBits(_offset, _value);
        }

        /// <summary>The native layer's block read of 16 words (the simulator plays it), the baseline.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("ReadBlock16")]
        public void BusReadBlock16()
        {
            _bus.Simulator.ReadBlock(_address, 4, _buffer, 0, 16);
        }

        /// <summary>The same 16-word block read through the window.</summary>
        [Benchmark]
        [BenchmarkCategory("ReadBlock16")]
        public void WindowReadBlock16()
        {
            _window.ReadBlock(_offset, _buffer, 0, 16);
        }
    }
}
