using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary><c>nanoremap boards import-svd</c>, <c>check-facts</c> and <c>generate-chips</c> against a scratch repository.</summary>
public class ImportSvdCommandTests
{
    private const string Svd = """
        <?xml version="1.0" encoding="utf-8"?>
        <device>
          <name>MINI</name>
          <peripherals>
            <peripheral>
              <name>GPIO</name>
              <baseAddress>0x60004000</baseAddress>
              <addressBlock><offset>0x0</offset><size>0x100</size><usage>registers</usage></addressBlock>
              <registers>
                <register>
                  <name>OUT</name>
                  <addressOffset>0x4</addressOffset>
                  <fields><field><name>DATA</name><bitOffset>0</bitOffset><bitWidth>26</bitWidth><access>read-write</access></field></fields>
                </register>
              </registers>
            </peripheral>
          </peripherals>
        </device>
        """;

    private static string ScratchRepo()
    {
        string root = TempDir.Create();
        Directory.CreateDirectory(Path.Combine(root, "boards"));
        File.WriteAllText(Path.Combine(root, "NanoRemap.sln"), string.Empty);
        return root;
    }

    [Fact]
    public void Import_writes_the_facts_and_generate_chips_the_definitions()
    {
        string root = ScratchRepo();
        string svd = TempDir.WithFile("mini.svd", Svd);
        var o = CliRunner.Run(new[] { "boards", "import-svd", svd, "--root", root });
        Assert.Equal(0, o.Exit);
        Assert.Equal("wrote boards/mini/registers.txt: 1 peripherals, 1 registers, 1 fields, 0 ranges", o.Lines.Single());
        Assert.Contains("reg GPIO.OUT 0x60004004 rw 0x00000000", File.ReadAllText(Path.Combine(root, "boards", "mini", "registers.txt")));

        var g = CliRunner.Run(new[] { "boards", "generate-chips", "--root", root });
        Assert.Equal(0, g.Exit);
        string cs = File.ReadAllText(Path.Combine(root, "src", "NanoRemap.Chips", "NanoRemap.Mini", "Mini.g.cs"));
        Assert.Contains("public const uint OUT_DATA = 0x1A00;", cs);
        Assert.Equal(0, CliRunner.Run(new[] { "boards", "generate-chips", "--check", "--root", root }).Exit);

        File.AppendAllText(Path.Combine(root, "src", "NanoRemap.Chips", "NanoRemap.Mini", "Mini.g.cs"), "// edited\n");
        var stale = CliRunner.Run(new[] { "boards", "generate-chips", "--check", "--root", root });
        Assert.Equal(1, stale.Exit);
        Assert.Contains("stale: src/NanoRemap.Chips/NanoRemap.Mini/Mini.g.cs", stale.Stderr);
    }

    [Fact]
    public void A_malformed_svd_exits_1_names_file_line_and_element_and_writes_nothing()
    {
        string root = ScratchRepo();
        string svd = TempDir.WithFile("mini.svd", Svd.Replace("<bitWidth>26</bitWidth>", "<bitWidth>40</bitWidth>"));
        var o = CliRunner.Run(new[] { "boards", "import-svd", svd, "--chip", "mini", "--root", root });
        Assert.Equal(1, o.Exit);
        Assert.Contains("mini.svd:", o.Stderr);
        Assert.Contains("peripheral GPIO register OUT field DATA", o.Stderr);
        Assert.Contains("nothing written", o.Stderr);
        Assert.False(Directory.Exists(Path.Combine(root, "boards", "mini")) && File.Exists(Path.Combine(root, "boards", "mini", "registers.txt")));
    }

    [Fact]
    public void A_missing_svd_exits_2()
    {
        var o = CliRunner.Run(new[] { "boards", "import-svd", "/nonexistent/x.svd", "--root", ScratchRepo() });
        Assert.Equal(2, o.Exit);
        Assert.Contains("no such file", o.Stderr);
    }

    [Fact]
    public void Check_facts_without_an_svd_folder_says_what_is_missing_and_passes()
    {
        string root = ScratchRepo();
        var o = CliRunner.Run(new[] { "boards", "check-facts", "--svd-dir", Path.Combine(root, "no-svds"), "--root", root });
        Assert.Equal(0, o.Exit);
        Assert.Contains("skipped: no SVD folder at", o.Stdout);
        Assert.Contains("NANOREMAP_SVD_DIR", o.Stdout);
    }
}
