using NanoRemap.Mm;
using NanoRemap.Tests.Cli;
using NanoRemap.Tooling.Config;
using Xunit;

namespace NanoRemap.Tests.Config;

public class NfConfigTests
{
    [Fact]
    public void Parses_every_key_with_comments_blank_lines_and_crlf()
    {
        string text = "# settings\r\n\r\nmodel = mmu   # the reference\r\narch=lp64\r\n  page_shift =  16\r\nboard = esp32c3\r\n";
        NfConfig c = NfConfig.Parse(text, "x/nf.config");
        Assert.Equal(KernelModel.Mmu, c.Model);
        Assert.Equal(WordModel.Lp64, c.Arch);
        Assert.Equal(16, c.PageShift);
        Assert.Equal("esp32c3", c.Board);
        Assert.Equal("x/nf.config", c.SourcePath);
        Assert.Equal("lp64", c.Get("arch"));
    }

    [Fact]
    public void Keys_the_file_does_not_set_take_the_built_in_defaults()
    {
        NfConfig c = NfConfig.Parse("arch = ilp32-phys64\n", "nf.config");
        Assert.Equal(KernelModel.Nommu, c.Model);
        Assert.Equal(WordModel.Ilp32Phys64, c.Arch);
        Assert.Equal(12, c.PageShift);
        Assert.Equal("esp32", c.Board);
    }

    [Fact]
    public void Defaults_are_nommu_ilp32_12_esp32_without_a_file()
    {
        Assert.Equal(KernelModel.Nommu, NfConfig.Defaults.Model);
        Assert.Equal(WordModel.Ilp32, NfConfig.Defaults.Arch);
        Assert.Equal(12, NfConfig.Defaults.PageShift);
        Assert.Equal("esp32", NfConfig.Defaults.Board);
        Assert.Null(NfConfig.Defaults.SourcePath);
    }

    [Theory]
    [InlineData("model = nommu\nmodle = mmu\n", 2, "unknown key 'modle'")]
    [InlineData("model = nommu\n\n# c\nmodel = mmu\n", 4, "duplicate key 'model' (already set on line 1)")]
    [InlineData("arch ilp32\n", 1, "missing '='")]
    [InlineData("board = esp32\nmodel = kernel\n", 2, "bad value for model: 'kernel' is not one of nommu, mmu")]
    [InlineData("arch = x86\n", 1, "bad value for arch: 'x86' is not one of ilp32, ilp32-phys64, lp64")]
    [InlineData("page_shift = twelve\n", 1, "bad value for page_shift")]
    [InlineData("page_shift = 0\n", 1, "bad value for page_shift")]
    [InlineData("board = esp8266\n", 1, "bad value for board: 'esp8266' is not one of esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6, esp32h2")]
    [InlineData("model =\n", 1, "missing value for model")]
    [InlineData(" = mmu\n", 1, "missing key before '='")]
    [InlineData("arch = ilp32\npage_shift = 32\n", 2, "page_shift: 32 is out of range for arch ilp32 (1..31)")]
    public void A_malformed_line_is_an_error_naming_file_line_and_problem(string text, int line, string problem)
    {
        var e = Assert.Throws<NfConfigException>(() => NfConfig.Parse(text, "dir/nf.config"));
        Assert.Equal(line, e.Line);
        Assert.Equal("dir/nf.config", e.Path);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"dir/nf.config:{line}: ", e.Message);
    }

    [Fact]
    public void Page_shift_range_follows_the_arch_whatever_the_key_order()
    {
        Assert.Equal(40, NfConfig.Parse("page_shift = 40\narch = lp64\n", "nf.config").PageShift);
        var e = Assert.Throws<NfConfigException>(() => NfConfig.Parse("page_shift = 40\narch = ilp32-phys64\n", "nf.config"));
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Load_reports_a_missing_file_as_an_nf_config_error()
    {
        string path = Path.Combine(TempDir.Create(), "nope.config");
        var e = Assert.Throws<NfConfigException>(() => NfConfig.Load(path));
        Assert.Contains("cannot read", e.Message);
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void Load_records_the_full_path()
    {
        string path = TempDir.WithFile("nf.config", "model = mmu\n");
        NfConfig c = NfConfig.Load(path);
        Assert.Equal(KernelModel.Mmu, c.Model);
        Assert.Equal(Path.GetFullPath(path), c.SourcePath);
    }

    [Fact]
    public void Find_takes_the_nearest_nf_config_in_the_directory_or_its_parents()
    {
        string root = TempDir.Create();
        string a = Path.Combine(root, "a");
        string deep = Path.Combine(a, "b", "c");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(root, "nf.config"), "model = nommu\n");
        File.WriteAllText(Path.Combine(a, "nf.config"), "model = mmu\narch = lp64\n");

        NfConfig found = NfConfig.Find(deep);
        Assert.Equal(Path.Combine(a, "nf.config"), found.SourcePath);
        Assert.Equal(KernelModel.Mmu, found.Model);
        Assert.Equal(KernelModel.Nommu, NfConfig.Find(root).Model);
    }

    [Fact]
    public void Find_falls_back_to_the_defaults_when_no_file_is_above()
    {
        string dir = Path.Combine(TempDir.Create(), "x");
        Directory.CreateDirectory(dir);
        if (NfConfig.Locate(Path.GetTempPath()) != null)
        {
            return; // an nf.config above the temp directory: nothing to assert about "none"
        }

        Assert.Null(NfConfig.Locate(dir));
        Assert.Same(NfConfig.Defaults, NfConfig.Find(dir));
    }

    [Fact]
    public void Find_propagates_a_malformed_file()
    {
        string path = TempDir.WithFile("nf.config", "model = mmu\nbogus = 1\n");
        var e = Assert.Throws<NfConfigException>(() => NfConfig.Find(Path.GetDirectoryName(path)));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void The_repository_nf_config_is_valid()
    {
        string path = NfConfig.Locate(AppContext.BaseDirectory);
        Assert.NotNull(path);
        NfConfig.Load(path);
    }
}
