using NanoRemap.Chips;
using NanoRemap.Mmio;
using NanoRemap.Testing;
using SystimerRead;
using Xunit;

namespace NanoRemap.Tests.Samples;

/// <summary>
/// samples/SystimerRead's driver on the simulated ESP32-S3, set up as the firmware leaves it (clock and counters 0 and 1 on),
/// reading unit 0 and unit 1 (the indexing); SYSTIMER.CONF stays the firmware's.
/// </summary>
public class SystimerReadTests
{
    private const uint ConfAddress = Esp32S3.Systimer.BASE + Esp32S3.Systimer.CONF;
    private readonly RegisterSimulator _sim = SimulatorModels.CreateSimulator("esp32s3");
    private readonly MmioWindow _systimer;

    public SystimerReadTests()
    {
        // What the firmware did at boot: the clock on, counter 0 for esp_timer and counter 1 for the FreeRTOS tick
        // (esp_private/systimer.h SYSTIMER_COUNTER_ESPTIMER 0, SYSTIMER_COUNTER_OS_TICK 1). CONF is the tick's: the
        // driver only reads it.
        _sim.Poke(ConfAddress, _sim.Peek(ConfAddress) | RegisterField.InPlace(Esp32S3.Systimer.CONF_CLK_EN)
            | RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT0_WORK_EN) | RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT1_WORK_EN));
        _systimer = RegisterBus.CreateSimulated(_sim).MapBlock("SYSTIMER");
    }

    [Fact]
    public void IsCounting_reads_the_firmwares_conf()
    {
        Assert.True(SystimerCounter.IsCounting(_systimer, 0));
        Assert.True(SystimerCounter.IsCounting(_systimer, 1));
        _sim.Poke(ConfAddress, _sim.Peek(ConfAddress) & ~RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT1_WORK_EN));
        Assert.True(SystimerCounter.IsCounting(_systimer, 0));
        Assert.False(SystimerCounter.IsCounting(_systimer, 1));
        _sim.Poke(ConfAddress, _sim.Peek(ConfAddress) & ~RegisterField.InPlace(Esp32S3.Systimer.CONF_CLK_EN)); // clock gated
        Assert.False(SystimerCounter.IsCounting(_systimer, 0));
    }

    [Fact]
    public void Read_writes_only_the_op_register_and_leaves_conf_to_the_firmware()
    {
        uint conf = _sim.Peek(ConfAddress);
        var written = new List<uint>();
        _sim.OnWrite(ConfAddress, (s, a, v) => written.Add(a));
        SampleHardware.SystimerUnit(_sim, Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT0_OP, Esp32S3.Systimer.UNIT_OP_TIMER_UPDATE,
            Esp32S3.Systimer.UNIT_OP_TIMER_VALUE_VALID, Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT0_VALUE_HI,
            Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT0_VALUE_LO, () => 0x1234_5678_9ABC, validAfter: 1);
        int writesBefore = _sim.Writes;

        Assert.Equal(0x1234_5678_9ABCUL, SystimerCounter.Read(_systimer, 0));

        Assert.Equal(1, _sim.Writes - writesBefore); // the UPDATE store (the hook's Pokes are not bus writes)
        Assert.Empty(written);
        Assert.Equal(conf, _sim.Peek(ConfAddress));
    }

    [Fact]
    public void Conf_is_the_firmwares_a_driver_write_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            _systimer.SetField(Esp32S3.Systimer.CONF, Esp32S3.Systimer.CONF_TIMER_UNIT1_WORK_EN, 1)); // boards/esp32s3/board.map: ro SYSTIMER.*
        Assert.Contains("read-only", e.Message);
    }

    [Fact]
    public void Read_latches_unit_1_waits_for_valid_and_joins_the_52_bit_count()
    {
        ulong ticks = 0xA_BCDE_F012_3456;
        SampleHardware.SystimerUnit(_sim, Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT1_OP, Esp32S3.Systimer.UNIT_OP_TIMER_UPDATE,
            Esp32S3.Systimer.UNIT_OP_TIMER_VALUE_VALID, Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT1_VALUE_HI,
            Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT1_VALUE_LO, () => ticks += 16, validAfter: 3);

        Assert.Equal(0xA_BCDE_F012_3466UL, SystimerCounter.Read(_systimer, 1));
        Assert.Equal(0xA_BCDE_F012_3476UL, SystimerCounter.Read(_systimer, 1));
        Assert.Equal(0u, _sim.Peek(Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT0_VALUE_LO));
    }

    [Fact]
    public void Read_does_not_return_before_the_value_is_valid()
    {
        int opReads = 0;
        _sim.OnRead(Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT0_OP,
            (s, a, v) => ++opReads < 5 ? v : v | RegisterField.InPlace(Esp32S3.Systimer.UNIT_OP_TIMER_VALUE_VALID));
        SystimerCounter.Read(_systimer, 0);
        Assert.Equal(5, opReads);
    }
}
