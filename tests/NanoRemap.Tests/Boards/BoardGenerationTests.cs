using NanoRemap.Boards;
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
            Assert.Contains($"src/NanoRemap.Mmio/Boards/{ManagedTableEmitter.ClassName(chip)}.g.cs", files);
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
        File.WriteAllText(header, File.ReadAllText(header).Replace("0u, \"EFUSE\"", "1u, \"EFUSE\""));
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
    }

    [Theory]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x100 allow\nblock B 0x80 0x80 allow\ngpio A\n", 4, "overlaps")]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x100 maybe\ngpio A\n", 3, "allow or deny")]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x100 allow\ngpio A\nreg A OUT_W1TS 0x8 w1ts OUT\n", 5, "plain rw register")]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x100 allow\ngpio A\nreg A X 0x100 rw\n", 5, "inside block")]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x100 allow\ngpio A\nfrob 1\n", 5, "unknown keyword")]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x100 allow\ngpio A\nreg A X 0x10 rw\nreg A Y 0x10 ro\n", 6, "overlaps")]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x200 allow\ngpio A\n", 3, "inside the bus window")]
    [InlineData("chip x\nbus 0x0 0x100\nblock A 0x0 0x100 allow\ngpio A\nfifo 0x102 F\n", 5, "FIFO")]
    public void Malformed_board_maps_are_rejected_with_their_line(string text, int line, string why)
    {
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse(text, "t.map"));
        Assert.Contains($"t.map:{line}", e.Message);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void Aliases_resolve_to_their_target_offsets()
    {
        var map = BoardMapParser.Parse("chip x\nbus 0x0 0x100\nblock G 0x0 0x100 allow\ngpio G\nreg G OUT 0x4 rw\nreg G OUT_W1TS 0x8 w1ts OUT\nreg G OUT_W1TC 0xC w1tc OUT\n", "t.map");
        PeripheralBlock g = map.ToBoardMap().Gpio;
        Assert.Equal(0x8u, g.W1tsOffsetFor(0x4));
        Assert.Equal(0xCu, g.W1tcOffsetFor(0x4));
        Assert.Equal(RegisterInfo.NoTarget, g.W1tsOffsetFor(0x8));
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
        }

        return root;
    }
}
