using NanoRemap.Facts;
using NanoRemap.Tests.Boards;
using NanoRemap.Tooling.Facts;
using Xunit;

namespace NanoRemap.Tests.Cli;

public class RegsCommandTests
{
    private static CliRunner.Outcome Regs(params string[] args) =>
        CliRunner.Run(new[] { "regs" }.Concat(args).Concat(new[] { "--root", BoardFiles.Root }).ToArray());

    private static ChipFacts Facts(string chip) => ChipFacts.Load(BoardFiles.Path("boards", chip, "registers.txt"));

    [Theory]
    [InlineData("esp32")]
    [InlineData("esp32s2")]
    [InlineData("esp32s3")]
    [InlineData("esp32c3")]
    [InlineData("esp32c5")]
    [InlineData("esp32c6")]
    [InlineData("esp32h2")]
    public void Without_a_name_it_lists_every_peripheral_with_base_and_register_count(string chip)
    {
        var o = Regs(chip);
        Assert.Equal(0, o.Exit);
        ChipFacts f = Facts(chip);
        Assert.Equal(f.Peripherals.Count, o.Lines.Length);
        FactsPeripheral gpio = f.FindPeripheral("GPIO");
        Assert.Contains($"GPIO base=0x{gpio.Base:X8} size=0x{gpio.Size:X} registers={gpio.Registers.Count}", o.Lines);
    }

    [Fact]
    public void A_peripheral_lists_its_registers_and_ranges()
    {
        var o = Regs("esp32s3", "AES");
        Assert.Equal(0, o.Exit);
        FactsPeripheral aes = Facts("esp32s3").FindPeripheral("AES");
        Assert.Equal(aes.Registers.Count + aes.Ranges.Count + 1, o.Lines.Length);
        Assert.Equal("block=AES deny", o.Lines[0]);
        Assert.Contains("AES.IV_MEM addr=0x6003A050 offset=0x50 bytes=0x10 access=rw range elements=16 policy=denied", o.Lines);
    }

    [Fact]
    public void A_register_prints_one_line_then_one_line_per_field()
    {
        var o = Regs("esp32", "GPIO.FUNC5_OUT_SEL_CFG");
        Assert.Equal(0, o.Exit);
        FactsRegister r = Facts("esp32").FindRegister("GPIO.FUNC5_OUT_SEL_CFG");
        Assert.Equal($"GPIO.FUNC5_OUT_SEL_CFG addr=0x3FF44544 access=rw reset=0x{r.Reset:X8} policy=allow idf={r.IdfName ?? "-"} from=svd", o.Lines[0]);
        Assert.Equal(r.Fields.Count + 3, o.Lines.Length);
        Assert.StartsWith("GPIO.FUNC5_OUT_SEL_CFG.FUNC5_OUT_SEL bit=0 width=9 access=rw idf=", o.Lines[1]);
        Assert.StartsWith("rule=allow owner=flash line=", o.Lines[^2]);
        Assert.StartsWith("block=GPIO allow owned=flash,console", o.Lines[^1]);
    }

    [Fact]
    public void A_field_prints_its_line_with_the_register_address()
    {
        var o = Regs("esp32s3", "LEDC.TIMER0_CONF.TIMER_DUTY_RES");
        Assert.Equal(0, o.Exit);
        Assert.Equal(new[] { "LEDC.TIMER0_CONF.TIMER_DUTY_RES addr=0x600190A0 bit=0 width=4 access=rw idf=LEDC_LSTIMER0_DUTY_RES idfaccess=R/W from=svd" }, o.Lines);
    }

    [Fact]
    public void Names_match_without_regard_to_case()
    {
        Assert.Equal(Regs("esp32", "GPIO.OUT_W1TS").Stdout, Regs("esp32", "gpio.out_w1ts").Stdout);
    }

    [Fact]
    public void The_policy_word_comes_from_the_board_map_or_is_na_for_a_chip_without_one()
    {
        Assert.Contains(" policy=read-only ", Regs("esp32", "EFUSE.BLK0_RDATA1").Lines[0]);
        Assert.Contains(" policy=allow ", Regs("esp32", "GPIO.OUT").Lines[0]);
        Assert.Contains(" policy=read-only ", Regs("esp32", "DPORT.PRO_CACHE_CTRL").Lines[0]);
        Assert.Contains(" policy=read-only ", Regs("esp32s3", "SYSTEM.CORE_1_CONTROL_0").Lines[0]);
        Assert.Contains(" policy=protect:0x0100E006 ", Regs("esp32", "DPORT.PERIP_RST_EN").Lines[0]);
        Assert.Contains(" policy=denied ", Regs("esp32", "UART0.FIFO").Lines[0]);
        Assert.Contains(" policy=denied ", Regs("esp32", "AES.START").Lines[0]);
        Assert.Contains(" policy=allow ", Regs("esp32c6", "GPIO.OUT").Lines[0]);
    }

    // Issue 14: a block's policy and owner, each register's policy and the line that classifies it; a register's
    // protected fields.
    [Fact]
    public void A_block_and_a_register_show_their_owner_and_the_protected_fields()
    {
        var block = Regs("esp32c6", "LP_WDT");
        Assert.Equal(0, block.Exit);
        Assert.StartsWith("block=LP_WDT allow owned=watchdog (board.map:", block.Lines[0]);
        Assert.Contains(block.Lines, l => l.StartsWith("LP_WDT.WPROTECT addr=0x600B1C18", StringComparison.Ordinal) && l.Contains("policy=read-only rule=ro owner=watchdog line="));
        Assert.Contains(block.Lines, l => l.StartsWith("LP_WDT.SWD_CONFIG ", StringComparison.Ordinal) && l.Contains("policy=read-only"));

        var ledc = Regs("esp32c6", "LEDC");
        Assert.Equal("block=LEDC allow", ledc.Lines[0]);
        Assert.All(ledc.Lines.Skip(1), l => Assert.Contains(" policy=allow rule=none", l));

        var reg = Regs("esp32", "DPORT.PERIP_RST_EN");
        Assert.Contains(reg.Lines, l => l.StartsWith("DPORT.PERIP_RST_EN.UART_RST bit=2 width=1 access=rw ", StringComparison.Ordinal) && l.EndsWith(" protected", StringComparison.Ordinal));
        Assert.Contains(reg.Lines, l => l.StartsWith("DPORT.PERIP_RST_EN.LEDC_RST bit=11 width=1 access=rw ", StringComparison.Ordinal) && !l.EndsWith(" protected", StringComparison.Ordinal));
        Assert.Contains(reg.Lines, l => l.StartsWith("rule=protect owner=flash,console,tick,watchdog line=", StringComparison.Ordinal));
        string wdt = Assert.Single(Regs("esp32s3", "TIMG0.INT_ENA_TIMERS.WDT_INT_ENA").Lines);
        Assert.StartsWith("TIMG0.INT_ENA_TIMERS.WDT_INT_ENA addr=0x6001F070 bit=2 width=1 access=rw ", wdt);
        Assert.EndsWith(" protected", wdt);
        Assert.Equal("block=RNG skip (no block of its own)", Regs("esp32c6", "RNG").Lines[0]);
    }

    [Theory]
    [InlineData("esp32", "GPOI", "no peripheral 'GPOI' on esp32; closest: GPIO")]
    [InlineData("esp32s3", "GPIO.FUNC5_OUT_SEL_CF", "no register 'GPIO.FUNC5_OUT_SEL_CF' on esp32s3; closest: GPIO.FUNC5_OUT_SEL_CFG")]
    [InlineData("esp32s3", "LEDC.TIMER0_CONF.DUTY_RES", "no field 'LEDC.TIMER0_CONF.DUTY_RES' on esp32s3; closest: LEDC.TIMER0_CONF.TIMER_DUTY_RES")]
    [InlineData("esp32", "GPIO.", "is not PERIPH, PERIPH.REG or PERIPH.REG.FIELD")]
    [InlineData("esp32q", "GPIO", "unknown chip 'esp32q'")]
    public void An_unknown_name_exits_2_and_suggests_the_closest(string chip, string name, string message)
    {
        var o = Regs(chip, name);
        Assert.Equal(2, o.Exit);
        Assert.Empty(o.Stdout);
        Assert.Contains(message, o.Stderr);
    }

    [Fact]
    public void Suggestions_rank_by_edit_distance()
    {
        Assert.Equal(2, NameSuggestions.Distance("GPOI", "GPIO"));
        Assert.Equal(new[] { "OUT", "OUT1" }, NameSuggestions.Closest("OTU", new[] { "ENABLE", "OUT1", "OUT", "STRAP" }, 2));
    }
}
