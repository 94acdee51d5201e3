using NanoRemap.Chips;
using NanoRemap.Tests.Boards;
using NanoRemap.Tooling.Facts;
using Xunit;

namespace NanoRemap.Tests.Chips;

/// <summary>The folder of ESP-IDF v5.5.4 headers the constants are generated from (&lt;repo&gt;/../shared/esp-idf-v5.5.4), or why it is not there.</summary>
internal static class IdfFolder
{
    public static readonly string Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(BoardFiles.Root, IdfConstantsGenerator.DefaultIdfDir));

    public static readonly string Missing = Directory.Exists(System.IO.Path.Combine(Path, "components/soc"))
        ? null
        : $"ESP-IDF {IdfConstantsGenerator.IdfVersion} headers missing at {Path} (CI has them in ../shared; the committed constants are used as they are)";
}

/// <summary>A fact skipped, saying what is missing, without the ESP-IDF headers.</summary>
public sealed class IdfFactAttribute : FactAttribute
{
    public IdfFactAttribute()
    {
        if (IdfFolder.Missing != null)
        {
            Skip = IdfFolder.Missing;
        }
    }
}

/// <summary>
/// The ESP-IDF constants of the typed definitions (<c>&lt;Chip&gt;.Idf.g.cs</c>) are what <c>nanoremap boards generate-idf</c>
/// makes of the headers, the values drivers use are the IDF's, and the hand-written field values quote their source.
/// </summary>
public class IdfConstantsTests
{
    [IdfFact]
    public void The_committed_constants_are_fresh() =>
        Assert.Empty(IdfConstantsGenerator.Stale(BoardFiles.Root, IdfFolder.Path));

    [Fact]
    public void The_values_drivers_use_are_the_idf_ones()
    {
        Assert.Equal(2u, Esp32.PIN_FUNC_GPIO);           // io_mux_reg.h: the ESP32's pad function 2 is GPIO
        Assert.Equal(1u, Esp32C6.PIN_FUNC_GPIO);
        Assert.Equal(79u, Esp32.LEDC_LS_SIG_OUT0_IDX);   // gpio_sig_map.h
        Assert.Equal(128u, Esp32C6.SIG_GPIO_OUT_IDX);
        Assert.Equal(256u, Esp32.SIG_GPIO_OUT_IDX);
        Assert.Equal(128u, Esp32C3.SOC_UART_FIFO_LEN);   // soc_caps.h
        Assert.Equal(6u, Esp32C3.SOC_LEDC_CHANNEL_NUM);
        Assert.Equal(80_000_000u, Esp32.APB_CLK_FREQ);   // soc.h ( 80*1000000 )
        Assert.Equal(Esp32.FUN_IE_V << (int)Esp32.FUN_IE_S, Esp32.FUN_IE_M); // a macro defined before the ones it uses
    }

    [Fact]
    public void Macros_are_evaluated_as_c_constant_expressions_and_conditional_ones_are_left_out()
    {
        var known = new Dictionary<string, uint>(StringComparer.Ordinal) { ["EARLIER"] = 3 };
        string[] header =
        {
            "#ifndef _X_H_", "#define _X_H_",
            "#define A_M (A_V << A_S) /* uses macros defined below */", "#define A_V 0x7", "#define A_S 12",
            "#define B (BIT(9))", "#define C ( 80*1000000 ) //unit: Hz", "#define D (EARLIER + 1U)",
            "#define F(x) ((x) + 1)", "#define G SOME_REG_ELSEWHERE", "#define H \"text\"", "#define I (A_V || B)",
            "#if CONFIG_X", "#define J 1", "#endif", "#define K \\", "    (2 | 4)", "#endif",
        };
        var got = IdfConstantsGenerator.Parse(header, known).ToDictionary(c => c.Name, c => c.Value);
        Assert.Equal(new Dictionary<string, uint> { ["A_M"] = 0x7000, ["A_V"] = 7, ["A_S"] = 12, ["B"] = 512, ["C"] = 80_000_000, ["D"] = 4, ["K"] = 6 }, got);
        Assert.Equal(0x7000u, known["A_M"]);
        Assert.Empty(IdfConstantsGenerator.Parse(header, known)); // every name is known now: a name is taken once
    }

    [IdfFact]
    public void Every_named_field_value_quotes_its_idf_header_at_the_cited_line()
    {
        int checkedValues = 0;
        foreach (string chip in ChipDefinitionsGenerator.Chips(BoardFiles.Root))
        {
            foreach (FieldValue v in FieldValues.Load(BoardFiles.Root, chip))
            {
                int colon = v.Source.IndexOf(':');
                int space = v.Source.IndexOf(' ');
                string file = v.Source[..colon];
                int line = int.Parse(v.Source[(colon + 1)..space]);
                string quoted = v.Source[(v.Source.IndexOf('"') + 1)..v.Source.LastIndexOf('"')];
                string[] lines = File.ReadAllLines(Path.Combine(IdfFolder.Path, file));
                string near = string.Join(" ", lines.Skip(line - 1).Take(3));
                Assert.True(near.Contains(quoted, StringComparison.Ordinal), $"{FieldValues.RelativePath(chip)}:{v.Line}: \"{quoted}\" is not at {file}:{line}");
                string value = System.Text.RegularExpressions.Regex.Replace(quoted, @"^\d+'[bdh]", string.Empty); // 1'b1:slow_clk → 1:slow_clk
                Assert.True(value.StartsWith(v.Value + ":", StringComparison.Ordinal), $"{FieldValues.RelativePath(chip)}:{v.Line}: \"{quoted}\" does not give {v.Value}");
                checkedValues++;
            }
        }

        Assert.True(checkedValues >= 10, $"{checkedValues} values");
    }

    [Fact]
    public void A_malformed_field_value_line_names_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => FieldValues.Parse(new[] { "# c", "value LEDC.CONF_APB_CLK_SEL APB one # x.h:1 \"1: a\"" }, "boards/x/field-values.txt"));
        Assert.StartsWith("boards/x/field-values.txt:2: expected", e.Message);
    }
}
