using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoRemap.Facts;
using NanoRemap.Tests.Cli;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tooling.Facts;
using NanoRemap.Tooling.Generated;
using NanoRemap.Tooling.IO;
using NanoRemap.Tooling.Svd;
using Xunit;

namespace NanoRemap.Tests.Hostile;

/// <summary>Issue 16, family 2: nothing in an SVD or board.map can break out of a generated file's comments or names.</summary>
public sealed class GeneratedFilesHostileTests
{
    [Theory]
    [InlineData("TEST\nchip evil", "1")]
    [InlineData("TESTCHIP", "1\nperiph EVIL 0x0 0x4")]
    [InlineData("TESTCHIP", "1\u2028public class Injected {}")]
    [InlineData("TESTCHIP", "1\u2029x")]
    [InlineData("TESTCHIP", "1\u0085x")]
    [InlineData("TESTCHIP", "1 */ int evil; /*")]
    [InlineData("TESTCHIP", "1\u0007")]
    public void A_name_or_version_that_would_leave_its_comment_is_refused(string name, string version)
    {
        var e = Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.Device(HostileSvd.Register("R"), name, version)));
        Assert.Contains(e.Element, new[] { "device", "xml" }); // U+0007 is no XML 1.0 character: the XML reader refuses it first
        Assert.True(e.Line > 0);
    }

    [Theory]
    [InlineData("A B")]
    [InlineData("1R")]
    [InlineData("R-1")]
    [InlineData("R*/x")]
    public void A_register_name_that_is_not_an_identifier_is_refused(string name)
    {
        var e = Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.Device(HostileSvd.Register(name))));
        Assert.Contains("not an identifier", e.Message);
    }

    [Fact]
    public void Registers_named_after_csharp_keywords_generate_csharp_that_compiles()
    {
        string regs = HostileSvd.Register("class", "0x0", "<fields><field><name>int</name><bitOffset>0</bitOffset><bitWidth>4</bitWidth></field></fields>")
            + HostileSvd.Register("event", "0x4") + HostileSvd.Register("int", "0x8") + HostileSvd.Register("string", "0xC");
        ChipFacts facts = HostileSvd.Import(HostileSvd.Device(regs));
        string text = ChipFactsWriter.ToText(facts);
        ChipFacts back = ChipFacts.Parse(new StringReader(text), "registers.txt");
        string cs = ChipDefinitionsGenerator.Render(back, "boards/x/registers.txt");
        Assert.Contains("public const uint @class = ", cs);
        Assert.Contains("public const uint @event = ", cs);
        Assert.Contains("public const uint class_int = ", cs);

        // Compiled, and used: the constants have the SVD's names.
        string use = "static class Use { public static uint[] All() => new uint[] { NanoRemap.Chips.X.P.@class, NanoRemap.Chips.X.P.@event, NanoRemap.Chips.X.P.@int, NanoRemap.Chips.X.P.@string, NanoRemap.Chips.X.P.class_int }; }";
        var compilation = CSharpCompilation.Create("Keywords",
            new[] { CSharpSyntaxTree.ParseText(cs), CSharpSyntaxTree.ParseText(use) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_keyword_list_is_the_compilers()
    {
        foreach (SyntaxKind kind in SyntaxFacts.GetReservedKeywordKinds())
        {
            string text = SyntaxFacts.GetText(kind);
            Assert.True(CSharpNames.IsKeyword(text), text);
        }

        foreach (string k in CSharpNames.Keywords)
        {
            Assert.True(SyntaxFacts.GetKeywordKind(k) != SyntaxKind.None, k);
        }
    }

    [Fact]
    public void A_header_line_of_the_facts_with_a_line_separator_never_reaches_generated_csharp()
    {
        string text = "# ok\n# version 1\u2028public class Injected {}\nchip x\nperiph P 0x60000000 0x10\nreg P.R 0x60000000 rw 0x00000000\n";
        ChipFacts facts = ChipFacts.Parse(new StringReader(text), "registers.txt");
        var e = Assert.Throws<InvalidOperationException>(() => ChipDefinitionsGenerator.Render(facts, "boards/x/registers.txt"));
        Assert.Contains("U+2028", e.Message);
    }

    [Theory]
    [InlineData("*/int_evil=1;/*")]
    [InlineData("F\u0001x")]
    [InlineData("9F")]
    public void A_fifo_name_that_is_not_a_c_identifier_is_refused(string name)
    {
        const string facts = "chip x\nperiph A 0x00000000 0x20\nreg A.OUT 0x00000004 rw 0x00000000\n";
        string map = $"chip x\nbus 0x0 0x1000 # r\ngpio A\nmap A allow # r\nfifo 0x4 {name} # r\n";
        var e = Assert.Throws<BoardMapException>(() => BoardMapParser.Parse(map, "t.map", ChipFacts.Parse(new StringReader(facts), "x.txt")));
        Assert.Contains("t.map:5", e.Message);
        Assert.Contains("not a C identifier", e.Message);
    }

    [Fact]
    public void Boards_generate_writes_all_files_or_none()
    {
        string root = BoardGeneratorFixture.CopyOfBoards();
        // One target of the set cannot be written (a directory stands where probes.txt goes).
        File.Delete(Path.Combine(root, "boards", "esp32h2", "native", "probes.txt"));
        Directory.CreateDirectory(Path.Combine(root, "boards", "esp32h2", "native", "probes.txt"));
        File.Delete(Path.Combine(root, "boards", "esp32", "native", "nanoremap_board_esp32.c"));
        var before = Snapshot(root);

        var r = CliRunner.Run(new[] { "boards", "generate", "--root", root });
        Assert.Equal(1, r.Exit);
        Assert.Contains("probes.txt", r.Stderr);
        Assert.Contains("no file written", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
        Assert.Equal(before, Snapshot(root));     // nothing written, no temporary file left

        // Once the obstacle is gone, the whole set is written.
        Directory.Delete(Path.Combine(root, "boards", "esp32h2", "native", "probes.txt"));
        var ok = CliRunner.Run(new[] { "boards", "generate", "--root", root });
        Assert.Equal(0, ok.Exit);
        Assert.True(File.Exists(Path.Combine(root, "boards", "esp32", "native", "nanoremap_board_esp32.c")));
        Assert.True(File.Exists(Path.Combine(root, "boards", "esp32h2", "native", "probes.txt")));
        Assert.Empty(BoardGenerator.Stale(root));
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("symlink")]
    [InlineData("device")]
    public void Explain_svg_never_replaces_anything_but_a_regular_file(string kind)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs and /dev/null: the Linux CI
        }

        string dir = TempDir.Create();
        string target = Path.Combine(dir, "t.svg");
        switch (kind)
        {
            case "fifo":
                Process.Start("mkfifo", target)!.WaitForExit();
                break;
            case "symlink":
                File.WriteAllText(Path.Combine(dir, "real.svg"), "keep");
                File.CreateSymbolicLink(target, Path.Combine(dir, "real.svg"));
                break;
            default:
                target = "/dev/null";
                break;
        }

        FileKind.Kind was = FileKind.Of(target);
        Assert.NotEqual(FileKind.Kind.Regular, was);
        var r = CliRunner.Run(new[] { "explain", "--svg", target, "op=prep", "vm_len=0x1000", "phys=0x1000", "size=0x1000" });
        Assert.Equal(2, r.Exit);
        Assert.Contains("only a regular file is replaced", r.Stderr);
        Assert.Equal(was, FileKind.Of(target));
        if (kind == "symlink")
        {
            Assert.Equal("keep", File.ReadAllText(Path.Combine(dir, "real.svg")));
        }

        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.GetFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p), p => File.Exists(p) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))) : "dir");
}
