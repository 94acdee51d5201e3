using System.Text;
using CsCheck;
using NanoRemap.Facts;
using NanoRemap.IO;
using NanoRemap.Tests.NfCheck;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Eval;
using NanoRemap.Tooling.Native;
using NanoRemap.Tooling.NfCheck;
using NanoRemap.Tooling.Svd;
using Xunit;

namespace NanoRemap.Tests.Hostile;

/// <summary>
/// Issue 16: a fuzz test per reader (CsCheck). Each input is built from the reader's own tokens mixed with hostile
/// ones (huge numbers, cycles, control and line-break characters), and each reader must either accept it or throw
/// its documented exception - nothing else. Time is bounded by a fixed number of iterations of bounded size.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int Iterations = 400;

    private static readonly string[] Hostile =
    {
        "0", "1", "2", "-1", "4294967295", "4294967296", "2147483647", "2147483648", "0x0", "0xFFFFFFFF", "0xFFFFFFFC", "0x100000000",
        "#101", "#", "0x", "", " ", "\n", "\r", "\u2028", "\u2029", "\u0085", "\0", "*/", "/*", "%s", "[%s]", "A", "B", "R", "P", "class", "é",
        "0-2147483647", "A-Z", "0-3", "a,b,c", "P.R", "P.A", "P.C.R", "P.R.F",
    };

    private static readonly Gen<string> Token = Gen.OneOf(Gen.OneOf<string>(Hostile), Gen.String[Gen.Char.AlphaNumeric, 0, 6]);

    // Counts the inputs tried and the ones refused with the documented exception (the rest were accepted).
    private static void Fuzz<T>(Gen<T> gen, Action<T> read, Func<Exception, bool> documented, string what)
    {
        int tried = 0;
        int refused = 0;
        gen.Sample(input =>
        {
            Interlocked.Increment(ref tried);
            try
            {
                read(input);
            }
            catch (Exception e) when (documented(e))
            {
                Interlocked.Increment(ref refused);
            }
        }, iter: Iterations, threads: 1);
        Console.WriteLine($"fuzz {what}: {tried} inputs, {refused} refused with the documented error, {tried - refused} accepted");
        Assert.Equal(Iterations, tried);
    }

    private static readonly Gen<string> SvdElement = Gen.OneOf(
        Gen.Select(Token, Token, Token, (n, o, x) => $"<register><name>{n}</name><addressOffset>{o}</addressOffset>{x}</register>"),
        Gen.Select(Token, Token, Token, (n, d, i) => $"<register><name>R{n}%s</name><addressOffset>0x0</addressOffset><dim>{d}</dim><dimIncrement>{i}</dimIncrement></register>"),
        Gen.Select(Token, Token, (n, f) => $"<register derivedFrom=\"{f}\"><name>{n}</name><addressOffset>0x4</addressOffset></register>"),
        Gen.Select(Token, Token, Token, (n, f, d) => $"<cluster derivedFrom=\"{f}\"><name>{n}</name><addressOffset>0x0</addressOffset><dim>{d}</dim><dimIncrement>0x10</dimIncrement><dimIndex>{d}</dimIndex><register><name>X</name><addressOffset>0</addressOffset></register></cluster>"),
        Gen.Select(Token, Token, Token, Token, (n, l, w, f) => $"<register><name>{n}</name><addressOffset>0x8</addressOffset><size>{w}</size><fields><field derivedFrom=\"{f}\"><name>{n}</name><bitOffset>{l}</bitOffset><bitWidth>{w}</bitWidth></field></fields></register>"));

    [Fact]
    public void Svd_reader_and_importer_throw_only_SvdException()
    {
        var gen = Gen.Select(SvdElement.Array[0, 6], Token, Token, Gen.Int[0, 3],
            (els, name, version, cut) => (Xml: HostileSvd.Device(string.Concat(els), "N" + name, version), Cut: cut));
        Fuzz(gen, input =>
        {
            string xml = input.Cut == 0 ? input.Xml : input.Xml[..(input.Xml.Length * input.Cut / 4)]; // truncated too
            HostileSvd.Import(xml);
        }, e => e is SvdException, "SVD");
    }

    [Fact]
    public void Patch_file_parser_and_apply_throw_only_SvdException()
    {
        var line = Gen.Select(Gen.OneOf<string>("source", "rename", "move", "register", "field", "remove", "dimindex", "frob"), Token.Array[0, 5],
            (k, f) => k + " " + string.Join(" ", f));
        Fuzz(line.Array[0, 8], lines =>
        {
            var patches = SvdPatchFile.Parse(string.Join("\n", lines), "svd-patches.txt");
            SvdImporter.Build(HostileSvd.Read(HostileSvd.Device(HostileSvd.Register("R") + HostileSvd.Register("T%s", "0x10", "<dim>2</dim><dimIncrement>4</dimIncrement>"))), patches, "x");
        }, e => e is SvdException, "svd-patches.txt");
    }

    [Fact]
    public void Facts_parser_throws_only_FactsException()
    {
        var line = Gen.Select(Gen.OneOf<string>("chip", "periph", "reg", "field", "range", "#", "x"), Token.Array[0, 6],
            (k, f) => k + " " + string.Join(" ", f));
        Fuzz(line.Array[0, 10], lines =>
        {
            string text = "chip x\nperiph P 0x60000000 0x100\nreg P.R 0x60000000 rw 0x0\n" + string.Join("\n", lines);
            ChipFacts facts = ChipFacts.Parse(new StringReader(text), "registers.txt");
            ChipFactsWriter.ToText(facts);
            NanoRemap.Tooling.Facts.ChipDefinitionsGenerator.Render(facts, "registers.txt");
        }, e => e is FactsException or InvalidOperationException, "registers.txt");
    }

    [Fact]
    public void Board_map_parser_throws_only_BoardMapException()
    {
        const string facts = "chip x\nperiph A 0x60000000 0x20\nreg A.OUT 0x60000004 rw 0x00000000\nfield A.OUT.D 0 8 rw\nperiph B 0x60000100 0x10\nreg B.X 0x60000100 rw 0x0\n";
        ChipFacts f = ChipFacts.Parse(new StringReader(facts), "x.txt");
        var line = Gen.Select(Gen.OneOf<string>("bus", "dport", "fifo", "gpio", "map", "skip", "ro", "deny", "protect", "clock", "chip"),
            Gen.OneOf(Token, Gen.OneOf<string>("A", "B", "A.OUT", "A.OUT.D", "allow", "deny")).Array[0, 5],
            (k, t) => k + " " + string.Join(" ", t) + " # r");
        // Half the inputs start from a valid map, so the later checks (policy, FIFO, DPORT, emitters) are reached too.
        Fuzz(Gen.Select(line.Array[0, 8], Gen.Bool, (l, valid) => (valid ? "map A allow # r\nskip B # r\n" : string.Empty) + string.Join("\n", l)), lines =>
        {
            var map = BoardMapParser.Parse("chip x\nbus 0x60000000 0x1000 # r\ngpio A\n" + lines, "board.map", f);
            NativeTableEmitter.EmitSource(map, "boards/x/board.map");
        }, e => e is BoardMapException or ArgumentException, "board.map");
    }

    [Fact]
    public void Nf_config_parser_throws_only_NfConfigException()
    {
        var line = Gen.Select(Gen.OneOf<string>("model", "arch", "page_shift", "board", "x", "="), Gen.OneOf<string>(" = ", "=", " "), Token,
            (k, eq, v) => k + eq + v);
        Fuzz(line.Array[0, 6], lines => NfConfig.Parse(string.Join("\n", lines), "nf.config"), e => e is NfConfigException, "nf.config");
    }

    [Fact]
    public void Eval_reader_throws_only_the_input_limit()
    {
        var line = Gen.Select(Gen.OneOf<string>("op=prep", "op=remap", "op=simple_ioremap", "op=iomap", "#", "op="),
            Gen.Select(Gen.OneOf<string>("vm_len", "phys", "size", "pgoff", "pfn", "start", "model", "arch", "page_shift", "flags"), Token, (k, v) => k + "=" + v).Array[0, 6],
            (op, kv) => op + " " + string.Join(" ", kv));
        var gen = Gen.Select(line.Array[0, 8], Gen.Int[0, 2], (l, longLine) => string.Join("\n", l) + (longLine == 1 ? "\n" + new string('y', 300) : string.Empty));
        var evaluator = new Evaluator(EvalSettings.From(NfConfig.Defaults));
        Fuzz(gen, text =>
        {
            using var reader = new BoundedReader(new StringReader(text), "<fuzz>", 256, 1 << 20);
            evaluator.Run(reader, "<fuzz>", TextWriter.Null, TextWriter.Null);
        }, e => e is InputLimitException, "eval");
    }

    [Fact]
    public void Assembly_readers_throw_only_BadImageFormat_or_InvalidOperation()
    {
        byte[] good = File.ReadAllBytes(NanoCompiler.Compile("namespace F { public class A { public class B { } public int M(int x) => x + 1; } public class C : A { } public interface I { } }"));
        var surface = MscorlibSurface.Load(NanoCompiler.Mscorlib);
        var gen = Gen.Select(Gen.Int[0, good.Length - 1].Array[1, 8], Gen.Byte.Array[8], Gen.Int[0, 7], (at, values, cut) => (At: at, Values: values, Cut: cut));
        Fuzz(gen, input =>
        {
            byte[] bytes = (byte[])good.Clone();
            for (int i = 0; i < input.At.Length; i++)
            {
                bytes[input.At[i]] = input.Values[i];
            }

            if (input.Cut == 7)
            {
                bytes = bytes[..(bytes.Length / 2)];
            }

            string path = Path.Combine(NanoRemap.Tests.Cli.TempDir.Create(), "F.dll");
            File.WriteAllBytes(path, bytes);
            new NfGate(surface, Array.Empty<string>()).Check(path);
            NativeChecksum.Compute(path);
        }, e => e is BadImageFormatException or InvalidOperationException, "assembly (nfcheck, native-checksum)");
    }
}
