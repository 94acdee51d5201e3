using NanoRemap.Testing;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Simulation;

/// <summary>
/// Issue 13 item 3: the simulator as a chip. UART FIFOs, the SYSTIMER counter on a virtual clock, GPIO loopback and
/// LEDC duty updates on every chip that has them, with registers found by name (no address-keyed hook).
/// </summary>
public class PeripheralModelTests
{
    public static TheoryData<string> SystimerChips => new() { "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };

    public static TheoryData<string> RwDutyChips => new() { "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };

    [Theory]
    [MemberData(nameof(Boards.BoardFiles.Chips), MemberType = typeof(Boards.BoardFiles))]
    public void Uart_tx_fifo_counts_written_bytes_and_sends_them_when_the_clock_advances(string chip)
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard(chip);
        var uart = new UartModel("UART1");
        sim.Attach(uart);
        MmioWindow w = bus.MapBlock("UART1");
        uint fifo = Facts.Offset(chip, w, "UART1.FIFO"), status = Facts.Offset(chip, w, "UART1.STATUS");
        var tx = Facts.Field(chip, "UART1.STATUS.TXFIFO_CNT");
        w.Write32(Facts.Offset(chip, w, "UART1.INT_CLR"), 0xFFFFFFFF);
        foreach (byte b in "hello"u8.ToArray())
        {
            w.Write32(fifo, b);
        }

        Assert.Equal(5u, (w.Read32(status) & tx.Mask) >> tx.Shift);
        Assert.False(sim.IsRaised("UART1", "TX_DONE"));
        Assert.Empty(uart.TakeTransmitted());

        sim.Advance(1000);
        Assert.Equal("hello"u8.ToArray(), uart.TakeTransmitted());
        Assert.Equal(0u, (w.Read32(status) & tx.Mask) >> tx.Shift);
        Assert.True(sim.IsRaised("UART1", "TX_DONE"));
        Assert.True(sim.IsRaised("UART1", "TXFIFO_EMPTY"));  // below the reset threshold (CONF1.TXFIFO_EMPTY_THRHD)
        Assert.Empty(uart.TakeTransmitted());
    }

    [Theory]
    [MemberData(nameof(Boards.BoardFiles.Chips), MemberType = typeof(Boards.BoardFiles))]
    public void Uart_rx_fifo_takes_fed_bytes_and_each_fifo_read_pops_one(string chip)
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard(chip);
        var uart = new UartModel("UART1");
        sim.Attach(uart);
        MmioWindow w = bus.MapBlock("UART1");
        uint fifo = Facts.Offset(chip, w, "UART1.FIFO"), status = Facts.Offset(chip, w, "UART1.STATUS"), conf1 = Facts.Offset(chip, w, "UART1.CONF1");
        var rx = Facts.Field(chip, "UART1.STATUS.RXFIFO_CNT");
        var full = Facts.Field(chip, "UART1.CONF1.RXFIFO_FULL_THRHD");
        w.Write32(conf1, (w.Read32(conf1) & ~full.Mask) | (3u << full.Shift)); // RXFIFO_FULL at 3 bytes
        w.Write32(Facts.Offset(chip, w, "UART1.INT_CLR"), 0xFFFFFFFF);

        uart.Receive(new byte[] { 0x41, 0x42 });
        Assert.Equal(2u, (w.Read32(status) & rx.Mask) >> rx.Shift);
        Assert.False(sim.IsRaised("UART1", "RXFIFO_FULL"));
        uart.Receive(new byte[] { 0x43 });
        Assert.True(sim.IsRaised("UART1", "RXFIFO_FULL"));

        var got = new uint[3];
        w.ReadFifo(fifo, got, 0, 3);                          // the errata-safe FIFO read (a plain read where the board allows it)
        Assert.Equal(new uint[] { 0x41, 0x42, 0x43 }, got);
        Assert.Equal(0u, (w.Read32(status) & rx.Mask) >> rx.Shift);

        uart.Receive(new byte[UartModel.FifoLength + 1]);     // one byte too many
        Assert.True(sim.IsRaised("UART1", "RXFIFO_OVF"));
        Assert.Equal(UartModel.FifoLength, uart.ReceiveCount);
    }

    [Theory]
    [MemberData(nameof(SystimerChips))]
    public void Systimer_counts_with_the_virtual_clock_and_latches_on_update(string chip)
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard(chip);
        uint ticks = chip == "esp32s2" ? 80u : 16u;
        sim.Attach(new SystimerModel(ticks));
        MmioWindow w = bus.MapBlock("SYSTIMER");
        bool s2 = chip == "esp32s2";
        uint op = Facts.Offset(chip, w, s2 ? "SYSTIMER.UPDATE" : "SYSTIMER.UNIT0_OP");
        uint lo = Facts.Offset(chip, w, s2 ? "SYSTIMER.VALUE_LO" : "SYSTIMER.UNIT0_VALUE_LO");
        uint hi = Facts.Offset(chip, w, s2 ? "SYSTIMER.VALUE_HI" : "SYSTIMER.UNIT0_VALUE_HI");
        var update = Facts.Field(chip, s2 ? "SYSTIMER.UPDATE.TIMER_UPDATE" : "SYSTIMER.UNIT0_OP.TIMER_UNIT0_UPDATE");
        var valid = Facts.Field(chip, s2 ? "SYSTIMER.UPDATE.TIMER_VALUE_VALID" : "SYSTIMER.UNIT0_OP.TIMER_UNIT0_VALUE_VALID");

        Assert.Equal(0u, w.Read32(op) & valid.Mask);
        sim.Advance(1500);
        Assert.Equal(0u, w.Read32(lo));                      // nothing latched yet
        w.Write32(op, update.Mask);                          // systimer_ll_counter_snapshot
        Assert.Equal(valid.Mask, w.Read32(op) & (valid.Mask | update.Mask)); // valid; the trigger reads 0
        Assert.Equal(1500u * ticks, w.Read32(lo));
        Assert.Equal(0u, w.Read32(hi));

        sim.Advance(uint.MaxValue);                         // past 2^32 ticks: the high word counts
        sim.Advance(uint.MaxValue);
        w.Write32(op, update.Mask);
        ulong expected = (1500UL + 2UL * uint.MaxValue) * ticks;
        Assert.Equal(expected, ((ulong)w.Read32(hi) << 32) | w.Read32(lo));
        Assert.Equal(1500L + 2L * uint.MaxValue, sim.Microseconds);
    }

    [Fact]
    public void Systimer_stands_still_while_its_unit_is_not_working()
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard("esp32c3");
        var timer = new SystimerModel(16);
        sim.Attach(timer);
        MmioWindow w = bus.MapBlock("SYSTIMER");
        var work = Facts.Field("esp32c3", "SYSTIMER.CONF.TIMER_UNIT0_WORK_EN");
        uint conf = w.PhysicalAddress + Facts.Offset("esp32c3", w, "SYSTIMER.CONF");
        // SYSTIMER.CONF is the OS tick's (board.map: read-only to a driver): the test plays the firmware with Poke
        sim.Poke(conf, sim.Peek(conf) & ~work.Mask);
        sim.Advance(100);
        Assert.Equal(0UL, timer.Counter);
        sim.Poke(conf, sim.Peek(conf) | work.Mask);
        sim.Advance(100);
        Assert.Equal(1600UL, timer.Counter);
    }

    [Theory]
    [MemberData(nameof(Boards.BoardFiles.Chips), MemberType = typeof(Boards.BoardFiles))]
    public void Gpio_in_follows_out_for_output_enabled_pins_and_the_test_drives_the_others(string chip)
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard(chip);
        var gpio = new GpioLoopbackModel();
        sim.Attach(gpio);
        MmioWindow w = bus.MapBlock("GPIO");
        uint input = w.OffsetOf("IN");
        w.Write32(w.OffsetOf("ENABLE_W1TS"), 1u << 2);
        w.Write32(w.OffsetOf("OUT_W1TS"), (1u << 2) | (1u << 3)); // pin 3 is not an output: its level is not driven
        Assert.Equal(1u << 2, w.Read32(input) & 0xC);
        gpio.SetInput(3, true);
        Assert.Equal(0xCu, w.Read32(input) & 0xC);
        w.Write32(w.OffsetOf("OUT_W1TC"), 1u << 2);
        Assert.Equal(1u << 3, w.Read32(input) & 0xC);
        gpio.SetInput(2, true);                              // an output pin's input follows its output, not the test
        Assert.Equal(1u << 3, w.Read32(input) & 0xC);
        w.Write32(w.OffsetOf("ENABLE_W1TC"), 1u << 2);       // output off: now the driven level shows
        Assert.Equal(0xCu, w.Read32(input) & 0xC);
        if (SimulatorModels.Facts(chip).FindRegister("GPIO.IN1") != null && SimulatorModels.Facts(chip).FindRegister("GPIO.OUT1") != null)
        {
            w.Write32(w.OffsetOf("ENABLE1"), 1);              // GPIO32
            w.Write32(w.OffsetOf("OUT1"), 1);
            Assert.Equal(1u, w.Read32(w.OffsetOf("IN1")) & 1);
        }
    }

    [Theory]
    [MemberData(nameof(RwDutyChips))]
    public void Ledc_duty_takes_effect_on_the_update_bit(string chip)
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard(chip);
        var ledc = new LedcModel();
        sim.Attach(ledc);
        MmioWindow w = bus.MapBlock("LEDC");
        string ch = chip == "esp32c3" ? "LEDC.LSCH1" : "LEDC.CH1";
        string suffix = chip == "esp32c3" ? "_LSCH1" : "_CH";
        uint duty = Facts.Offset(chip, w, ch + "_DUTY"), dutyR = Facts.Offset(chip, w, ch + "_DUTY_R");
        uint conf0 = Facts.Offset(chip, w, ch + "_CONF0"), conf1 = Facts.Offset(chip, w, ch + "_CONF1");
        var paraUp = Facts.Field(chip, ch + "_CONF0.PARA_UP" + suffix);
        var start = Facts.Field(chip, ch + "_CONF1.DUTY_START" + suffix);
        Assert.True(ledc.ChannelCount >= 6, $"{chip}: {ledc.ChannelCount} channels");

        w.Write32(duty, 300u << 4);
        Assert.Equal(0u, w.Read32(dutyR));                   // not before the update
        w.SetBits(conf1, start.Mask);
        w.SetBits(conf0, paraUp.Mask);                       // ledc_ll_ls_channel_update
        Assert.Equal(300u << 4, w.Read32(dutyR));
        Assert.Equal(0u, w.Read32(conf0) & paraUp.Mask);     // both bits cleared by the hardware
        Assert.Equal(0u, w.Read32(conf1) & start.Mask);
        Assert.Equal(1, ledc.Updates);
    }

    [Fact]
    public void Esp32_high_speed_ledc_channels_update_on_duty_start()
    {
        RegisterSimulator sim = LedcFadeTests.Esp32WithWritableDuty();
        sim.Attach(new LedcModel());
        MmioWindow w = RegisterBus.CreateSimulated(sim).MapBlock("LEDC");
        w.Write32(Facts.Offset("esp32", w, "LEDC.HSCH2_DUTY"), 77u << 4);
        w.SetBits(Facts.Offset("esp32", w, "LEDC.HSCH2_CONF1"), Facts.Field("esp32", "LEDC.HSCH2_CONF1.DUTY_START_HSCH2").Mask);
        Assert.Equal(77u << 4, w.Read32(Facts.Offset("esp32", w, "LEDC.HSCH2_DUTY_R")));
    }

    [Fact]
    public void A_model_whose_registers_the_chip_lacks_is_refused_with_the_missing_name()
    {
        var (sim, _) = Mmio.WindowTests.ModelBoard("esp32");
        var e = Assert.Throws<ArgumentException>(() => sim.Attach(new SystimerModel(16)));
        Assert.Contains("no block SYSTIMER on esp32", e.Message);
        var plain = new RegisterSimulator(NanoRemap.Boards.BoardMap.Get("esp32c3"));
        var e2 = Assert.Throws<InvalidOperationException>(() => plain.Attach(new UartModel("UART0")));
        Assert.Contains("needs a simulator with a RegisterModel", e2.Message);
        var bare = new RegisterSimulator(NanoRemap.Boards.BoardMap.Get("esp32c3"), new RegisterModel());
        var e3 = Assert.Throws<InvalidOperationException>(() => bare.Attach(new UartModel("UART0")));
        Assert.Contains("UartModel of UART0: the register model has no field UART0.*.RXFIFO_RD_BYTE", e3.Message);
    }
}
