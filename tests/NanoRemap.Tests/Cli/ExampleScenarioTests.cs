using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Eval;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary>examples/scenarios.eval, the shipped example: every case well formed, independent of nf.config.</summary>
public class ExampleScenarioTests
{
    private static string ScenarioFile()
    {
        string config = NfConfig.Locate(AppContext.BaseDirectory);
        Assert.NotNull(config); // the repository root holds nf.config
        return Path.Combine(Path.GetDirectoryName(config)!, "examples", "scenarios.eval");
    }

    [Fact]
    public void The_example_file_evaluates_with_exit_0_one_line_per_case()
    {
        string path = ScenarioFile();
        int cases = File.ReadAllLines(path).Count(Evaluator.IsCase);
        Assert.InRange(cases, 20, 40);
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval", path });
        Assert.Equal(string.Empty, o.Stderr);
        Assert.Equal(0, o.Exit);
        Assert.Equal(cases, o.Lines.Length);
        Assert.DoesNotContain(o.Lines, l => l.StartsWith("error="));
    }

    [Fact]
    public void The_example_file_means_the_same_under_any_defaults()
    {
        string[] lines = File.ReadAllLines(ScenarioFile());
        var a = new Evaluator(EvalSettings.Default);
        var b = new Evaluator(new EvalSettings(KernelModel.Mmu, Mm.WordModel.Lp64, 16));
        Assert.Equal(lines.Select(l => a.EvalLine(l)?.Output), lines.Select(l => b.EvalLine(l)?.Output));
    }
}
