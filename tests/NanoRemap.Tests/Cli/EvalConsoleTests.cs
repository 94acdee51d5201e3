using NanoRemap.Tests.Engine;
using NanoRemap.Tooling.Eval;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary>Captures Console.Out, so it runs alone (<see cref="ConsoleCollection"/>).</summary>
[Collection(ConsoleCollection.Name)]
public class EvalConsoleTests
{
    [Fact]
    public void Warn_lines_are_collected_not_written_to_the_console()
    {
        TextWriter saved = Console.Out;
        var console = new StringWriter();
        Console.SetOut(console);
        try
        {
            EvalLineResult r = new Evaluator(EvalSettings.Default).EvalLine(
                "op=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 action=simple_ioremap phys=0x3ff44000 size=0x1000")!;
            Assert.Equal(2, r.Result!.WarnLines.Count);
            Assert.All(r.Result.WarnLines, l => Assert.StartsWith("WARNING: ", l));
        }
        finally
        {
            Console.SetOut(saved);
        }

        Assert.DoesNotContain("WARNING", console.ToString());
    }
}
