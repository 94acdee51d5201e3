using NanoRemap.Facts;
using NanoRemap.Tooling.Idf;
using Xunit;

namespace NanoRemap.Tests.Idf;

/// <summary>The ESP-IDF header reader on header text in both comment styles, the macro evaluator and the access kinds.</summary>
public class IdfHeadersTests
{
    private const string Base = """
        #define DR_REG_LEDC_BASE                        0x3ff59000
        #define DR_REG_UART_BASE                        0x3ff40000
        #define REG_UART_BASE( i )      (DR_REG_UART_BASE + (i) * 0x10000 + ( (i) > 1 ? 0xe000 : 0 ) )
        #define REG_SPI_BASE(i)                         (((i)==2) ? (0x60024000) : (0))
        """;

    private const string OldStyle = """
        #define LEDC_LSCH0_DUTY_REG          (DR_REG_LEDC_BASE + 0x00A8)
        /* LEDC_DUTY_LSCH0 : R/W ;bitpos:[24:0] ;default: 25'h0 ; */
        /*description: duty*/
        #define LEDC_DUTY_LSCH0  0x01FFFFFF
        #define LEDC_DUTY_LSCH0_M  ((LEDC_DUTY_LSCH0_V)<<(LEDC_DUTY_LSCH0_S))
        #define LEDC_DUTY_LSCH0_V  0x1FFFFFF
        #define LEDC_DUTY_LSCH0_S  0
        #define UART_INT_RAW_REG(i)          (REG_UART_BASE(i) + 0x4)
        /* UART_TX_DONE_INT_RAW : RO ;bitpos:[14] ;default: 1'b1 ; */
        #define UART_TX_DONE_INT_RAW  (BIT(14))
        /* UART_RXFIFO_FULL_INT_RAW : RO ;bitpos:[0] ;default: ~1'b0 ; */
        #define UART_RXFIFO_FULL_INT_RAW  (BIT(0))
        """;

    private const string NewStyle = """
        /** SPI_CMD_REG register
         *  Command control register
         */
        #define SPI_CMD_REG(i) (REG_SPI_BASE(i) + 0x0)
        /** SPI_CONF_BITLEN : R/W; bitpos: [17:0]; default: 0;
         *  Define the APB cycles of SPI_CONF state.
         */
        #define SPI_CONF_BITLEN    0x0003FFFFU
        #define SPI_CONF_BITLEN_M  (SPI_CONF_BITLEN_V << SPI_CONF_BITLEN_S)
        /** SPI_UPDATE : WT; bitpos: [23]; default: 0;
         */
        #define SPI_UPDATE    (BIT(23))
        /** SPI_USR : R/W/SC; bitpos: [24]; default: 0;
         */
        #define SPI_USR    (BIT(24))
        """;

    private static List<IdfRegister> Read(string header)
    {
        var m = new IdfMacros();
        m.AddHeader(Base);
        m.AddHeader(header);
        return IdfHeaders.ReadHeader("components/soc/x/register/soc/x_reg.h", header, m).ToList();
    }

    [Fact]
    public void The_old_comment_style_gives_register_address_fields_and_defaults()
    {
        var regs = Read(OldStyle);
        IdfRegister duty = regs.Single(r => r.Name == "LEDC_LSCH0_DUTY_REG");
        Assert.Equal(0x3FF590A8u, duty.Address);
        Assert.Equal(1, duty.Line);
        IdfField f = Assert.Single(duty.Fields);
        Assert.Equal(("LEDC_DUTY_LSCH0", 0, 25, "R/W", (uint?)0u), (f.Name, f.Lsb, f.Width, f.Access, f.Default));
    }

    [Fact]
    public void A_function_like_register_macro_is_read_for_every_instance_through_nested_macros()
    {
        var regs = Read(OldStyle).Where(r => r.BaseName == "UART_INT_RAW_REG").ToList();
        Assert.Equal(0x3FF40004u, regs.Single(r => r.Instance == 0).Address);
        Assert.Equal(0x3FF50004u, regs.Single(r => r.Instance == 1).Address);
        Assert.Equal(0x3FF6E004u, regs.Single(r => r.Instance == 2).Address); // (i) > 1 ? 0xe000 : 0
        Assert.Equal("UART_INT_RAW_REG(2)", regs.Single(r => r.Instance == 2).Name);
        IdfRegister r0 = regs[0];
        Assert.Equal(0x4001u, r0.Reset); // ~1'b0 at bit 0, 1'b1 at bit 14
        Assert.Equal(0x4001u, r0.DefaultMask);
    }

    [Fact]
    public void The_new_comment_style_and_a_conditional_base_keep_only_instances_whose_address_is_not_zero()
    {
        var regs = Read(NewStyle);
        IdfRegister cmd = Assert.Single(regs);
        Assert.Equal("SPI_CMD_REG(2)", cmd.Name);
        Assert.Equal(0x60024000u, cmd.Address);
        Assert.Equal(new[] { "SPI_CONF_BITLEN", "SPI_UPDATE", "SPI_USR" }, cmd.Fields.Select(f => f.Name));
        Assert.Equal((0, 18), (cmd.Fields[0].Lsb, cmd.Fields[0].Width));
        Assert.Equal("R/W/SC", cmd.Fields[2].Access);
    }

    [Theory]
    [InlineData("25'h0", 25, 0u)]
    [InlineData("32'hf9c1e06f", 32, 0xF9C1E06Fu)]
    [InlineData("2'd3", 2, 3u)]
    [InlineData("1'b1", 1, 1u)]
    [InlineData("~1'b0", 1, 1u)]
    [InlineData("4294967295", 32, 0xFFFFFFFFu)]
    [InlineData("16", 8, 16u)]
    public void Defaults_parse_as_the_headers_write_them(string text, int width, uint value) =>
        Assert.Equal(value, IdfHeaders.ParseDefault(text, width));

    [Theory]
    [InlineData("x")]
    [InlineData("")]
    public void A_default_the_header_does_not_give_is_null(string text) => Assert.Null(IdfHeaders.ParseDefault(text, 4));

    [Theory]
    [InlineData("R/SS/WTC", FactsKinds.SetByHardware | FactsKinds.WriteOneToClear)]
    [InlineData("R/WTC/SS", FactsKinds.SetByHardware | FactsKinds.WriteOneToClear)]
    [InlineData("R/W/SC", FactsKinds.SelfClearing)]
    [InlineData("WT", FactsKinds.WriteTrigger)]
    [InlineData("R/WTC/WTS", FactsKinds.WriteOneToClear | FactsKinds.WriteOneToSet)]
    [InlineData("R/W", FactsKinds.None)]
    [InlineData("RO", FactsKinds.None)]
    public void Idf_access_kinds_map_to_facts_flags(string idf, FactsKinds kinds) => Assert.Equal(kinds, IdfAccessKinds.Kinds(idf));

    [Theory]
    [InlineData(FactsAccess.ReadWrite, "R/W", true)]
    [InlineData(FactsAccess.ReadOnly, "R/W", false)]
    [InlineData(FactsAccess.ReadOnly, "R/O", true)]
    [InlineData(FactsAccess.ReadOnly, "R/SS/WTC", true)]
    [InlineData(FactsAccess.WriteOnly, "WT", true)]
    [InlineData(FactsAccess.ReadOnly, "WT", false)]
    [InlineData(FactsAccess.ReadWrite, "RO", false)]
    public void Access_agreement_follows_what_software_can_do(FactsAccess facts, string idf, bool agrees) =>
        Assert.Equal(agrees, IdfAccessKinds.Agrees(facts, idf));
}
