using GpioInOut;
using NanoRemap.Chips;
using NanoRemap.Mmio;
using NanoRemap.Testing;
using Xunit;

namespace NanoRemap.Tests.Samples;

/// <summary>samples/GpioInOut's driver on the simulated ESP32-C6: pin 9 in, pin 5 out.</summary>
public class GpioInOutTests
{
    private readonly RegisterSimulator _sim = SimulatorModels.CreateSimulator("esp32c6");
    private readonly MmioWindow _ioMux;
    private readonly MmioWindow _gpio;

    public GpioInOutTests()
    {
        RegisterBus bus = RegisterBus.CreateSimulated(_sim);
        _ioMux = bus.MapBlock("IO_MUX");
        _gpio = bus.MapBlock("GPIO");
    }

    [Fact]
    public void Configure_selects_the_gpio_function_input_buffer_and_output_enable_per_pin()
    {
        // FUNCn_OUT_SEL_CFG.FUNC_OUT_SEL is R/W/SC in ESP-IDF's esp32c6 gpio_reg.h, so the facts mark it self-clearing and
        // the simulator reads it back as 0 after any write: what the driver stored is taken from the write itself.
        // Pin 5 starts on a peripheral signal (0), so a driver that skipped the write would fail.
        _sim.Poke(Esp32C6.Gpio.BASE + Esp32C6.Gpio.FUNC5_OUT_SEL_CFG, 0);
        var outSel = new List<uint>();
        _sim.OnWrite(Esp32C6.Gpio.BASE + Esp32C6.Gpio.FUNC5_OUT_SEL_CFG, (s, a, v) => outSel.Add(v));
        GpioPins.Configure(_ioMux, _gpio, 9, false);
        GpioPins.Configure(_ioMux, _gpio, 5, true);

        foreach (uint pad in new[] { Esp32C6.IoMux.GPIO5, Esp32C6.IoMux.GPIO9 })
        {
            uint value = _sim.Peek(Esp32C6.IoMux.BASE + pad);
            Assert.Equal(1u, Field(value, Esp32C6.IoMux.GPIO5_MCU_SEL)); // io_mux_reg.h PIN_FUNC_GPIO on the C6
            Assert.Equal(1u, Field(value, Esp32C6.IoMux.GPIO5_FUN_IE));
        }

        uint written = Assert.Single(outSel); // pin 9 (an input) leaves FUNC5 alone
        Assert.Equal(128u, Field(written, Esp32C6.Gpio.FUNC5_OUT_SEL_CFG_FUNC_OUT_SEL)); // gpio_sig_map.h SIG_GPIO_OUT_IDX
        Assert.Equal(1u << 5, _sim.Peek(Esp32C6.Gpio.BASE + Esp32C6.Gpio.ENABLE));
    }

    [Fact]
    public void Write_and_Read_follow_the_pins()
    {
        uint outside = 1u << 9; // the button: pulled up
        SampleHardware.GpioLoopback(_sim, Esp32C6.Gpio.BASE, Esp32C6.Gpio.IN, Esp32C6.Gpio.OUT, Esp32C6.Gpio.ENABLE, () => outside);
        GpioPins.Configure(_ioMux, _gpio, 9, false);
        GpioPins.Configure(_ioMux, _gpio, 5, true);

        Assert.True(GpioPins.Read(_gpio, 9));
        GpioPins.Write(_gpio, 5, true);
        Assert.True(GpioPins.Read(_gpio, 5));
        Assert.Equal(1u << 5, _sim.Peek(Esp32C6.Gpio.BASE + Esp32C6.Gpio.OUT));
        outside = 0; // pressed
        Assert.False(GpioPins.Read(_gpio, 9));
        GpioPins.Write(_gpio, 5, false);
        Assert.False(GpioPins.Read(_gpio, 5));
        Assert.Equal(0u, _sim.Peek(Esp32C6.Gpio.BASE + Esp32C6.Gpio.OUT));
    }

    [Fact]
    public void A_flash_pad_is_refused_before_any_register_changes()
    {
        uint before = _sim.Peek(Esp32C6.IoMux.BASE + Esp32C6.IoMux.GPIO24);
        Assert.ThrowsAny<Exception>(() => GpioPins.Configure(_ioMux, _gpio, 24, true)); // SPICS0 (boards/esp32c6/board.map)
        Assert.Equal(before, _sim.Peek(Esp32C6.IoMux.BASE + Esp32C6.IoMux.GPIO24));
        Assert.Equal(0u, _sim.Peek(Esp32C6.Gpio.BASE + Esp32C6.Gpio.ENABLE));
    }

    private static uint Field(uint value, uint field) => (value >> RegisterField.Shift(field)) & RegisterField.Mask(field);
}
