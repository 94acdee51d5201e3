using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Boards;

/// <summary>
/// The board.map lines of issue 14: <c>owned</c> blocks whose every register a line must classify, <c>allow</c>
/// lines, <c>owner=</c> in the comment, the most specific line winning, and the words of an owned block with no
/// register denied.
/// </summary>
public class BoardOwnershipParserTests
{
    private const string Facts = """
        chip x
        periph A 0x00000000 0x20
        reg A.OUT 0x00000004 rw 0x00000000
        reg A.OUT_W1TS 0x00000008 wo 0x00000000
        reg A.OUT_W1TC 0x0000000C wo 0x00000000
        reg A.CTRL 0x00000010 rw 0x00000000
        field A.CTRL.EN 0 1 rw
        field A.CTRL.RST 1 1 rw
        reg A.WDT0 0x00000014 rw 0x00000000
        reg A.WDT1 0x00000018 rw 0x00000000
        periph B 0x00001000 0x10
        reg B.X 0x00001000 rw 0x00000000
        """;

    private const string Head = "chip x\nbus 0x0 0x2000 # r\ngpio A\nmap A allow # r\nmap B allow # r\n";

    private static ChipFacts Fixture() => ChipFacts.Parse(new StringReader(Facts), "x.txt");

    private static BoardMapFile Parse(string body) => BoardMapParser.Parse(Head + body, "t.map", Fixture());

    [Fact]
    public void An_owned_block_with_an_unclassified_register_is_rejected_naming_it()
    {
        var e = Assert.Throws<BoardMapException>(() => Parse("owned A # owner=watchdog: r (s)\nro A.WDT* # owner=watchdog: r (s)\n"));
        Assert.Contains("t.map:6: owned A: 4 register(s) no line classifies (OUT, OUT_W1TS, OUT_W1TC, CTRL)", e.Message);
    }

    [Fact]
    public void The_most_specific_line_wins_and_the_words_with_no_register_are_denied()
    {
        BoardMapFile file = Parse("owned A # owner=watchdog: the watchdog (s)\nallow A.* # owner=watchdog: a driver's (s)\nro A.WDT* # owner=watchdog: its stages (s)\n"
            + "deny A.WDT1 # owner=watchdog: exact (s)\nprotect A.CTRL RST # owner=watchdog: reset (s)\n");
        BoardMap map = file.ToBoardMap();
        Assert.Equal(AccessCheck.Ok, map.Check(0x4, false));          // allow A.*
        Assert.Equal(AccessCheck.ReadOnly, map.Check(0x14, false));   // ro A.WDT* beats A.*
        Assert.Equal(AccessCheck.Ok, map.Check(0x14, true));
        Assert.Equal(AccessCheck.Denied, map.Check(0x18, true));      // the exact name beats A.WDT*
        Assert.Equal(AccessCheck.Denied, map.CheckWrite(0x10, 0, 2)); // protect A.CTRL RST
        Assert.Equal(AccessCheck.Ok, map.CheckWrite(0x10, 0, 1));
        Assert.Equal(AccessCheck.Denied, map.Check(0x0, true));       // no register at A+0: denied in an owned block
        Assert.Equal(AccessCheck.Denied, map.Check(0x1C, false));     // nor after the last one, up to the block's end
        Assert.Equal(AccessCheck.Denied, map.Check(0xFFC, true));
        Assert.Equal(AccessCheck.Ok, map.Check(0x1000, false));       // B is no owned block
        Assert.Equal(AccessCheck.Ok, map.Check(0x1004, false));       // a word with no register there: the block decides

        BoardRule wdt0 = file.RuleOf(file.Facts.FindRegister("A.WDT0")!)!;
        Assert.Equal((RegisterPolicy.ReadOnly, "watchdog", "its stages (s)", 8), (wdt0.Kind, wdt0.Owner, wdt0.Reason, wdt0.Line));
        Assert.Equal(RegisterPolicy.None, file.RuleOf(file.Facts.FindRegister("A.OUT")!)!.Kind);
        Assert.Equal(new BoardOwned("A", "watchdog", "the watchdog (s)", 6), file.OwnedBlock("A"));
    }

    [Theory]
    [InlineData("ro A.WDT* # owner=watchdog: r\nro A.*DT1 # owner=watchdog: r\n", 7, "overlaps line 6")]
    [InlineData("allow A.OUT # owner=watchdog: r\n", 6, "A is not owned")]
    [InlineData("owned A # r\n", 6, "name the owner")]
    [InlineData("ro A.CTRL # owner=wifi: r\n", 6, "owner 'wifi' is not one of")]
    [InlineData("ro A.CTRL # owner=: r\n", 6, "write the owner as")]
    [InlineData("owned Z # owner=tick: r\n", 6, "no peripheral")]
    [InlineData("owned A # owner=tick: r\nallow A.* # owner=tick: r\nowned A # owner=tick: r\n", 8, "already on line 6")]
    [InlineData("owned A # owner=tick: r\nallow A.* # owner=tick: r\nclock A A.CTRL.EN A.CTRL.RST PERIPH_A # r\n", 8, "clock A: the block is owned")]
    public void Malformed_ownership_lines_are_rejected_with_their_line(string body, int line, string why)
    {
        var e = Assert.Throws<BoardMapException>(() => Parse(body));
        Assert.Contains($"t.map:{line}", e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void An_owned_block_must_be_allowed()
    {
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse("chip x\nbus 0x0 0x2000 # r\ngpio B\nmap A deny # owner=crypto: r\nmap B allow # r\nowned A # owner=crypto: r\n", "t.map", Fixture()));
        Assert.Contains("t.map:6: owned A: not an allowed block", e.Message);
    }
}
