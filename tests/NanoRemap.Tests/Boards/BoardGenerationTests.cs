using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Boards;

public class BoardGenerationTests
{
    [Fact]
    public void Committed_generated_files_equal_a_fresh_generation()
    {
        var stale = BoardGenerator.Stale(BoardFiles.Root);
        Assert.True(stale.Count == 0, "stale generated files (run 'nanoremap boards generate'): " + string.Join(", ", stale));
    }

    [Fact]
    public void Generation_covers_managed_native_and_probe_files_of_every_board()
    {
        var files = BoardGenerator.Render(BoardFiles.Root).Select(f => f.RelativePath).ToList();
        foreach (string chip in BoardGenerator.Chips)
        {
            Assert.Contains($"src/NanoRemap.Boards/{ManagedTableEmitter.ClassName(chip)}.g.cs", files);
            Assert.Contains($"boards/{chip}/native/nanoremap_board_{chip}.h", files);
            Assert.Contains($"boards/{chip}/native/nanoremap_board_{chip}.c", files);
            Assert.Contains($"boards/{chip}/native/probes.txt", files);
        }
    }

    [Fact]
    public void Stale_detects_an_edited_generated_file()
    {
        string root = CopyBoardsTo(TempRoot());
        string header = System.IO.Path.Combine(root, "boards", "esp32", "native", "nanoremap_board_esp32.c");
        BoardGenerator.Write(root);
        Assert.Empty(BoardGenerator.Stale(root));
        File.WriteAllText(header, File.ReadAllText(header).Replace("0u, \"AES\"", "1u, \"AES\""));
        Assert.Equal(new[] { "boards/esp32/native/nanoremap_board_esp32.c" }, BoardGenerator.Stale(root));
        Assert.Equal(new[] { "boards/esp32/native/nanoremap_board_esp32.c" }, BoardGenerator.Write(root));
        Assert.Empty(BoardGenerator.Stale(root));
    }

    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Generated_managed_table_is_the_parsed_board_map(string chip)
    {
        BoardMap expected = BoardGenerator.Load(BoardFiles.Root, chip).ToBoardMap();
        BoardMap actual = BoardMap.Get(chip);
        Assert.Equal(expected.Chip, actual.Chip);
        Assert.Equal(expected.BusBase, actual.BusBase);
        Assert.Equal(expected.BusSize, actual.BusSize);
        Assert.Equal((expected.HasDport, expected.DportFirst, expected.DportLast), (actual.HasDport, actual.DportFirst, actual.DportLast));
        Assert.Equal(Enumerable.Range(0, expected.FifoCount).Select(expected.GetFifoAddress), Enumerable.Range(0, actual.FifoCount).Select(actual.GetFifoAddress));
        Assert.Equal(expected.BlockCount, actual.BlockCount);
        for (int i = 0; i < expected.BlockCount; i++)
        {
            PeripheralBlock e = expected.GetBlock(i), a = actual.GetBlock(i);
            Assert.Equal((e.Name, e.Base, e.Size, e.Allowed, e.RegisterCount), (a.Name, a.Base, a.Size, a.Allowed, a.RegisterCount));
            for (int r = 0; r < e.RegisterCount; r++)
            {
                RegisterInfo er = e.GetRegister(r), ar = a.GetRegister(r);
                Assert.Equal((er.Name, er.Offset, er.Count, er.Access, er.TargetOffset), (ar.Name, ar.Offset, ar.Count, ar.Access, ar.TargetOffset));
            }
        }

        Assert.Equal(expected.PolicyCount, actual.PolicyCount);
        for (int i = 0; i < expected.PolicyCount; i++)
        {
            RegisterPolicy ek = expected.GetPolicy(i, out uint ea, out uint es, out uint em);
            RegisterPolicy ak = actual.GetPolicy(i, out uint aa, out uint asz, out uint am);
            Assert.Equal((ek, ea, es, em), (ak, aa, asz, am));
        }

        Assert.Equal(expected.ClockCount, actual.ClockCount);
        for (int i = 0; i < expected.ClockCount; i++)
        {
            PeripheralClock e = expected.GetClock(i), a = actual.GetClock(i);
            Assert.Equal((e.Name, e.EnableRegister, e.EnableMask, e.ResetRegister, e.ResetMask, e.Index), (a.Name, a.EnableRegister, a.EnableMask, a.ResetRegister, a.ResetMask, a.Index));
        }
    }

    // A hand-written facts fixture (contracts §1 format): two peripherals.
    private const string Facts = """
        chip x
        periph A 0x00000000 0x20
        reg A.OUT 0x00000004 rw 0x00000000
        field A.OUT.DATA 0 32 rw
        reg A.OUT_W1TS 0x00000008 wo 0x00000000
        reg A.OUT_W1TC 0x0000000C wo 0x00000000
        reg A.CTRL 0x00000010 rw 0x00000000
        field A.CTRL.EN 0 1 rw
        field A.CTRL.RST 1 1 rw
        field A.CTRL.SW_RST 2 1 rw
        reg A.ID0 0x00000014 ro 0x12345678
        reg A.ID1 0x00000018 ro 0x00000000
        periph B 0x00000100 0x10
        reg B.X 0x00000100 rw 0x00000000
        """;

    private const string Head = "chip x\nbus 0x0 0x1000 # r\ngpio A\nmap A allow # r\n";

    private static ChipFacts Fixture() => ChipFacts.Parse(new StringReader(Facts), "x.txt");

    [Theory]
    [InlineData(Head + "map A deny # r\n", 5, "already named")]
    [InlineData("chip x\nbus 0x0 0x1000 # r\ngpio A\nmap A maybe # r\nskip B # r\n", 4, "allow or deny")]
    [InlineData(Head + "skip B\n", 5, "needs a reason")]
    [InlineData(Head + "skip B # r\ndeny A.NOPE* # r\n", 6, "matches no register")]
    [InlineData(Head + "skip B # r\nprotect A.CTRL RST,SPI01 # r\n", 6, "no field")]
    [InlineData(Head + "skip B # r\nfrob 1\n", 6, "unknown keyword")]
    [InlineData(Head + "skip B # r\nclock A A.CTRL.EN A.CTRL.NOPE PERIPH_A # r\n", 6, "no field")]
    [InlineData(Head + "skip Z # r\n", 5, "no peripheral")]
    [InlineData(Head + "skip B # r\ndeny A.CTRL # r\nprotect A.CTRL RST # r\n", 7, "overlaps")]
    [InlineData(Head + "skip B # r\nro A.OUT # r\nfifo 0x102 F # r\n", 7, "FIFO")]
    [InlineData("chip y\n", 1, "facts are of")]
    public void Malformed_board_maps_are_rejected_with_their_line(string text, int line, string why)
    {
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse(text, "t.map", Fixture()));
        Assert.Contains($"t.map:{line}", e.Message);
        Assert.Contains(why, e.Message);
    }

    // A clock line drives its bits outside the register checks (IDF's periph_module_* on the device, the RCC bits on
    // the C5, the simulator's pokes): it must not name a bit the policy protects, or a register it denies or makes
    // read-only, whichever line comes first.
    [Theory]
    [InlineData(Head + "skip B # r\nprotect A.CTRL RST # r\nclock A A.CTRL.EN A.CTRL.RST PERIPH_A # r\n", 7, "protected")]
    [InlineData(Head + "skip B # r\nclock A A.CTRL.EN A.CTRL.RST PERIPH_A # r\nprotect A.CTRL EN # r\n", 6, "protected")]
    [InlineData(Head + "skip B # r\nclock A A.CTRL.EN A.CTRL.RST PERIPH_A # r\ndeny A.CTRL # r\n", 6, "denied")]
    [InlineData(Head + "skip B # r\nro A.CTRL # r\nclock A A.CTRL.EN A.CTRL.RST PERIPH_A # r\n", 7, "read-only")]
    public void A_clock_line_over_a_policy_bit_is_rejected_with_its_line(string text, int line, string why)
    {
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse(text, "t.map", Fixture()));
        Assert.Contains($"t.map:{line}", e.Message);
        Assert.Contains("clock A", e.Message);
        Assert.Contains(why, e.Message);
    }

    // REG_W1TS / REG_W1TC write REG's bits with one store that the register checks see as a write of the alias:
    // a policy on REG must cover its aliases (ro or deny), or the alias bypasses it.
    [Theory]
    [InlineData(Head + "skip B # r\nprotect A.OUT 0x1 # r\n", 6, "A.OUT_W1TS")]
    [InlineData(Head + "skip B # r\nro A.OUT # r\n", 6, "A.OUT_W1TS")]
    [InlineData(Head + "skip B # r\ndeny A.OUT # r\nro A.OUT_W1TS # r\n", 6, "A.OUT_W1TC")]
    public void A_policy_whose_register_has_an_unguarded_set_or_clear_alias_is_rejected(string text, int line, string alias)
    {
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse(text, "t.map", Fixture()));
        Assert.Contains($"t.map:{line}", e.Message);
        Assert.Contains(alias, e.Message);
    }

    [Fact]
    public void A_policy_that_covers_the_aliases_too_is_accepted()
    {
        var map = BoardMapParser.Parse(Head + "skip B # r\nro A.OUT* # r\n", "t.map", Fixture()).ToBoardMap();
        Assert.Equal(AccessCheck.ReadOnly, map.Check(0x8, false));
        Assert.Equal(AccessCheck.ReadOnly, map.Check(0xC, false));
    }

    [Fact]
    public void Every_peripheral_of_the_facts_must_be_mapped_or_skipped()
    {
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse(Head, "t.map", Fixture()));
        Assert.Contains("t.map", e.Message);
        Assert.Contains("peripheral B", e.Message);
    }

    [Fact]
    public void Policy_resolves_against_the_facts()
    {
        var file = BoardMapParser.Parse(Head + "skip B # r\nro A.ID* # r\nprotect A.CTRL SW_RST # r\nclock A A.CTRL.EN A.CTRL.RST PERIPH_A # r\n", "t.map", Fixture());
        BoardMap map = file.ToBoardMap();
        PeripheralBlock a = map.Gpio;
        Assert.Equal((0u, 0x1000u), (a.Base, a.Size)); // base from the facts, size: up to the next page
        Assert.Equal(2, map.PolicyCount);
        Assert.Equal(RegisterPolicy.ReadOnly, map.GetPolicy(1, out uint roAt, out uint roSize, out _));
        Assert.Equal((0x14u, 8u), (roAt, roSize)); // ID0 and ID1 merged into one run
        Assert.Equal(RegisterPolicy.Protect, map.PolicyAt(0x10, out uint mask));
        Assert.Equal(4u, mask);
        Assert.Equal(AccessCheck.ReadOnly, map.Check(0x18, false));
        Assert.Equal(AccessCheck.Ok, map.Check(0x18, true));
        Assert.Equal(AccessCheck.Denied, map.CheckWrite(0x10, 0, 4));
        Assert.Equal(AccessCheck.Ok, map.CheckWrite(0x10, 0, 3));
        PeripheralClock clock = map.FindClock("A");
        Assert.Equal((0x10u, 1u, 0x10u, 2u, 0), (clock.EnableRegister, clock.EnableMask, clock.ResetRegister, clock.ResetMask, clock.Index));
    }

    [Fact]
    public void Aliases_are_derived_from_the_register_names()
    {
        var map = BoardMapParser.Parse(Head + "skip B # r\n", "t.map", Fixture());
        PeripheralBlock g = map.ToBoardMap().Gpio;
        Assert.Equal(0x8u, g.W1tsOffsetFor(0x4));
        Assert.Equal(0xCu, g.W1tcOffsetFor(0x4));
        Assert.Equal(RegisterInfo.NoTarget, g.W1tsOffsetFor(0x10));
        Assert.Equal(0x18u, g.OffsetOf("ID1"));
    }

    [Fact]
    public void A_malformed_policy_line_writes_nothing()
    {
        string root = CopyBoardsTo(TempRoot());
        string policy = System.IO.Path.Combine(root, "boards", "esp32h2", "board.map");
        File.AppendAllText(policy, "deny GPIO.NO_SUCH_REGISTER  # broken on purpose\n");
        var e = Assert.Throws<BoardMapException>(() => BoardGenerator.Write(root));
        Assert.Contains("board.map:", e.Message);
        Assert.Contains("NO_SUCH_REGISTER", e.Message);
        Assert.False(Directory.Exists(System.IO.Path.Combine(root, "src")));
        Assert.False(Directory.Exists(System.IO.Path.Combine(root, "boards", "esp32", "native")));
    }

    private static string TempRoot()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nanoremap-boards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string CopyBoardsTo(string root)
    {
        File.WriteAllText(System.IO.Path.Combine(root, "NanoRemap.sln"), "");
        foreach (string chip in BoardGenerator.Chips)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(root, "boards", chip));
            File.Copy(BoardFiles.Path("boards", chip, "board.map"), System.IO.Path.Combine(root, "boards", chip, "board.map"));
            File.Copy(BoardFiles.Path("boards", chip, "registers.txt"), System.IO.Path.Combine(root, "boards", chip, "registers.txt"));
        }

        return root;
    }
}
