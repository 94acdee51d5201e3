using System.CommandLine;
using NanoRemap.Cli.Commands;
using Xunit;

namespace NanoRemap.Tests.NfCheck;

/// <summary>The two verbs, invoked in-process: exit codes and one line per offence.</summary>
public sealed class NfCheckCliTests
{
    private static (int Exit, string[] Out, string Err) Run(Command command, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Fact]
    public void Nfcheck_exits_0_when_clean_and_1_with_one_line_per_offence()
    {
        string clean = NanoCompiler.Compile("namespace Fixture { public static class Ok { public static int One() => 1; } }");
        var ok = Run(NfCheckCommand.Create(), clean, "--mscorlib", NanoCompiler.Mscorlib);
        Assert.Equal(0, ok.Exit);
        Assert.Contains(ok.Out, l => l.Contains("clean against mscorlib 1.17.11.0"));

        string bad = NanoCompiler.Compile(@"
namespace Fixture
{
    public class Box<T> { }
    public static class Grid { public static int[,] Make() => new int[1, 1]; }
}");
        var res = Run(NfCheckCommand.Create(), bad);
        Assert.Equal(1, res.Exit);
        Assert.Contains(res.Out, l => l.StartsWith("Fixture.Box`1: generic-definition: "));
        Assert.Contains(res.Out, l => l.StartsWith("Fixture.Grid::Make: multidimensional-array: "));
        Assert.Contains("offence(s)", res.Err);
    }

    [Fact]
    public void Nfcheck_exits_2_when_it_cannot_check()
    {
        var res = Run(NfCheckCommand.Create(), "/nonexistent/Nothing.dll");
        Assert.Equal(2, res.Exit);
        Assert.Contains("not found", res.Err);
    }

    [Fact]
    public void Native_checksum_prints_the_hex_value_and_optionally_the_lookup_table()
    {
        string dll = NanoCompiler.Compile(PublishedNativeAssemblies.EspNowSource, "nanoFramework.Hardware.Esp32.EspNow");
        var res = Run(NativeChecksumCommand.Create(), dll, "--lookup", "nanoFramework_hardware_esp32_espnow_native");
        Assert.Equal(0, res.Exit);
        Assert.Equal("0x9F8D5291", res.Out[0]);
        Assert.Contains(res.Out, l => l.Trim() == "Library_nanoFramework_hardware_esp32_espnow_native_nanoFramework_Hardware_Esp32_EspNow_EspNowController::NativeEspNowInit___I4,");
    }
}
