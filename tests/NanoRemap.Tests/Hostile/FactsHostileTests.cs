using NanoRemap.Facts;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tooling.Svd;
using Xunit;

namespace NanoRemap.Tests.Hostile;

/// <summary>Issue 16, family 3: facts and board-map checks that overflowed or let a second line win.</summary>
public sealed class FactsHostileTests
{
    private const string Facts = "chip x\nperiph GPIO 0x60004000 0x100\nreg GPIO.OUT 0x60004004 rw 0x00000000\n";

    private static ChipFacts Parse(string text) => ChipFacts.Parse(new StringReader(text), "registers.txt");

    [Theory]
    [InlineData("field GPIO.OUT.EVIL 1 2147483647 rw", "do not fit")]
    [InlineData("field GPIO.OUT.EVIL 2147483647 1 rw", "do not fit")]
    [InlineData("field GPIO.OUT.EVIL 31 2 rw", "do not fit")]
    public void A_field_whose_lsb_plus_width_overflows_is_refused_in_registers_txt(string line, string why)
    {
        var e = Assert.Throws<FactsException>(() => Parse(Facts + line + "\n"));
        Assert.Contains("registers.txt:4", e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void A_field_patch_whose_lsb_plus_width_overflows_is_refused_naming_the_patch_file()
    {
        var e = Assert.Throws<SvdException>(() => SvdPatchFile.Parse("source soc/gpio_reg.h\nfield GPIO.OUT.EVIL 1 2147483647 rw\n", "boards/x/svd-patches.txt"));
        Assert.Equal("boards/x/svd-patches.txt", e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains("do not fit", e.Message);
    }

    [Fact]
    public void Errors_from_a_patch_line_name_the_patch_file_not_the_svd()
    {
        string svd = HostileSvd.Device(HostileSvd.Register("R", "0x0", "<size>8</size>"));
        var e = Assert.Throws<SvdException>(() => HostileSvd.Import(svd, "source soc/x_reg.h\nfield P.R.WIDE 4 8 rw\n"));
        Assert.Equal("boards/x/svd-patches.txt", e.File);
        Assert.Equal(2, e.Line);
        Assert.Contains("8-bit register", e.Message);

        e = Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.Device(HostileSvd.Register("R")), "# c\nsource soc/x_reg.h\nregister P.X%s 0x4 rw 0x0\n"));
        Assert.Equal("boards/x/svd-patches.txt", e.File);
        Assert.Equal(3, e.Line);
    }

    [Theory]
    [InlineData("range GPIO.MEM 0x60004080 0x100 rw", "end past the peripheral")]
    [InlineData("range GPIO.MEM 0x600040FC 0xFFFFFFFF rw", "past 4 GiB")]
    [InlineData("reg GPIO.LAST 0x600040FE rw 0x00000000", "end past the peripheral")]
    public void A_range_or_register_whose_end_passes_its_peripheral_is_refused(string line, string why)
    {
        var e = Assert.Throws<FactsException>(() => Parse(Facts + line + "\n"));
        Assert.Contains("registers.txt:4", e.Message);
        Assert.Contains(why, e.Message);
    }

    private const string MapFacts = "chip x\nperiph A 0x60000000 0x20\nreg A.OUT 0x60000004 rw 0x00000000\n";

    [Theory]
    [InlineData("chip x\nbus 0x60000000 0x1000 # r\nbus 0x0 0xFFFFFFFF # r\ngpio A\nmap A allow # r\n", 3, "a second 'bus' line")]
    [InlineData("chip x\nbus 0x60000000 0x1000 # r\ndport 0x60000000 0x60000010 # r\ndport 0x0 0x4 # r\ngpio A\nmap A allow # r\n", 4, "a second 'dport' line")]
    [InlineData("chip x\nbus 0x60000000 0x1000 # r\ndport 0 0xFFFFFFFC # r\ngpio A\nmap A allow # r\n", 3, "not inside the bus window")]
    [InlineData("chip x\nbus 0x60000000 0x1000 # r\ndport 0x60000000 0x60001000 # r\ngpio A\nmap A allow # r\n", 3, "not inside the bus window")]
    [InlineData("chip x\nbus 0xFFFFF000 0x2000 # r\ngpio A\nmap A allow # r\n", 2, "past 4 GiB")]
    public void Board_map_bus_and_dport_lines_are_checked(string map, int line, string why)
    {
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse(map, "t.map", Parse(MapFacts)));
        Assert.Contains($"t.map:{line}", e.Message);
        Assert.Contains(why, e.Message);
    }
}
