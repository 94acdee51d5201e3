using NanoRemap.Tooling.DeviceTests;
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
    public void A_case_becomes_plain_fields_with_its_expected_output()
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
        Assert.Contains("new VectorCase(3, VectorOp.Prep, false, WordModel.Ilp32, 12) { VmLen = 0x1000UL, Phys = 0x3FF44000UL, Size = 0x1000UL, ExpectPfn = 0x3FF44UL }", g.Cases);
        Assert.Contains(
            "new VectorCase(5, VectorOp.Mmap, true, WordModel.Lp64, 14) { VmStart = 0x40000000UL, VmEnd = 0x40004000UL, Flags = 0xBBUL, " +
            "Action = VectorAction.Raw, RawType = -1, ErrorOverride = -12, SkipPrepare = true, HasMappedRc = true, MappedRc = -5, " +
            "ExpectRc = -5, ExpectFlags = 0xBBUL, ExpectPrepareSkipped = true, ExpectComplete = -5, ExpectType = -1 }",
            g.Cases);
        Assert.Contains(
            "new VectorCase(7, VectorOp.Mmap, true, WordModel.Lp64, 12) { VmStart = 0x40000000UL, VmEnd = 0x40004000UL, Flags = 0xBBUL, " +
            "Flow = MmapFlow.Compat, HasMappedRc = true, MappedRc = -2147483648, " +
            "ExpectRc = -2147483648, ExpectFlags = 0xBBUL, ExpectComplete = -2147483648 }",
            g.Cases);
        Assert.Contains("public static VectorFile Sample()", g.Cases);
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
