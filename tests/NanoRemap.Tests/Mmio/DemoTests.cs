using System.CommandLine;
using NanoRemap.Cli;
using NanoRemap.Cli.Commands;
using NanoRemap.Mm;
using NanoRemap.Tooling.Demo;
using Xunit;

namespace NanoRemap.Tests.Mmio;

public class DemoTests
{
    [Theory]
    [InlineData("esp32", "0x3FF44000", "DPORT", "DPORT.PERIP_CLK_EN |= 0x00000800")]
    [InlineData("esp32s2", "0x3F404000", "SYSTEM", "SYSTEM.PERIP_CLK_EN0 |= 0x00000800")]
    [InlineData("esp32s3", "0x60004000", "SYSTEM", "SYSTEM.PERIP_CLK_EN0 |= 0x00000800")]
    [InlineData("esp32c3", "0x60004000", "SYSTEM", "SYSTEM.PERIP_CLK_EN0 |= 0x00000800")]
    [InlineData("esp32c5", "0x60091000", "PCR", "PCR.LEDC_CONF |= 0x00000001")]
    [InlineData("esp32c6", "0x60091000", "PCR", "PCR.LEDC_CONF |= 0x00000001")]
    [InlineData("esp32h2", "0x60091000", "PCR", "PCR.LEDC_CONF |= 0x00000001")]
    public void Nommu_demo_tells_the_whole_story(string board, string gpio, string clockBlock, string clockLine)
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoRunner.Run(output, board, mmu: false));
        string text = output.ToString();
        Assert.Contains($"board {board}", text);
        Assert.Contains($"mmap_action_simple_ioremap(desc, {gpio}, 0x1000)", text);
        Assert.Contains(WarnOnce.LineOf(WarnSite.NommuMmapActionPrepare), text);
        Assert.Contains(WarnOnce.LineOf(WarnSite.NommuMmapActionComplete), text);
        Assert.Equal(1, Count(text, WarnOnce.LineOf(WarnSite.NommuMmapActionPrepare))); // once
        Assert.Contains("mmap -> -22 (-EINVAL)", text);
        Assert.Contains($"window: virtual {gpio} == physical {gpio}", text);
        Assert.Contains("IO|DONTEXPAND|DONTDUMP", text.Replace("PFNMAP|", ""));
        Assert.Contains("before       OUT=0x00000000 ENABLE=0x00000000", text);
        Assert.Contains("after set    OUT=0x00000004 ENABLE=0x00000004 OUT_W1TS reads 0x00000000", text);
        Assert.Contains("after clear  OUT=0x00000000 ENABLE=0x00000004", text);
        Assert.Contains("NommuMmapActionPrepare x2, NommuMmapActionComplete x2", text);
        Assert.Contains("1 refused (the protected write", text);
        Assert.Contains($"Peripheral clock of LEDC: block {clockBlock}", text);
        Assert.Contains(clockLine, text);
        Assert.Contains(": denied", text);
        Assert.Contains("demo ok", text);
    }

    [Theory]
    [InlineData("esp32", "3FF44")]
    [InlineData("esp32s2", "3F404")]
    [InlineData("esp32s3", "60004")]
    [InlineData("esp32c3", "60004")]
    [InlineData("esp32c6", "60091")]
    [InlineData("esp32h2", "60091")]
    public void Mmu_demo_shows_the_same_driver_succeeding(string board, string pfn)
    {
        var output = new StringWriter();
        Assert.Equal(0, DemoRunner.Run(output, board, mmu: true));
        string text = output.ToString();
        Assert.Contains("mmap -> 0", text);
        Assert.Contains($"start_pfn 0x{pfn}", text);
        Assert.Contains("PFNMAP|IO|DONTEXPAND|DONTDUMP", text);
        Assert.Contains("WARN counters: total 0", text);
        Assert.DoesNotContain("WARNING", text);
    }

    [Fact]
    public void Demo_command_takes_board_and_model_from_nf_config_and_options_override_them()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nanoremap-demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nf.config"), "model = mmu\nboard = esp32c3\n");
        var (exit, stdout, _) = Invoke(dir);
        Assert.Equal(0, exit);
        Assert.Contains("board esp32c3, model mmu", stdout);

        (exit, stdout, _) = Invoke(dir, "--board", "esp32s3", "--model", "nommu");
        Assert.Equal(0, exit);
        Assert.Contains("board esp32s3, model nommu", stdout);
    }

    [Fact]
    public void Demo_command_refuses_an_unknown_board()
    {
        var (exit, _, stderr) = Invoke(Path.GetTempPath(), "--board", "esp8266");
        Assert.NotEqual(0, exit);
        Assert.Contains("esp8266", stderr);
    }

    [Fact]
    public void Demo_command_takes_the_chip_as_people_write_it()
    {
        var (exit, stdout, stderr) = Invoke(Path.GetTempPath(), "--board", "ESP32-C3");
        Assert.True(exit == 0, stderr);
        Assert.Contains("esp32c3", stdout);
        (exit, _, stderr) = Invoke(Path.GetTempPath(), "--board", "esp32c9");
        Assert.NotEqual(0, exit);
        Assert.Contains("'esp32c9' is not a chip", stderr);
    }

    private static (int Exit, string Stdout, string Stderr) Invoke(string cwd, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = DemoCommand.Create(new CliContext { CurrentDirectory = cwd }).Parse(args)
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
