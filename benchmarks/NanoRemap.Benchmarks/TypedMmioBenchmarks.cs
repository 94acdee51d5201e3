using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace NanoRemap.Benchmarks
{
    /// <summary>
    /// A register write with the generated typed constants (<c>Esp32.Gpio.OUT_W1TS</c>, <c>Esp32.Ledc.*</c>) through
    /// an <see cref="MmioWindow"/>, against the same write made directly on the <see cref="RegisterBus"/> (the
    /// baseline of each pair), and a packed-field <c>SetField</c> against the mask/shift one. Simulated bus (the
    /// host has no ESP32). Targets: 0 bytes allocated, the typed write at most 1.2x the bus call.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class TypedMmioBenchmarks
    {
        private RegisterBus _bus;
        private MmioWindow _gpio;
        private MmioWindow _ledc;
        private uint _value;

        /// <summary>Maps GPIO and LEDC of the ESP32 and touches them once.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _bus = RegisterBus.CreateSimulated(new RegisterSimulator(BoardTables.Esp32));
            _gpio = _bus.MapBlock("GPIO");
            _ledc = _bus.MapBlock("LEDC");
            _value = 1u << 5;
            if (_gpio.PhysicalAddress != Esp32.Gpio.BASE || _ledc.PhysicalAddress != Esp32.Ledc.BASE)
            {
                throw new InvalidOperationException("the board map and the generated definitions disagree on a base");
            }

            _bus.Write32(Esp32.Gpio.BASE + Esp32.Gpio.OUT, 0);
            _ledc.Write32(Esp32.Ledc.LSTIMER0_CONF, 0);
        }

        /// <summary>The direct bus write of GPIO_OUT_W1TS.</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("TypedWrite32")]
        public void BusWrite32()
        {
            _bus.Write32(Esp32.Gpio.BASE + Esp32.Gpio.OUT_W1TS, _value);
        }

        /// <summary>The same write through the window with the typed constant.</summary>
        [Benchmark]
        [BenchmarkCategory("TypedWrite32")]
        public void WindowTypedWrite32()
        {
            _gpio.Write32(Esp32.Gpio.OUT_W1TS, _value);
        }

        /// <summary>SetField with the field's mask and shift (IDF _V / _S).</summary>
        [Benchmark(Baseline = true)]
        [BenchmarkCategory("SetField")]
        public void SetFieldMaskShift()
        {
            _ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, 0x1Fu, 0, 10);
        }

        /// <summary>SetField with the packed field constant.</summary>
        [Benchmark]
        [BenchmarkCategory("SetField")]
        public void SetFieldTyped()
        {
            _ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES, 10);
        }
    }
}
