using NanoRemap.Testing;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// The driver writer's quick start proposed for the README, run on the simulated bus: map a block, typed
/// constants, the peripheral clock, the simulator with a hook. (On the device the bus is
/// <c>RegisterBus.CreateHardware(BoardTables.Esp32)</c>; everything else is the same code.)
/// </summary>
public class QuickStartTests
{
    [Fact]
    public void Map_a_block_enable_its_clock_and_write_typed_constants()
    {
        BoardMap board = BoardTables.Esp32;
        var sim = SimulatorModels.CreateSimulator("esp32");
        RegisterBus bus = RegisterBus.CreateSimulated(sim);

        PeripheralClock clock = board.FindClock("LEDC");
        bus.EnableClock(clock);                                   // gated at reset: NanoRemap turns it on and owns it

        MmioWindow ledc = bus.MapBlock("LEDC");
        ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES, 10);
        MmioWindow gpio = bus.MapBlock("GPIO");
        gpio.Write32(Esp32.Gpio.ENABLE_W1TS, 1u << 2);
        gpio.Write32(Esp32.Gpio.OUT_W1TS, 1u << 2);

        Assert.Equal(1u << 11, sim.Peek(Esp32.Dport.BASE + Esp32.Dport.PERIP_CLK_EN) & (1u << 11));
        Assert.Equal(0u, sim.Peek(Esp32.Dport.BASE + Esp32.Dport.PERIP_RST_EN) & (1u << 11));
        Assert.Equal(10u, ledc.GetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES));
        Assert.Equal(1u << 2, gpio.Read32(Esp32.Gpio.OUT) & (1u << 2));
        Assert.True(sim.IsClockOwned(clock));
        Assert.Same(board, BoardMap.Get("esp32"));
    }

    [Fact]
    public void The_simulator_with_a_hook_lets_a_polling_driver_terminate()
    {
        var sim = SimulatorModels.CreateSimulator("esp32s3");
        RegisterBus bus = RegisterBus.CreateSimulated(sim);
        MmioWindow systimer = bus.MapBlock("SYSTIMER");
        int polls = 0;
        sim.OnRead(Esp32S3.Systimer.BASE + Esp32S3.Systimer.UNIT0_OP, (s, address, value) => ++polls < 3 ? value : value | (1u << 29));

        systimer.Write32(Esp32S3.Systimer.UNIT0_OP, 1u << 30);   // TIMER_UNIT0_UPDATE: latch the counter
        while (systimer.GetField(Esp32S3.Systimer.UNIT0_OP, Esp32S3.Systimer.UNIT0_OP_TIMER_UNIT0_VALUE_VALID) == 0)
        {
            Assert.True(polls < 10, "the poll must end");
        }

        Assert.Equal(3, polls); // VALUE_VALID on the third poll
    }

    [Fact]
    public void The_readme_simulator_snippet_counts_latches_receives_and_raises()
    {
        // README.md "Test it on the host", line for line
        var sim = SimulatorModels.CreateSimulator("esp32s3");
        sim.Attach(new SystimerModel(16));
        var uart = new UartModel("UART1");
        sim.Attach(uart);
        RegisterBus bus = RegisterBus.CreateSimulated(sim);
        MmioWindow systimer = bus.MapBlock("SYSTIMER");
        sim.Advance(1000);
        systimer.Write32(Esp32S3.Systimer.UNIT0_OP, 1u << 30);
        int polls = 0;
        while (systimer.GetField(Esp32S3.Systimer.UNIT0_OP, Esp32S3.Systimer.UNIT0_OP_TIMER_UNIT0_VALUE_VALID) == 0)
        {
            Assert.True(++polls < 10, "the poll must end");
        }

        uint ticks = systimer.Read32(Esp32S3.Systimer.UNIT0_VALUE_LO);
        uart.Receive(new byte[] { 0x4F, 0x4B });
        sim.Raise("UART1", "BRK_DET");

        Assert.Equal(16000u, ticks);
        Assert.Equal(0, polls);                                   // valid at once: the model latched it
        Assert.Equal(2, uart.ReceiveCount);
        Assert.True(sim.IsRaised("UART1", "BRK_DET"));
    }
}
