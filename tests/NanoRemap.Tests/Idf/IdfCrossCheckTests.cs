using NanoRemap.Facts;
using NanoRemap.Tests.Boards;
using NanoRemap.Tooling.Idf;
using Xunit;

namespace NanoRemap.Tests.Idf;

/// <summary>The comparison by address, its kinds, the review file, and the real cross-check of the seven chips.</summary>
public class IdfCrossCheckTests
{
    private static (ChipFacts Facts, FactsRegister Reg) OneRegister(uint reset, params (string Name, int Lsb, int Width, FactsAccess Access)[] fields)
    {
        var facts = new ChipFacts("t");
        FactsPeripheral p = facts.AddPeripheral("P", 0x1000, 0x100);
        FactsRegister r = facts.AddRegister(p, "R", 0x1000, FactsAccess.ReadWrite, reset, 32, false);
        foreach (var f in fields)
        {
            facts.AddField(r, f.Name, f.Lsb, f.Width, f.Access, false, false);
        }

        return (facts, r);
    }

    private static IdfRegister Idf(params IdfField[] fields) => new("P_R_REG", 0x1000, "components/soc/t/register/soc/p_reg.h", 10, fields, -1);

    [Fact]
    public void Each_kind_of_disagreement_is_found()
    {
        var (facts, r) = OneRegister(0x0,
            ("A", 0, 1, FactsAccess.ReadOnly),      // access: IDF R/W
            ("B", 1, 1, FactsAccess.ReadWrite),     // merged with C into IDF BC[2:1]
            ("C", 2, 1, FactsAccess.ReadWrite),
            ("D", 4, 4, FactsAccess.ReadWrite),     // split: IDF D0[5:4], D1[7:6]
            ("E", 8, 6, FactsAccess.ReadWrite),     // range: IDF E[15:8]
            ("X", 20, 1, FactsAccess.ReadWrite));   // extra
        IdfRegister idf = Idf(
            new IdfField("P_A", 0, 1, "R/W", 0, 11),
            new IdfField("P_BC", 1, 2, "R/W", 0, 12),
            new IdfField("P_D0", 4, 2, "R/W", 0, 13),
            new IdfField("P_D1", 6, 2, "R/W", 0, 14),
            new IdfField("P_E", 8, 8, "R/W", 0, 15),
            new IdfField("P_M", 24, 4, "RO", 5, 16));      // missing; reset 5 << 24 differs
        var d = IdfCrossCheck.CompareRegister(r, idf);
        Assert.Equal(
            new[] { "access P.R.A", "merged P.R.P_BC", "range P.R.P_E", "missing P.R.P_M", "split P.R.D", "extra P.R.X", "reset P.R" },
            d.Select(x => x.Kind + " " + x.Target));
        Assert.Contains("components/soc/t/register/soc/p_reg.h:11", d[0].Citation);
        Assert.Empty(IdfCrossCheck.CompareRegister(r, Idf(
            new IdfField("P_A", 0, 1, "RO", 0, 11), new IdfField("P_B", 1, 1, "R/W", 0, 12), new IdfField("P_C", 2, 1, "R/W", 0, 12),
            new IdfField("P_D", 4, 4, "R/W", 0, 13), new IdfField("P_E", 8, 6, "R/W", null, 15), new IdfField("P_X", 20, 1, "R/W", 0, 16))));
        Assert.Single(IdfCrossCheck.Compare(facts, new[] { idf }).Matches);
    }

    [Fact]
    public void Review_rules_need_a_kind_a_reason_and_an_explanation()
    {
        var ok = IdfReviewFile.Parse("review merged DPORT.* modelling # one 32-bit field\ninstances spi_reg.h 0-3 # SPI0..3\n", "r.txt");
        Assert.Single(ok.Rules);
        Assert.Equal(new[] { 0, 1, 2, 3 }, ok.Instances["spi_reg.h"].OrderBy(x => x));
        Assert.True(ok.Rules[0].Covers(new IdfDifference("merged", "DPORT.PERIP_CLK_EN.X", "d", "c")));
        Assert.False(ok.Rules[0].Covers(new IdfDifference("range", "DPORT.PERIP_CLK_EN.X", "d", "c")));
        Assert.Contains("r.txt:1", Assert.Throws<FormatException>(() => IdfReviewFile.Parse("review merged DPORT.* modelling\n", "r.txt")).Message);
        Assert.Contains("unknown reason", Assert.Throws<FormatException>(() => IdfReviewFile.Parse("review merged * because # x\n", "r.txt")).Message);
        Assert.Contains("unknown kind", Assert.Throws<FormatException>(() => IdfReviewFile.Parse("review wrong * modelling # x\n", "r.txt")).Message);
    }

    public static IEnumerable<object[]> Chips => NanoRemap.Tooling.Svd.SvdFolder.Chips.Select(c => new object[] { c });

    [IdfTheory]
    [MemberData(nameof(Chips))]
    public void Every_disagreement_with_esp_idf_is_patched_or_reviewed(string chip)
    {
        IdfCheck c = IdfCheck.Run(BoardFiles.Root, IdfFolder.Resolve(BoardFiles.Root), chip);
        Assert.True(c.Compared > 1000, c.Summary());
        Assert.Empty(c.Errors);
        Assert.Empty(c.Unresolved.Select(d => d.ToString()));
    }

    [IdfFact]
    public void The_known_facts_errors_are_patched()
    {
        ChipFacts esp32 = ChipFacts.Load(BoardFiles.Path("boards", "esp32", "registers.txt"));
        Assert.Equal(FactsAccess.ReadWrite, esp32.FindField("LEDC.LSCH3_DUTY.DUTY_LSCH3").Access);
        Assert.Equal(FactsAccess.ReadOnly, esp32.FindRegister("LEDC.HSCH5_DUTY_R").Access);
        Assert.Equal(0xF9C1E06Fu, esp32.FindRegister("DPORT.PERIP_CLK_EN").Reset);
        Assert.Equal("LEDC_LSCH0_DUTY_REG", esp32.FindRegister("LEDC.LSCH0_DUTY").IdfName);
        Assert.Equal(0x60018000u, ChipFacts.Load(BoardFiles.Path("boards", "esp32c6", "registers.txt")).FindPeripheral("SLCHOST").Base);
        Assert.Equal(0x600A3000u, ChipFacts.Load(BoardFiles.Path("boards", "esp32h2", "registers.txt")).FindPeripheral("IEEE802154").Base);
        Assert.Equal(8, ChipFacts.Load(BoardFiles.Path("boards", "esp32s2", "registers.txt")).FindField("SPI1.CLOCK.CLKCNT_L").Width);
        FactsField raw = ChipFacts.Load(BoardFiles.Path("boards", "esp32c6", "registers.txt")).FindField("UART0.INT_RAW.TXFIFO_EMPTY_INT_RAW");
        Assert.True(raw.SetByHardware && raw.WriteOneToClear, raw.IdfAccess);
    }
}

/// <summary>A fact skipped, saying what is missing, without ESP-IDF v5.5.4 (NANOREMAP_IDF_DIR, else ../shared/esp-idf-v5.5.4).</summary>
public sealed class IdfFactAttribute : FactAttribute
{
    public IdfFactAttribute()
    {
        string missing = IdfFolder.Missing(IdfFolder.Resolve(BoardFiles.Root), "esp32");
        if (missing != null)
        {
            Skip = "ESP-IDF headers missing: " + missing;
        }
    }
}

/// <summary>A theory skipped, saying what is missing, without ESP-IDF v5.5.4.</summary>
public sealed class IdfTheoryAttribute : TheoryAttribute
{
    public IdfTheoryAttribute()
    {
        string missing = IdfFolder.Missing(IdfFolder.Resolve(BoardFiles.Root), "esp32");
        if (missing != null)
        {
            Skip = "ESP-IDF headers missing: " + missing;
        }
    }
}
