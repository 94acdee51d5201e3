using System.Text.RegularExpressions;
using NanoRemap.Tooling.Native;
using NanoRemap.Tooling.NfCheck;
using Xunit;

namespace NanoRemap.Tests.NfCheck;

/// <summary>The real library: its nanoFramework build passes the gate, and the interop stubs carry its native checksum.</summary>
public sealed class NanoLibraryTests
{
    private const string Marker = "// native checksum: computed by 'nanoremap native-checksum'";

    [Fact]
    public void Nano_build_of_the_library_passes_the_gate()
    {
        var surface = MscorlibSurface.Load(NanoCompiler.Mscorlib);
        var offences = new NfGate(surface).Check(NanoLibraryBuild.Dll);
        Assert.True(offences.Count == 0, "offences:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Interop_stub_checksum_literal_is_the_computed_native_checksum()
    {
        var computed = NativeChecksum.Compute(NanoLibraryBuild.Dll);
        Assert.True(computed.Lookup.Any(e => e.IsNative), "the nano build has no InternalCall methods");

        string boards = Path.Combine(NanoLibraryBuild.RepoRoot, "boards");
        var lines = Directory.EnumerateFiles(boards, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cpp", StringComparison.Ordinal) || f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select(l => (File: f, Line: l)))
            .Where(x => x.Line.TrimEnd().EndsWith(Marker, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(lines);
        foreach (var (file, line) in lines)
        {
            var m = Regex.Match(line, @"0x[0-9A-Fa-f]{8}");
            Assert.True(m.Success, $"{file}: no 0xXXXXXXXX literal on the checksum line");
            Assert.True(computed.Hex == m.Value.ToUpperInvariant().Replace("0X", "0x"),
                $"{file}: stub says {m.Value}, 'nanoremap native-checksum' of the nano build says {computed.Hex}");
        }
    }
}
