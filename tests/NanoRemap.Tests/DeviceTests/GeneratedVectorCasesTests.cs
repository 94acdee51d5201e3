using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.DeviceTests;
using NanoRemap.Tooling.Eval;
using Xunit;

namespace NanoRemap.Tests.DeviceTests;

/// <summary>
/// The device tests check the data generated from tests/vectors: regenerating must give the committed
/// files, so the device run and the host run check the same cases. To regenerate after changing a vector:
/// <c>NANOREMAP_REGENERATE=1 dotnet test tests/NanoRemap.Tests --filter FullyQualifiedName~DeviceTests</c>.
/// </summary>
public sealed class GeneratedVectorCasesTests
{
    [Fact]
    public void Committed_device_test_sources_are_what_the_generator_makes_from_tests_vectors()
    {
        string root = DeviceTestPaths.Root;
        if (Environment.GetEnvironmentVariable("NANOREMAP_REGENERATE") == "1")
        {
            DeviceTestGenerator.Write(root);
        }

        GeneratedDeviceTests g = DeviceTestGenerator.Generate(DeviceTestPaths.At(DeviceTestGenerator.VectorsPath));
        string stale = "is stale: regenerate with NANOREMAP_REGENERATE=1 dotnet test tests/NanoRemap.Tests --filter FullyQualifiedName~DeviceTests";
        Assert.True(g.Cases == File.ReadAllText(DeviceTestPaths.At(DeviceTestGenerator.CasesPath)), DeviceTestGenerator.CasesPath + " " + stale);
        Assert.True(g.Tests == File.ReadAllText(DeviceTestPaths.At(DeviceTestGenerator.TestsPath)), DeviceTestGenerator.TestsPath + " " + stale);
    }

    [Fact]
    public void Every_case_line_of_every_vector_file_is_generated()
    {
        int lines = 0;
        int errors = 0;
        foreach (string path in Directory.GetFiles(DeviceTestPaths.At("tests/vectors"), "*.vec"))
        {
            foreach (VectorLine v in VectorFileReader.Read(Path.GetFileName(path), File.ReadAllText(path)))
            {
                lines++;
                errors += v.ExpectedText.StartsWith("error=", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        GeneratedDeviceTests g = DeviceTestGenerator.Generate(DeviceTestPaths.At("tests/vectors"));
        Assert.True(lines > 300, "expected the conformance vectors, found " + lines + " cases");
        Assert.Equal(lines - errors, g.CaseCount);
        Assert.Equal(errors, g.ErrorCaseCount);
    }

    [Fact]
    public void A_case_becomes_packed_fields_with_its_expected_output()
    {
        using var dir = new TempVectors(
            "# comment\n\n" +
            "op=prep model=nommu arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x3ff44000 size=0x1000  # trailing\n" +
            "=> rc=0 pfn=0x3ff44\n" +
            "op=mmap model=mmu arch=lp64 page_shift=14 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=raw raw_type=4294967295 error_override=-12 mapped_rc=-5 skip_prepare=1\n" +
            "=> rc=-5 prepare=skip complete=-5 type=4294967295 pgoff=0x0 flags=0xbb warns=0\n" +
            "op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=nothing mapped_rc=-2147483648 flow=compat\n" +
            "=> rc=-2147483648 prepare=0 complete=-2147483648 type=nothing pgoff=0x0 flags=0xbb warns=0\n" +
            "op=prep model=nommu arch=ilp32 bogus=1\n" +
            "=> error=unknown key 'bogus'\n");
        GeneratedDeviceTests g = DeviceTestGenerator.Generate(dir.Path);

        Assert.Equal(3, g.CaseCount);
        Assert.Equal(1, g.ErrorCaseCount);

        // The layout by hand (VectorCasePacker / VectorCaseReader): line, head (op | mmu << 2 | arch << 3),
        // page_shift, mask (u32 LE), then the set fields in bit order as varints (ints zigzag-coded).
        byte[] prep =
        {
            0x03, 0x00, 0x0C,       // line 3, prep nommu ilp32, page_shift 12
            0xC1, 0x00, 0x40, 0x00, // VmLen (0), Phys (6), Size (7), ExpectPfn (22)
            0x80, 0x20,             // vm_len 0x1000
            0x80, 0x80, 0xD1, 0xFF, 0x03, // phys 0x3ff44000
            0x80, 0x20,             // size 0x1000
            0xC4, 0xFE, 0x0F,       // pfn 0x3ff44
        };
        byte[] raw =
        {
            0x05, 0x17, 0x0E,       // line 5, mmap mmu lp64, page_shift 14
            0x16, 0xE0, 0x39, 0x2D, // bits 1 2 4 13 14 15 16 19 20 21 24 26 27 29
            0x80, 0x80, 0x80, 0x80, 0x04, // VmStart 0x40000000
            0x80, 0x80, 0x81, 0x80, 0x04, // VmEnd 0x40004000
            0xBB, 0x01,             // Flags 0xbb
            0x08,                   // Action raw (8)
            0x01,                   // RawType -1 (4294967295 as the 32-bit pattern)
            0x17,                   // ErrorOverride -12; SkipPrepare, HasMappedRc are mask bits only
            0x09,                   // MappedRc -5
            0x09,                   // ExpectRc -5
            0xBB, 0x01,             // ExpectFlags 0xbb; ExpectPrepareSkipped is a mask bit
            0x09,                   // ExpectComplete -5
            0x01,                   // ExpectType -1
        };
        Assert.Equal(new byte[] { 0x03 }.Concat(prep).Concat(raw).ToArray(), GeneratedBytes(g.Cases, "Sample").Take(1 + prep.Length + raw.Length).ToArray());

        // Which fields a case has: a flow that is not the model's own, mapped_rc even when it is INT_MIN.
        EvalCase compat = EvalCaseParser.Parse("op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=nothing mapped_rc=-2147483648 flow=compat", EvalSettings.Default);
        ExpectedOutput compatOut = ExpectedOutput.Parse(compat, "rc=-2147483648 prepare=0 complete=-2147483648 type=nothing pgoff=0x0 flags=0xbb warns=0");
        Assert.Equal(
            new (string, long)[]
            {
                ("VmStart", 0x40000000), ("VmEnd", 0x40004000), ("Flags", 0xBB), ("Flow", NanoRemap.Mm.MmapFlow.Compat), ("HasMappedRc", 1),
                ("MappedRc", int.MinValue), ("ExpectRc", int.MinValue), ("ExpectFlags", 0xBB), ("ExpectComplete", int.MinValue),
            },
            VectorCasePacker.NonZeroFields(compat, compatOut));
        Assert.Contains("                // 7: op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=nothing mapped_rc=-2147483648 flow=compat => rc=-2147483648", g.Cases);
        Assert.Contains("public static VectorFile Sample()", g.Cases);
        Assert.Contains("return VectorCaseReader.Decode(\"sample.vec\", new byte[]", g.Cases);
        Assert.DoesNotContain("new VectorCase(", g.Cases); // packed data, not IL per case
        Assert.Contains("DeviceAssert.VectorFilePasses(VectorCases.Sample());", g.Tests);
        Assert.Contains("using nanoFramework.TestFramework;", g.Tests);
        Assert.DoesNotContain("nanoFramework.TestFramework", g.Cases); // the cases compile without the test framework
    }

    [Theory]
    [InlineData("op=prep model=nommu arch=ilp32 phys=0x1000 size=0x1000\n=> rc=0\n", "keys rc are not what the contract prints")]
    [InlineData("op=prep model=nommu arch=ilp32 phys=0x1000 size=0x1000\n=> rc=-22 pfn=0x1\n", "keys rc pfn are not what the contract prints")]
    [InlineData("op=mmap model=mmu arch=ilp32 vm_start=0 vm_end=0x1000 action=nothing\n=> rc=0 prepare=0 complete=0 type=nothing flags=0x0 pgoff=0x0 warns=0\n", "are not what the contract prints")]
    [InlineData("op=prep model=nommu arch=ilp32 phys=0x100000000\n=> rc=0 pfn=0x0\n", "too wide")]
    [InlineData("op=prep model=nommu arch=ilp32\n", "has no '=> ' expected output")]
    [InlineData("=> rc=0\n", "expected output without a case line")]
    [InlineData("op=prep model=nommu arch=ilp32\n=> rc=0 pfn=12\n", "pfn=12 is not 0x hex")]
    public void A_vector_that_breaks_the_contract_is_refused_with_file_and_line(string text, string message)
    {
        using var dir = new TempVectors(text);
        var ex = Assert.Throws<FormatException>(() => DeviceTestGenerator.Generate(dir.Path));
        Assert.StartsWith("sample.vec:", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData("remap_pfn_range.vec", "RemapPfnRange")]
    [InlineData("examples.vec", "Examples")]
    [InlineData("9lives.vec", "Vec9lives")]
    public void Method_names_are_PascalCase_identifiers(string file, string method)
    {
        Assert.Equal(method, DeviceTestGenerator.MethodName(file));
    }

    // The hex bytes of the generated method's array (comments dropped).
    private static byte[] GeneratedBytes(string cases, string method)
    {
        int start = cases.IndexOf("public static VectorFile " + method + "()", StringComparison.Ordinal);
        Assert.True(start >= 0, method + " not generated");
        start = cases.IndexOf("new byte[]", start, StringComparison.Ordinal);
        int end = cases.IndexOf("});", start, StringComparison.Ordinal);
        var bytes = new List<byte>();
        foreach (string line in cases[start..end].Split('\n').Skip(1))
        {
            string code = line.Split("//")[0];
            foreach (string token in code.Split(new[] { ',', ' ', '{' }, StringSplitOptions.RemoveEmptyEntries))
            {
                bytes.Add(Convert.ToByte(token, 16));
            }
        }

        return bytes.ToArray();
    }

    private sealed class TempVectors : IDisposable
    {
        public TempVectors(string sampleVec)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nanoremap-devgen-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            File.WriteAllText(System.IO.Path.Combine(Path, "sample.vec"), sampleVec);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, true);
    }
}
