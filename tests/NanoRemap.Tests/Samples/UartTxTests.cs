using NanoRemap.Chips;
using NanoRemap.Mmio;
using NanoRemap.Testing;
using UartTx;
using Xunit;

namespace NanoRemap.Tests.Samples;

/// <summary>samples/UartTx's driver on the simulated ESP32-C3's UART1 (UART0 is the console: read-only to a driver).</summary>
public class UartTxTests
{
    private readonly RegisterSimulator _sim = SimulatorModels.CreateSimulator("esp32c3");
    private readonly MmioWindow _uart;

    public UartTxTests() => _uart = RegisterBus.CreateSimulated(_sim).MapBlock("UART1");

    [Theory]
    [InlineData(115200u)]
    [InlineData(9600u)]
    [InlineData(2_000_000u)]
    public void SetBaudRate_divides_the_apb_clock_to_within_a_sixteenth(uint baud)
    {
        Assert.True(Uart1Tx.SetBaudRate(_uart, baud));

        uint clkConf = _sim.Peek(Esp32C3.Uart1.BASE + Esp32C3.Uart1.CLK_CONF);
        uint clkDiv = _sim.Peek(Esp32C3.Uart1.BASE + Esp32C3.Uart1.CLKDIV);
        Assert.Equal(1u, Field(clkConf, Esp32C3.Uart1.CLK_CONF_SCLK_SEL)); // 80 MHz APB (uart_reg.h: "1: 80Mhz")
        double divider = (Field(clkConf, Esp32C3.Uart1.CLK_CONF_SCLK_DIV_NUM) + 1)
            * (Field(clkDiv, Esp32C3.Uart1.CLKDIV_CLKDIV) + Field(clkDiv, Esp32C3.Uart1.CLKDIV_FRAG) / 16.0);
        double actual = 80_000_000 / divider;
        Assert.InRange(actual, baud * 0.999, baud * 1.001);
    }

    [Fact]
    public void The_console_uart0_is_refused()
    {
        MmioWindow uart0 = RegisterBus.CreateSimulated(_sim).MapBlock("UART0");
        uint before = _sim.Peek(Esp32C3.Uart0.BASE + Esp32C3.Uart0.CLK_CONF);
        Assert.Throws<InvalidOperationException>(() => Uart1Tx.SetBaudRate(uart0, 115200)); // boards/esp32c3/board.map: ro UART0.*
        Assert.Equal(before, _sim.Peek(Esp32C3.Uart0.BASE + Esp32C3.Uart0.CLK_CONF));
    }

    [Fact]
    public void SetBaudRate_of_an_unreachable_rate_writes_nothing()
    {
        uint before = _sim.Peek(Esp32C3.Uart1.BASE + Esp32C3.Uart1.CLKDIV);
        Assert.False(Uart1Tx.SetBaudRate(_uart, 0));
        Assert.False(Uart1Tx.SetBaudRate(_uart, 50)); // would need an sclk divider over 256
        Assert.Equal(before, _sim.Peek(Esp32C3.Uart1.BASE + Esp32C3.Uart1.CLKDIV));
    }

    [Fact]
    public void Write_sends_more_than_a_fifo_in_order_without_overfilling_it()
    {
        var sent = new List<byte>();
        SampleHardware.UartFifo(_sim, Esp32C3.Uart1.BASE + Esp32C3.Uart1.FIFO, Esp32C3.Uart1.BASE + Esp32C3.Uart1.STATUS,
            Esp32C3.Uart1.STATUS_TXFIFO_CNT, (int)Esp32C3.SOC_UART_FIFO_LEN, drainPerRead: 16, sent);
        byte[] data = new byte[300];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 7);
        }

        Uart1Tx.Write(_uart, data, 0, data.Length);

        Assert.Equal(data, sent);
        Assert.False(Uart1Tx.IsIdle(_uart) && sent.Count < data.Length);
        for (int i = 0; i < 20 && !Uart1Tx.IsIdle(_uart); i++)
        {
        }

        Assert.True(Uart1Tx.IsIdle(_uart)); // drained by the STATUS reads above
    }

    private static uint Field(uint value, uint field) => (value >> RegisterField.Shift(field)) & RegisterField.Mask(field);
}
