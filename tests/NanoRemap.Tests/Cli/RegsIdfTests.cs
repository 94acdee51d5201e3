using NanoRemap.Tests.Boards;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary><c>nanoremap regs</c> speaking ESP-IDF: IDF names, addresses, provenance, chip names as people write them.</summary>
public class RegsIdfTests
{
    private static CliRunner.Outcome Regs(params string[] args) =>
        CliRunner.Run(new[] { "regs" }.Concat(args).Concat(new[] { "--root", BoardFiles.Root }).ToArray());

    [Theory]
    [InlineData("esp32", "LEDC_LSTIMER0_CONF_REG", "LEDC.LSTIMER0_CONF addr=0x3FF59160")]
    [InlineData("esp32", "LEDC_LSTIMER0_CONF", "LEDC.LSTIMER0_CONF addr=0x3FF59160")]
    [InlineData("esp32", "LEDC_LSTIMER0_LIM", "LEDC.LSTIMER0_CONF.LSTIMER0_DUTY_RES addr=0x3FF59160 bit=0 width=5")]
    [InlineData("esp32", "GPIO_OUT_W1TS_REG", "GPIO.OUT_W1TS addr=0x3FF44008")]
    [InlineData("ESP32-C3", "GPIO_OUT_W1TS_REG", "GPIO.OUT_W1TS addr=0x60004008")]
    [InlineData("ESP32C3", "0x60004008", "GPIO.OUT_W1TS addr=0x60004008")]
    [InlineData("esp32", "0x3FF44008", "GPIO.OUT_W1TS.OUT_DATA_W1TS bit=0 width=32")]
    [InlineData("esp32", "0x3ff4400a", "0x3FF4400A is byte 2 of GPIO.OUT_W1TS")]
    [InlineData("esp32", "UART_FIFO_REG", "ESP-IDF's UART_FIFO_REG names 3 registers on esp32 (one per instance): UART0.FIFO, UART1.FIFO, UART2.FIFO")]
    public void Esp_idf_names_and_addresses_resolve(string chip, string query, string line)
    {
        var o = Regs(chip, query);
        Assert.True(o.Exit == 0, o.Stderr);
        Assert.Contains(o.Lines, l => l.StartsWith(line, StringComparison.Ordinal));
    }

    [Fact]
    public void A_register_says_where_its_values_came_from()
    {
        var o = Regs("esp32", "LEDC.LSCH0_DUTY");
        Assert.Equal(0, o.Exit);
        Assert.StartsWith("LEDC.LSCH0_DUTY addr=0x3FF590A8 access=rw", o.Lines[0]);
        Assert.Contains("idf=LEDC_LSCH0_DUTY_REG from=patch(access)", o.Lines[0]);
        Assert.Contains("idf=LEDC_DUTY_LSCH0 idfaccess=R/W from=patch(access)", o.Lines[1]);
        Assert.Contains("from=svd", Regs("esp32", "GPIO.OUT_W1TS").Lines[0]);
    }

    [Fact]
    public void Lists_carry_the_policy_of_each_register() =>
        Assert.Contains(Regs("esp32", "UART1").Lines, l => l.StartsWith("UART1.FIFO ", StringComparison.Ordinal) && l.Contains("policy=fifo", StringComparison.Ordinal));

    [Theory]
    [InlineData("0x3FF10000", "no register at 0x3FF10000 on esp32")]
    [InlineData("0xZZ", "is not a 32-bit hex address")]
    public void An_address_without_a_register_exits_2(string query, string message)
    {
        var o = Regs("esp32", query);
        Assert.Equal(2, o.Exit);
        Assert.Contains(message, o.Stderr);
    }

    [Fact]
    public void An_unknown_chip_names_the_chips_and_no_internal_path()
    {
        var o = Regs("esp32-c9", "GPIO");
        Assert.Equal(2, o.Exit);
        Assert.Contains("unknown chip 'esp32-c9'; chips: esp32, esp32c3", o.Stderr);
        Assert.DoesNotContain("registers.txt", o.Stderr);
    }
}
