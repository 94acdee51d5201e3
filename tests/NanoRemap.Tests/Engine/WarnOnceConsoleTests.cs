using NanoRemap.Mm;
using Xunit;

namespace NanoRemap.Tests.Engine;

/// <summary>Captures Console.Out, so it runs alone (<see cref="ConsoleCollection"/>).</summary>
[Collection(ConsoleCollection.Name)]
public class WarnOnceConsoleTests
{
    [Fact]
    public void The_default_output_is_the_console_so_it_survives_release_builds()
    {
        TextWriter saved = Console.Out;
        var console = new StringWriter();
        Console.SetOut(console);
        try
        {
            var w = new WarnOnce();
            w.Hit(WarnSite.CheckMmapAction);
            w.Hit(WarnSite.CheckMmapAction);
        }
        finally
        {
            Console.SetOut(saved);
        }

        Assert.Equal(WarnOnce.LineOf(WarnSite.CheckMmapAction) + Environment.NewLine, console.ToString());
    }
}
