using LedcFade;
using NanoRemap.Chips;
using NanoRemap.Mmio;
using NanoRemap.Testing;
using Xunit;

namespace NanoRemap.Tests.Samples;

/// <summary>samples/LedcFade's driver on the simulated ESP32: timer 1, channel 3 (not 0: the indexing is what is tested).</summary>
public class LedcFadeTests
{
    private readonly RegisterSimulator _sim = SimulatorModels.CreateSimulator("esp32");
    private readonly MmioWindow _ledc;
    private readonly MmioWindow _gpio;

    public LedcFadeTests()
    {
        RegisterBus bus = RegisterBus.CreateSimulated(_sim);
        _ledc = bus.MapBlock("LEDC");
        _gpio = bus.MapBlock("GPIO");
    }

    [Fact]
    public void ConfigureTimer_sets_timer_1_from_the_apb_clock()
    {
        LedcFadeDriver.ConfigureTimer(_ledc, 1, 5000, 10);

        uint conf = _sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSTIMER1_CONF);
        Assert.Equal((uint)(80_000_000UL * 256 / (5000 * 1024)), Field(conf, Esp32.Ledc.LSTIMER1_CONF_DIV_NUM_LSTIMER1)); // Q10.8: 15.625 → 4000
        Assert.Equal(10u, Field(conf, Esp32.Ledc.LSTIMER1_CONF_LSTIMER1_DUTY_RES));
        Assert.Equal(1u, Field(conf, Esp32.Ledc.LSTIMER1_CONF_TICK_SEL_LSTIMER1));
        Assert.Equal(0u, Field(conf, Esp32.Ledc.LSTIMER1_CONF_LSTIMER1_RST));
        Assert.Equal(1u, Field(_sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.CONF), Esp32.Ledc.CONF_APB_CLK_SEL));
        Assert.Equal(0x01000000u, _sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSTIMER0_CONF)); // timer 0 untouched (reset value)
    }

    [Fact]
    public void AttachChannel_binds_channel_3_to_timer_1_and_routes_it_to_the_pin()
    {
        LedcFadeDriver.AttachChannel(_ledc, _gpio, 3, 1, 2);

        uint conf0 = _sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSCH3_CONF0);
        Assert.Equal(1u, Field(conf0, Esp32.Ledc.LSCH3_CONF0_TIMER_SEL_LSCH3));
        Assert.Equal(1u, Field(conf0, Esp32.Ledc.LSCH3_CONF0_SIG_OUT_EN_LSCH3));
        Assert.Equal(0u, Field(_sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSCH0_CONF0), Esp32.Ledc.LSCH0_CONF0_SIG_OUT_EN_LSCH0));
        Assert.Equal(Esp32.LEDC_LS_SIG_OUT3_IDX, Field(_sim.Peek(Esp32.Gpio.BASE + Esp32.Gpio.FUNC2_OUT_SEL_CFG), Esp32.Gpio.FUNC2_OUT_SEL_CFG_FUNC2_OUT_SEL));
        Assert.Equal(1u << 2, _sim.Peek(Esp32.Gpio.BASE + Esp32.Gpio.ENABLE));
    }

    [Fact]
    public void Fade_writes_the_start_duty_and_the_fade_parameters_of_channel_3_and_waits_for_the_last_one()
    {
        SampleHardware.LedcDutyStartSelfClears(_sim, Esp32.Ledc.BASE + Esp32.Ledc.LSCH3_CONF1, Esp32.Ledc.LSCH3_CONF1_DUTY_START_LSCH3);
        // The vendor SVD marks LSCHn_DUTY read-only (ESP-IDF's ledc_reg.h: LEDC_DUTY_LSCH3 : R/W), so the simulator drops the
        // write until the facts are patched: the test takes the value the driver wrote from the bus.
        uint duty = 0xFFFFFFFF, channel2 = _sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSCH2_CONF1);
        _sim.OnWrite(Esp32.Ledc.BASE + Esp32.Ledc.LSCH3_DUTY, (s, a, v) => duty = v);
        LedcFadeDriver.Fade(_ledc, 3, 1023, false, 1023, 2, 1);
        LedcFadeDriver.Fade(_ledc, 3, 100, true, 50, 3, 4); // returns: the first fade's DUTY_START cleared

        Assert.Equal(100u << LedcFadeDriver.DutyFractionBits, duty);
        uint conf1 = _sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSCH3_CONF1);
        Assert.Equal(1u, Field(conf1, Esp32.Ledc.LSCH3_CONF1_DUTY_INC_LSCH3));
        Assert.Equal(50u, Field(conf1, Esp32.Ledc.LSCH3_CONF1_DUTY_NUM_LSCH3));
        Assert.Equal(3u, Field(conf1, Esp32.Ledc.LSCH3_CONF1_DUTY_CYCLE_LSCH3));
        Assert.Equal(4u, Field(conf1, Esp32.Ledc.LSCH3_CONF1_DUTY_SCALE_LSCH3));
        Assert.Equal(1u, Field(conf1, Esp32.Ledc.LSCH3_CONF1_DUTY_START_LSCH3));
        Assert.Equal(1u, Field(_sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSCH3_CONF0), Esp32.Ledc.LSCH3_CONF0_PARA_UP_LSCH3));
        Assert.Equal(channel2, _sim.Peek(Esp32.Ledc.BASE + Esp32.Ledc.LSCH2_CONF1)); // channel 2 untouched
    }

    private static uint Field(uint value, uint field) => (value >> RegisterField.Shift(field)) & RegisterField.Mask(field);
}
