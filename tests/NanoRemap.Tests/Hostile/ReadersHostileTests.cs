using System.CommandLine;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using NanoRemap.Cli.Commands;
using NanoRemap.Tests.Cli;
using NanoRemap.Tests.NfCheck;
using NanoRemap.Tooling.NfCheck;
using Xunit;

namespace NanoRemap.Tests.Hostile;

/// <summary>Issue 16, family 4: readers with a size limit, assemblies that are not, and paths outside the repository.</summary>
public sealed class ReadersHostileTests
{
    [Fact]
    public void Eval_of_dev_zero_is_a_clear_error_with_exit_2()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // a Unix device; the limit itself is tested through stdin below
        }

        var r = CliRunner.Run(new[] { "eval", "/dev/zero" });
        Assert.Equal(2, r.Exit);
        Assert.Contains("cannot read /dev/zero", r.Stderr);
        Assert.Contains("longer than the limit", r.Stderr);
    }

    [Fact]
    public void Eval_of_a_line_or_stream_past_the_limits_is_a_clear_error_with_exit_2()
    {
        var r = CliRunner.Run(new[] { "eval" }, new string('x', NanoRemap.Cli.CliContext.MaxLineChars + 1));
        Assert.Equal(2, r.Exit);
        Assert.Contains("<stdin>:1: a line longer than the limit", r.Stderr);

        // A case line just under the limit is still a case (malformed: exit 1, one error line).
        var ok = CliRunner.Run(new[] { "eval" }, "op=prep " + new string('x', 100));
        Assert.Equal(1, ok.Exit);
        Assert.StartsWith("error=", ok.Lines[0]);
    }

    [Fact]
    public void Config_of_dev_zero_or_a_huge_file_is_a_clear_error_with_exit_2()
    {
        string huge = TempDir.WithFile("nf.config", "# " + new string('x', 70_000) + "\nmodel = nommu\n");
        foreach (string path in File.Exists("/dev/zero") ? new[] { huge, "/dev/zero" } : new[] { huge })
        {
            var r = CliRunner.Run(new[] { "eval", "--config", path }, "op=prep vm_len=0x1000 phys=0x1000 size=0x1000\n");
            Assert.Equal(2, r.Exit);
            Assert.Contains("larger than the limit", r.Stderr);
        }
    }

    private static (int Exit, string Out, string Err) Run(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public static TheoryData<string> NotAssemblies => new() { "empty", "text", "truncated", "random" };

    private static string NotAnAssembly(string kind)
    {
        byte[] bytes = kind switch
        {
            "empty" => Array.Empty<byte>(),
            "text" => "this is not a PE file\n"u8.ToArray(),
            "truncated" => File.ReadAllBytes(typeof(ReadersHostileTests).Assembly.Location)[..4096],
            _ => Enumerable.Range(0, 2048).Select(i => (byte)(i * 131 + 7)).ToArray(),
        };
        string path = Path.Combine(TempDir.Create(), kind + ".dll");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [MemberData(nameof(NotAssemblies))]
    public void Native_checksum_of_a_file_that_is_no_assembly_exits_2_with_a_worded_error(string kind)
    {
        var r = Run(NativeChecksumCommand.Create(), NotAnAssembly(kind));
        Assert.Equal(2, r.Exit);
        Assert.Contains("native-checksum: ", r.Err);
        Assert.Contains(".NET assembly", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Theory]
    [MemberData(nameof(NotAssemblies))]
    public void Nfcheck_of_a_file_that_is_no_assembly_exits_2_with_a_worded_error(string kind)
    {
        var r = Run(NfCheckCommand.Create(), NotAnAssembly(kind), "--mscorlib", NanoCompiler.Mscorlib);
        Assert.Equal(2, r.Exit);
        Assert.Contains("nfcheck: ", r.Err);
        Assert.Contains(".NET assembly", r.Err);
        Assert.DoesNotContain("   at ", r.Err);
    }

    private const string Fixture = "namespace F { public class A { public class B { } } public class C { } public class D : C { } }";

    [Fact]
    public void An_assembly_with_a_nested_type_cycle_is_refused_without_a_stack_overflow()
    {
        string dll = NanoCompiler.Compile(Fixture);
        Patch(dll, (md, at) =>
        {
            // NestedClass row (B, A) becomes (B, B): B encloses itself.
            int table = at + md.GetTableMetadataOffset(TableIndex.NestedClass);
            Assert.Equal(4, md.GetTableRowSize(TableIndex.NestedClass));
            int b = MetadataTokens.GetRowNumber(Type(md, "B"));
            return new[] { (table + 2, b) };
        });

        var check = Run(NfCheckCommand.Create(), dll, "--mscorlib", NanoCompiler.Mscorlib);
        Assert.Equal(2, check.Exit);
        Assert.Contains("nested-type cycle", check.Err);
        var sum = Run(NativeChecksumCommand.Create(), dll);
        Assert.Equal(2, sum.Exit);
        Assert.Contains("nested-type cycle", sum.Err);
    }

    [Fact]
    public void An_assembly_with_an_inheritance_cycle_is_reported_not_clean()
    {
        string dll = NanoCompiler.Compile(Fixture);
        Patch(dll, (md, at) =>
        {
            // C extends System.Object; make it extend D, which extends C.
            int table = at + md.GetTableMetadataOffset(TableIndex.TypeDef);
            Assert.Equal(14, md.GetTableRowSize(TableIndex.TypeDef)); // 4 + 2 (name) + 2 (namespace) + 2 (extends) + 2 + 2
            int c = MetadataTokens.GetRowNumber(Type(md, "C"));
            int d = MetadataTokens.GetRowNumber(Type(md, "D"));
            return new[] { (table + ((c - 1) * 14) + 8, d << 2) };
        });

        var r = Run(NfCheckCommand.Create(), dll, "--mscorlib", NanoCompiler.Mscorlib);
        Assert.Equal(1, r.Exit);
        Assert.Contains("F.C: invalid-metadata: inheritance cycle: F.C : F.D : F.C", r.Out);
        Assert.DoesNotContain("clean", r.Out);
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("../esp32")]
    [InlineData("/etc")]
    [InlineData("esp32/../esp32")]
    [InlineData("nochip")]
    public void Regs_takes_only_a_known_chip(string chip)
    {
        var r = CliRunner.Run(new[] { "regs", chip, "--root", BoardGeneratorFixture.RepoRoot() });
        Assert.Equal(2, r.Exit);
        Assert.Contains("unknown chip", r.Stderr);
        Assert.Contains("chips: esp32, esp32c3", r.Stderr);
    }

    private static TypeDefinitionHandle Type(MetadataReader md, string name) =>
        md.TypeDefinitions.Single(h => md.GetString(md.GetTypeDefinition(h).Name) == name);

    // Rewrites 16-bit table cells of a compiled fixture (offsets in the file).
    private static void Patch(string path, Func<MetadataReader, int, IEnumerable<(int Offset, int Value)>> cells)
    {
        byte[] bytes = File.ReadAllBytes(path);
        List<(int Offset, int Value)> edits;
        using (var pe = new PEReader(new MemoryStream(bytes)))
        {
            edits = cells(pe.GetMetadataReader(), pe.PEHeaders.MetadataStartOffset).ToList();
        }

        foreach ((int offset, int value) in edits)
        {
            bytes[offset] = (byte)value;
            bytes[offset + 1] = (byte)(value >> 8);
        }

        File.WriteAllBytes(path, bytes);
    }
}
