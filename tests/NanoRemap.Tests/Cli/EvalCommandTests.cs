using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary><c>nanoremap eval</c>: inputs (files, stdin, '-'), options and nf.config defaults, exit codes, help.</summary>
public class EvalCommandTests
{
    private const string Gpio = "op=prep vm_len=0x1000 phys=0x3ff44000 size=0x1000";
    private const string Top = "op=prep vm_len=0x1000 phys=0xfffff000 size=0x1000"; // -22 on ilp32, pfn 0xfffff on lp64

    [Fact]
    public void Reads_stdin_without_a_file_and_with_dash()
    {
        Assert.Equal(new[] { "rc=0 pfn=0x3ff44" }, CliRunner.Run(new[] { "eval" }, Gpio + "\n").Lines);
        Assert.Equal(new[] { "rc=0 pfn=0x3ff44" }, CliRunner.Run(new[] { "eval", "-" }, Gpio).Lines);
    }

    [Fact]
    public void Reads_files_in_order_including_stdin_between_them()
    {
        string a = TempDir.WithFile("a.eval", "# a\n" + Gpio + "\n");
        string b = TempDir.WithFile("b.eval", "op=prep vm_len=0x1000 phys=0x10 size=0xffffffff\n");
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", a, "-", b }, "op=prep\n");
        Assert.Equal(0, o.Exit);
        Assert.Equal(new[] { "rc=0 pfn=0x3ff44", "rc=0 pfn=0x0", "rc=-22" }, o.Lines);
    }

    [Fact]
    public void An_empty_input_prints_nothing_and_exits_0()
    {
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval" }, "# nothing\n\n");
        Assert.Equal(0, o.Exit);
        Assert.Equal(string.Empty, o.Stdout);
    }

    [Fact]
    public void A_malformed_line_in_a_file_is_located_on_stderr()
    {
        string f = TempDir.WithFile("c.eval", Gpio + "\n\nop=prep wat=1\n");
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", f });
        Assert.Equal(1, o.Exit);
        Assert.Equal("rc=0 pfn=0x3ff44", o.Lines[0]);
        Assert.StartsWith("error=unknown key 'wat'", o.Lines[1]);
        Assert.Contains($"{f}:3: error: unknown key 'wat'", o.Stderr);
    }

    [Fact]
    public void An_unreadable_file_exits_2_after_running_the_others()
    {
        string missing = Path.Combine(TempDir.Create(), "missing.eval");
        string good = TempDir.WithFile("good.eval", Gpio + "\n");
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", missing, good });
        Assert.Equal(2, o.Exit);
        Assert.Equal(new[] { "rc=0 pfn=0x3ff44" }, o.Lines);
        Assert.Contains($"cannot read {missing}", o.Stderr);
    }

    [Fact]
    public void Options_override_nf_config_and_the_line_overrides_the_options()
    {
        Assert.Equal(new[] { "rc=-22" }, CliRunner.Run(new[] { "eval" }, Top).Lines);
        Assert.Equal(new[] { "rc=0 pfn=0xfffff" }, CliRunner.Run(new[] { "eval", "--arch", "lp64" }, Top).Lines);
        Assert.Equal(new[] { "rc=-22" }, CliRunner.Run(new[] { "eval", "--arch", "lp64" }, Top + " arch=ilp32").Lines);
        Assert.Equal(new[] { "rc=0 pfn=0x3ff4" }, CliRunner.Run(new[] { "eval", "--page-shift", "16" }, "op=prep vm_len=0x10000 phys=0x3ff44000 size=0x10000").Lines);
        string mmap = "op=mmap vm_start=0x3ff44000 vm_end=0x3ff45000 action=remap_full pfn=0x3ff44";
        Assert.StartsWith("rc=-22 prepare=0 complete=-22", CliRunner.Run(new[] { "eval" }, mmap).Lines[0]);
        Assert.StartsWith("rc=0 prepare=0 complete=0", CliRunner.Run(new[] { "eval", "--model", "mmu" }, mmap).Lines[0]);
    }

    [Fact]
    public void Defaults_come_from_the_nearest_nf_config_or_from_config()
    {
        string dir = TempDir.Create();
        File.WriteAllText(Path.Combine(dir, "nf.config"), "arch = lp64\n");
        string sub = Path.Combine(dir, "sub");
        Directory.CreateDirectory(sub);
        Assert.Equal(new[] { "rc=0 pfn=0xfffff" }, CliRunner.Run(new[] { "eval" }, Top, cwd: sub).Lines);

        string other = TempDir.WithFile("other.config", "arch = ilp32\n");
        Assert.Equal(new[] { "rc=-22" }, CliRunner.Run(new[] { "eval", "--config", other }, Top, cwd: sub).Lines);
        Assert.Equal(new[] { "rc=0 pfn=0xfffff" }, CliRunner.Run(new[] { "eval", "--config", other, "--arch", "lp64" }, Top, cwd: sub).Lines);
    }

    [Fact]
    public void A_bad_nf_config_stops_with_exit_2_naming_the_line()
    {
        string config = TempDir.WithFile("nf.config", "model = mmu\narch = pdp11\n");
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", "--config", config }, Gpio);
        Assert.Equal(2, o.Exit);
        Assert.Equal(string.Empty, o.Stdout);
        Assert.Contains($"{config}:2: bad value for arch: 'pdp11'", o.Stderr);

        o = CliRunner.Run(new[] { "eval" }, Gpio, cwd: Path.GetDirectoryName(config));
        Assert.Equal(2, o.Exit);
        Assert.Contains(":2: bad value for arch", o.Stderr);
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        Assert.NotEqual(0, CliRunner.Run(new[] { "eval", "--arch", "x86" }, Gpio).Exit);
        Assert.NotEqual(0, CliRunner.Run(new[] { "eval", "--model", "both" }, Gpio).Exit);
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", "--page-shift", "32" }, Gpio);
        Assert.Equal(2, o.Exit);
        Assert.Contains("page shift 32 (from --page-shift) is out of range for arch ilp32 (1..31)", o.Stderr);
        Assert.Equal(0, CliRunner.Run(new[] { "eval", "--page-shift", "32", "--arch", "lp64" }, "op=prep").Exit);
    }

    [Fact]
    public void Help_describes_the_line_contract_and_points_to_the_readme()
    {
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", "--help" });
        Assert.Equal(0, o.Exit);
        foreach (string s in new[] { "README", "op=prep", "op=iomap", "op=remap_pfn_range", "op=mmap", "simple_ioremap phys= size=", "error=", "Exit code", "--model", "--arch", "--page-shift", "--config" })
        {
            Assert.Contains(s, o.Stdout);
        }
    }

    [Fact]
    public void Root_help_lists_the_verbs()
    {
        CliRunner.Outcome o = CliRunner.Run(new[] { "--help" });
        Assert.Contains("eval", o.Stdout);
        Assert.Contains("explain", o.Stdout);
    }

    [Fact]
    public void Vectors_mode_checks_expected_lines_and_reports_mismatches()
    {
        string vec = TempDir.WithFile("t.vec", "# c\n" + Gpio + "\n=> rc=0 pfn=0x3ff44\n" + Top + "\n=> rc=0 pfn=0xfffff\nop=prep\n");
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", "--vectors", vec });
        Assert.Equal(1, o.Exit);
        Assert.Contains($"{vec}:4: {Top}", o.Stdout);
        Assert.Contains("  expected: rc=0 pfn=0xfffff", o.Stdout);
        Assert.Contains("  actual:   rc=-22", o.Stdout);
        Assert.Contains($"{vec}:6: case line not followed by a '=> expected' line", o.Stdout);
        Assert.EndsWith("vectors: 1 passed, 2 failed", o.Lines[^1]);
    }
}
