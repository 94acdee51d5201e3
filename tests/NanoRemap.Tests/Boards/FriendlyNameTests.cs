using NanoRemap.Boards;
using NanoRemap.Mmio;
using NanoRemap.Testing;
using NanoRemap.Tooling.Config;
using Xunit;

namespace NanoRemap.Tests.Boards;

/// <summary>
/// Lookups as a driver writer types them (issue 15): chip names in the forms people write, block and clock names
/// ignoring case where only one matches, and misses that name the closest names instead of a later null dereference.
/// </summary>
public class FriendlyNameTests
{
    [Theory]
    [InlineData("esp32c3", "esp32c3")]
    [InlineData("ESP32-C3", "esp32c3")]
    [InlineData("ESP32C3", "esp32c3")]
    [InlineData("esp32_c3", "esp32c3")]
    [InlineData("ESP32", "esp32")]
    [InlineData("Esp32-S3", "esp32s3")]
    [InlineData("esp32-h2", "esp32h2")]
    public void Chip_names_in_the_forms_people_write(string written, string canonical)
    {
        Assert.Equal(canonical, BoardMap.ChipName(written));
        Assert.Same(BoardMap.Get(canonical), BoardMap.Get(written));
        Assert.Same(BoardTables.Get(canonical), BoardTables.Get(written));
        Assert.Equal(canonical, BoardTables.Create(written).Chip);
    }

    [Theory]
    [InlineData("esp32c4")]
    [InlineData("esp8266")]
    [InlineData("")]
    public void An_unknown_chip_names_the_closest(string written)
    {
        Assert.Null(BoardMap.ChipName(written));
        var e = Assert.Throws<ArgumentException>(() => BoardMap.Get(written));
        Assert.Contains("closest: esp32", e.Message);
        Assert.Contains("no chip named '" + written + "'", e.Message);
        Assert.Throws<ArgumentException>(() => BoardTables.Get(written));
    }

    [Fact]
    public void Nf_config_board_accepts_the_written_forms()
    {
        string dir = Directory.CreateTempSubdirectory("nfconfig").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "nf.config"), "board = ESP32-C6\n");
            Assert.Equal("esp32c6", NfConfig.Find(dir).Board);
            File.WriteAllText(Path.Combine(dir, "nf.config"), "board = esp32c9\n");
            var e = Assert.Throws<NfConfigException>(() => NfConfig.Find(dir));
            Assert.Contains("esp32c9", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void MapBlock_ignores_case_and_suggests_the_closest_block()
    {
        RegisterBus bus = RegisterBus.CreateSimulated(SimulatorModels.CreateSimulator("esp32"));
        Assert.Equal(BoardTables.Esp32.FindBlock("GPIO").Base, bus.MapBlock("gpio").PhysicalAddress);
        var e = Assert.Throws<ArgumentException>(() => bus.MapBlock("GPOI"));
        Assert.StartsWith("esp32 has no peripheral block named 'GPOI' (closest: GPIO, ", e.Message);
        Assert.Null(BoardTables.Esp32.FindBlock("GPOI"));
    }

    [Fact]
    public void FindClock_of_a_block_without_a_clock_throws_with_the_closest_clocks()
    {
        BoardMap c3 = BoardTables.Esp32C3;
        var e = Assert.Throws<ArgumentException>(() => c3.FindClock("UART0"));
        Assert.StartsWith("esp32c3 has no clock for 'UART0' (closest: UART1, ", e.Message);
        Assert.Contains("boards/esp32c3/board.map", e.Message);
        Assert.False(c3.TryFindClock("UART0", out PeripheralClock none));
        Assert.Null(none);
        Assert.True(c3.TryFindClock("ledc", out PeripheralClock ledc));
        Assert.Same(c3.FindClock("LEDC"), ledc);
    }
}
