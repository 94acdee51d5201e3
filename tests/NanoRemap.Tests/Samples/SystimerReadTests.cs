using NanoRemap.Chips;
using NanoRemap.Mmio;
using NanoRemap.Testing;
using SystimerRead;
using Xunit;

namespace NanoRemap.Tests.Samples;

/// <summary>samples/SystimerRead's driver on the simulated ESP32-S3: unit 1 (not 0: the indexing is what is tested).</summary>
public class SystimerReadTests
{
    private readonly RegisterSimulator _sim = SimulatorModels.CreateSimulator("esp32s3");
    private readonly MmioWindow _systimer;

    public SystimerReadTests() => _systimer = RegisterBus.CreateSimulated(_sim).MapBlock("SYSTIMER");

    [Fact]
    public void Enable_turns_the_clock_and_unit_1_on_and_leaves_unit_0()
    {
        uint before = _sim.Peek(Esp32S3.Systimer.BASE + Esp32S3.Systimer.CONF);
        SystimerCounter.Enable(_systimer, 1);

        uint conf = _sim.Peek(Esp32S3.Systimer.BASE + Esp32S3.Systimer.CONF);
        Assert.Equal(RegisterField.InPlace(Esp32S3.Systimer.CONF_CLK_EN), conf & RegisterField.InPlace(Esp32S3.Systimer.CONF_CLK_EN));
        Assert.Equal(RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT1_WORK_EN), conf & RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT1_WORK_EN));
        Assert.Equal(before & RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT0_WORK_EN), conf & RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT0_WORK_EN));
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
