using NanoRemap.Boards;
using Xunit;

namespace NanoRemap.Tests.Boards;

/// <summary>The public constructors refuse maps that would break the simulator's storage or the window arithmetic.</summary>
public sealed class BoardMapConstructionTests
{
    private static BoardMap Map(params PeripheralBlock[] blocks) =>
        new("test", 0x60000000, 0x10000, false, 0, 0, Array.Empty<uint>(), Array.Empty<string>(), blocks, "GPIO");

    [Fact]
    public void A_block_of_a_built_in_map_cannot_be_reused_so_the_built_in_map_keeps_its_storage_index()
    {
        PeripheralBlock gpio = BoardTables.Esp32.Gpio;
        int before = Enumerable.Range(0, BoardTables.Esp32.BlockCount).First(i => BoardTables.Esp32.GetBlock(i) == gpio);
        var e = Assert.Throws<ArgumentException>(() =>
            new BoardMap("custom", 0x3FF00000, 0x80000, false, 0, 0, Array.Empty<uint>(), Array.Empty<string>(), new[] { gpio }, gpio.Name));
        Assert.Contains("already belongs to a board map", e.Message);
        Assert.Same(gpio, BoardTables.Esp32.GetBlock(before));
    }

    [Fact]
    public void A_fresh_block_builds_a_map()
    {
        var map = Map(new PeripheralBlock("GPIO", 0x60004000, 0x1000, true, null));
        Assert.Equal("GPIO", map.Gpio.Name);
    }

    [Theory]
    [InlineData(0x1000u, 1, RegisterInfo.NoTarget)] // starts past the end
    [InlineData(0xFFCu, 2, RegisterInfo.NoTarget)]  // runs past the end
    [InlineData(0x6u, 1, RegisterInfo.NoTarget)]    // misaligned
    [InlineData(0x4u, 0, RegisterInfo.NoTarget)]    // empty
    [InlineData(0x8u, 1, 0x2000u)]                  // alias target outside
    public void A_register_outside_its_block_is_refused(uint offset, int count, uint target)
    {
        var reg = new RegisterInfo("R", offset, count, RegisterAccess.ReadWrite, target);
        var e = Assert.Throws<ArgumentException>(() => new PeripheralBlock("GPIO", 0x60004000, 0x1000, true, new[] { reg }));
        Assert.Contains("register R", e.Message);
    }

    [Fact]
    public void An_empty_peripheral_window_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            new BoardMap("test", 0x60000000, 0, false, 0, 0, Array.Empty<uint>(), Array.Empty<string>(), new PeripheralBlock[0], "GPIO"));
    }
}
