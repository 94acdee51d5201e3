using System;
using System.Text.RegularExpressions;
using NanoRemap.Tooling.Native;
using NanoRemap.Tooling.NfCheck;
using Xunit;

namespace NanoRemap.Tests.NfCheck;

/// <summary>
/// The real libraries: the nanoFramework builds of NanoRemap (the engine) and NanoRemap.Mmio (the windows and the
/// interop library) pass the gate, and the interop stubs carry NanoRemap.Mmio's native checksum and method table.
/// </summary>
public sealed class NanoLibraryTests
{
    private const string Marker = "// native checksum: computed by 'nanoremap native-checksum'";
    private static readonly string Interop = Path.Combine(NanoLibraryBuild.RepoRoot, "boards", "native", "interop", "NanoRemap_Mmio.cpp");

    [Fact]
    public void Nano_build_of_the_engine_passes_the_gate_and_has_no_native_methods()
    {
        var surface = MscorlibSurface.Load(NanoCompiler.Mscorlib);
        var offences = new NfGate(surface).Check(NanoLibraryBuild.Dll);
        Assert.True(offences.Count == 0, "offences:\n" + string.Join("\n", offences));
        Assert.DoesNotContain(NativeChecksum.Compute(NanoLibraryBuild.Dll).Lookup, e => e.IsNative);
    }

    [Fact]
    public void Nano_build_of_the_mmio_library_passes_the_gate_referencing_only_mscorlib_and_the_engine()
    {
        var surface = MscorlibSurface.Load(NanoCompiler.Mscorlib);
        var offences = new NfGate(surface, new[] { "NanoRemap" }).Check(NanoLibraryBuild.MmioDll);
        Assert.True(offences.Count == 0, "offences:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Nano_build_of_the_mmio_library_leaves_the_simulator_out_and_fits_the_device_budget()
    {
        // The register simulator is its own device assembly (NanoRemap.Mmio.Simulation): a deployed driver does not
        // carry it, and NanoRemap.Mmio only knows the abstract seam its simulated branch calls.
        using var stream = File.OpenRead(NanoLibraryBuild.MmioDll);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var types = md.TypeDefinitions.Select(h => md.GetString(md.GetTypeDefinition(h).Name)).ToHashSet();
        Assert.Contains("SimulatedBus", types);
        Assert.Contains("MmioWindow", types);
        foreach (string moved in new[] { "RegisterSimulator", "RegisterModel", "RegisterReadHook", "RegisterWriteHook" })
        {
            Assert.DoesNotContain(moved, types);
        }
        Assert.True(new FileInfo(NanoLibraryBuild.MmioDll).Length < 32 * 1024, $"NanoRemap.Mmio.dll is {new FileInfo(NanoLibraryBuild.MmioDll).Length} bytes");
    }

    [Fact]
    public void Interop_stub_checksum_literal_is_the_computed_native_checksum()
    {
        var computed = NativeChecksum.Compute(NanoLibraryBuild.MmioDll);
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

    [Fact]
    public void Interop_method_lookup_is_the_positional_table_of_the_nano_build()
    {
        // The nanoCLR indexes method_lookup by the method's position in the assembly (MetadataProcessor order),
        // NULL for every method with IL except the window's native fast paths: the table must be exactly what the
        // checksum walk yields.
        var computed = NativeChecksum.Compute(NanoLibraryBuild.MmioDll, fastPaths: NativeFastPaths.All);
        string expected = string.Join("\n", computed.Lookup.Select(e => e.ToCpp("NanoRemap_Mmio")));
        string cpp = File.ReadAllText(Interop);
        var table = Regex.Match(cpp, @"method_lookup\[\]\s*=\s*\{(?<body>.*?)\};", RegexOptions.Singleline);
        Assert.True(table.Success, "no method_lookup[] in " + Interop);
        string actual = string.Join("\n", table.Groups["body"].Value.Split('\n')
            .Select(l => Regex.Replace(l, @"//.*$", "").Trim().TrimEnd(','))
            .Where(l => l.Length > 0));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Window_operations_are_one_managed_frame_in_IL_and_the_single_register_ones_native_fast_paths()
    {
        // Read32/Write32 and the native operations of issue 8: atomic read-modify-write and block transfers.
        string[] hot =
        {
            "MmioWindow::Read32", "MmioWindow::Write32", "MmioWindow::Modify", "MmioWindow::SetBits", "MmioWindow::ClearBits",
            "MmioWindow::ToggleBits", "MmioWindow::SetField", "MmioWindow::ReadBlock", "MmioWindow::WriteBlock",
            "MmioWindow::ReadFifo", "MmioWindow::WriteFifo",
        };
        var report = new DeviceBudget().Measure(NanoLibraryBuild.MmioDll, hot);
        Assert.True(report.Offences.Count == 0, "offences:\n" + string.Join("\n", report.Offences));
        // One path per method: SetField has two overloads (mask/shift and the packed field of the typed definitions).
        Assert.Equal(hot.Length + 1, report.Paths.Count);
        foreach (string name in hot)
        {
            Assert.Contains(report.Paths, p => p.Method.EndsWith(name, StringComparison.Ordinal));
        }

        foreach (var path in report.Paths)
        {
            Assert.True(path.ManagedFrames == 1, path.Method + ": " + string.Join(" -> ", path.Path));
            Assert.StartsWith("[native] NanoRemap.Mmio.NativeRegisterAccess::Native", path.Path[^1]);
            // the single-register operations are the InternalCall itself on the firmware (issue 12); block and FIFO
            // transfers keep their one frame for N words
            bool single = DeviceBudget.SingleRegisterOperations.Any(op => path.Method.EndsWith("::" + op, StringComparison.Ordinal));
            Assert.True(path.NativeFastPath == single, path.Method + ": native fast path " + path.NativeFastPath);
            Assert.Equal(single ? 0 : 1, path.FirmwareFrames);
        }
    }

    [Fact]
    public void The_window_handlers_field_indices_are_the_instance_fields_of_MmioWindow_in_declaration_order()
    {
        // The handlers read the window's fields from its value-type block: index 1 + the field's position among the
        // instance fields (the MetadataProcessor keeps their order and drops the const ones).
        using var stream = File.OpenRead(NanoLibraryBuild.MmioDll);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var window = md.TypeDefinitions.Single(h => md.GetString(md.GetTypeDefinition(h).Name) == "MmioWindow");
        var fields = md.GetTypeDefinition(window).GetFields()
            .Select(h => md.GetFieldDefinition(h))
            .Where(f => (f.Attributes & (System.Reflection.FieldAttributes.Static | System.Reflection.FieldAttributes.Literal)) == 0)
            .Select(f => md.GetString(f.Name).TrimStart('_'))
            .ToList();
        string header = File.ReadAllText(Path.Combine(NanoLibraryBuild.RepoRoot, "boards", "native", "interop", "NanoRemap_Mmio.h"));
        var declared = Regex.Matches(header, @"static const int FIELD___(?<name>\w+) = (?<index>\d+);")
            .Select(m => (Name: m.Groups["name"].Value, Index: int.Parse(m.Groups["index"].Value)))
            .ToList();
        Assert.Equal(fields, declared.OrderBy(d => d.Index).Select(d => d.Name).ToList());
        Assert.Equal(Enumerable.Range(1, fields.Count), declared.Select(d => d.Index).OrderBy(i => i));
    }

    [Fact]
    public void The_window_fast_paths_have_a_handler_in_the_interop_stubs_and_leave_the_checksum_alone()
    {
        // Their slots name a handler of NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow.cpp, declared in NanoRemap_Mmio.h;
        // the checksum is the MetadataProcessor's, which counts them as methods with IL.
        var plain = NativeChecksum.Compute(NanoLibraryBuild.MmioDll);
        var withFast = NativeChecksum.Compute(NanoLibraryBuild.MmioDll, fastPaths: NativeFastPaths.All);
        Assert.Equal(plain.Checksum, withFast.Checksum);
        var fast = withFast.Lookup.Where(e => e.FastPath).ToList();
        // SetField has two overloads
        Assert.Equal(NativeFastPaths.WindowMethods.Count + 1, fast.Count);
        string dir = Path.Combine(NanoLibraryBuild.RepoRoot, "boards", "native", "interop");
        string header = File.ReadAllText(Path.Combine(dir, "NanoRemap_Mmio.h"));
        string handlers = File.ReadAllText(Path.Combine(dir, "NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow.cpp"));
        foreach (var e in fast)
        {
            Assert.Equal("NanoRemap_Mmio_MmioWindow", e.ClassName);
            Assert.Contains("NANOCLR_NATIVE_DECLARE(" + e.MethodName + ");", header);
            Assert.Contains("HRESULT MmioWindow::" + e.MethodName + "(CLR_RT_StackFrame &stack)", handlers);
        }

        // their refusals go through nr_interop_refuse with the operation words of the managed window (MmioErrors)
        var ops = Regex.Matches(handlers, @"nr_interop_refuse\(stack, ""(?<op>[a-z ]+)""")
            .Select(m => m.Groups["op"].Value).Distinct().OrderBy(o => o, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "modify", "read", "write" }, ops);
    }
}
