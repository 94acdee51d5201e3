using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Boards;

/// <summary>The ESP-IDF v5.5.4 folder the tests read (NANOREMAP_IDF_DIR, else &lt;repo&gt;/../shared/esp-idf-v5.5.4) and what is missing there.</summary>
internal static class IdfFiles
{
    public static readonly string Folder = IdfModules.Resolve(BoardFiles.Root);

    public static readonly string Missing = IdfModules.Missing(Folder);
}

/// <summary>A fact or theory that is skipped, saying what is missing, when ESP-IDF v5.5.4's periph_defs.h of the seven chips are not there.</summary>
public sealed class IdfTheoryAttribute : TheoryAttribute
{
    public IdfTheoryAttribute()
    {
        if (IdfFiles.Missing != null)
        {
            Skip = "ESP-IDF v5.5.4 headers missing: " + IdfFiles.Missing;
        }
    }
}

/// <summary>
/// Every board.map clock line names a <c>periph_module_t</c> of its chip's ESP-IDF v5.5.4
/// (<c>components/soc/&lt;chip&gt;/include/soc/periph_defs.h</c>): the firmware glue compiles the name into the clock
/// table, so a module the chip does not have stops the firmware build (the S3 has PERIPH_PWM0_MODULE, no
/// PERIPH_MCPWM0_MODULE; the C5 PERIPH_I2S_MODULE; the C6 and H2 PERIPH_SPI2_MODULE and PERIPH_I2S0_MODULE).
/// </summary>
public class IdfModuleNamesTests
{
    [IdfTheory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Every_clock_line_names_a_module_of_its_chips_periph_defs_h(string chip)
    {
        BoardMapFile map = BoardGenerator.Load(BoardFiles.Root, chip);
        Assert.NotEmpty(map.Clocks);
        Assert.Empty(IdfModules.Unknown(map, IdfFiles.Folder));
    }

    [IdfTheory]
    [InlineData("esp32s3", "PERIPH_PWM0_MODULE", "PERIPH_MCPWM0_MODULE")]
    [InlineData("esp32c3", "PERIPH_I2S0_MODULE", "PERIPH_I2S1_MODULE")]
    [InlineData("esp32c5", "PERIPH_I2S_MODULE", "PERIPH_I2S0_MODULE")]
    [InlineData("esp32c6", "PERIPH_SPI2_MODULE", "PERIPH_GPSPI2_MODULE")]
    [InlineData("esp32h2", "PERIPH_I2S0_MODULE", "PERIPH_I2S1_MODULE")]
    public void The_reader_takes_the_chips_enumerators_only(string chip, string has, string lacks)
    {
        IReadOnlySet<string> modules = IdfModules.Read(IdfModules.HeaderPath(IdfFiles.Folder, chip));
        Assert.Contains(has, modules);
        Assert.Contains("PERIPH_LEDC_MODULE", modules);
        Assert.DoesNotContain(lacks, modules);
        Assert.DoesNotContain("PERIPH_MODULE_MAX", modules);
    }

    [IdfTheory]
    [InlineData("esp32s3", "MCPWM0", "PERIPH_MCPWM0_MODULE", "PERIPH_PWM0_MODULE")]
    [InlineData("esp32c6", "SPI2", "PERIPH_GPSPI2_MODULE", "PERIPH_SPI2_MODULE")]
    public void A_clock_line_naming_a_module_the_chip_lacks_is_reported_with_file_line_and_the_closest_names(
        string chip, string clock, string wrong, string right)
    {
        BoardMapFile map = BoardGenerator.Load(BoardFiles.Root, chip);
        int i = map.Clocks.FindIndex(c => c.Name == clock);
        Assert.True(i >= 0, $"{chip} has no clock {clock}");
        map.Clocks[i] = map.Clocks[i] with { IdfModule = wrong };
        string message = Assert.Single(IdfModules.Unknown(map, IdfFiles.Folder));
        Assert.StartsWith($"boards/{chip}/board.map:{map.Clocks[i].Line}: clock {clock} names {wrong}, which ESP-IDF v5.5.4's "
            + $"components/soc/{chip}/include/soc/periph_defs.h does not have (did you mean ", message);
        Assert.Contains(right, message);
    }
}
