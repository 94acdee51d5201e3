using System.CommandLine;
using NanoRemap.Cli.Commands;
using NanoRemap.Tooling.NfCheck;
using Xunit;

namespace NanoRemap.Tests.NfCheck;

/// <summary>
/// nfcheck on a user's driver built on NanoRemap.Mmio: the gate passes without --allow-reference, and --budget
/// measures user code (its size, its register calls, no register-name lookup or mapping in a loop) instead of
/// looking for the library's MmioWindow.Read32/Write32.
/// </summary>
public sealed class UserCodeTests
{
    private static readonly Lazy<MscorlibSurface> Surface = new(() => MscorlibSurface.Load(NanoCompiler.Mscorlib));

    private const string Driver = @"
using NanoRemap.Mmio;
namespace Driver
{
    public static class Blinker
    {
        public static void Run(RegisterBus bus, int times)
        {
            MmioWindow gpio = bus.MapBlock(""GPIO"");
            uint w1ts = gpio.OffsetOf(""OUT_W1TS"");
            for (int i = 0; i < times; i++)
            {
                gpio.Write32(w1ts, 1u << 5);
                gpio.SetField(0x4, 0x0105u, 1);
            }
        }
    }
}";

    private const string SlowDriver = @"
using NanoRemap.Mmio;
namespace Driver
{
    public static class Blinker
    {
        public static void Run(RegisterBus bus, int times)
        {
            for (int i = 0; i < times; i++)
            {
                MmioWindow gpio = bus.MapBlock(""GPIO"");
                gpio.Write32(gpio.OffsetOf(""OUT_W1TS""), 1u << 5);
            }
        }
    }
}";

    private static string Compile(string source, string name = "Driver") =>
        NanoCompiler.Compile(source, name, new[] { NanoLibraryBuild.MmioDll, NanoLibraryBuild.Dll });

    [Fact]
    public void A_driver_referencing_nanoremap_mmio_passes_the_gate_without_extra_flags()
    {
        Assert.Empty(new NfGate(Surface.Value).Check(Compile(Driver)));
        Assert.True(NfGate.IsNanoRemapLibrary("NanoRemap.Esp32C6"));
        Assert.True(NfGate.IsNanoRemapLibrary("NanoRemap.Mmio.Simulation"));
        Assert.False(NfGate.IsNanoRemapLibrary("NanoRemapX"));
    }

    [Fact]
    public void A_nanoframework_assembly_beside_the_driver_is_an_allowed_reference_and_another_is_not()
    {
        string lib = NanoCompiler.Compile("namespace Lib { public static class Pins { public static int Led() => 5; } }", "PinsLib");
        string driver = NanoCompiler.Compile("namespace D { public static class U { public static int Pin() => Lib.Pins.Led(); } }", "UsesPins", new[] { lib });
        var offences = new NfGate(Surface.Value).Check(driver);
        Assert.Contains(offences, o => o.ToString().Contains("references PinsLib"));

        File.Copy(lib, Path.Combine(Path.GetDirectoryName(driver)!, "PinsLib.dll"));
        Assert.Equal(new[] { "PinsLib" }, NfGate.NanoFrameworkAssembliesBeside(driver));
        Assert.Empty(new NfGate(Surface.Value, NfGate.NanoFrameworkAssembliesBeside(driver)).Check(driver));
    }

    [Fact]
    public void Budget_on_user_code_lists_its_register_calls_and_passes()
    {
        var report = new DeviceBudget().Measure(Compile(Driver));
        Assert.Empty(report.Offences);
        Assert.Empty(report.Paths);
        Assert.Contains(report.CallSites!, c => c.Callee == "NanoRemap.Mmio.MmioWindow::Write32" && c.InLoop && c.Caller == "Driver.Blinker::Run");
        Assert.Contains(report.CallSites!, c => c.Callee == "NanoRemap.Mmio.MmioWindow::OffsetOf" && !c.InLoop);
        Assert.Contains(report.CallSites!, c => c.Callee == "NanoRemap.Mmio.RegisterBus::MapBlock" && !c.InLoop);
    }

    [Fact]
    public void Budget_on_user_code_refuses_name_lookups_and_mapping_in_a_loop()
    {
        var report = new DeviceBudget().Measure(Compile(SlowDriver));
        Assert.Equal(2, report.Offences.Count);
        Assert.Contains(report.Offences, o => o.ToString().Contains("calls NanoRemap.Mmio.MmioWindow::OffsetOf in a loop"));
        Assert.Contains(report.Offences, o => o.ToString().Contains("calls NanoRemap.Mmio.RegisterBus::MapBlock in a loop"));
    }

    [Fact]
    public void An_explicit_hot_method_that_is_missing_is_still_an_offence()
    {
        var report = new DeviceBudget().Measure(Compile(Driver), new[] { "Blinker::Nope" });
        Assert.Contains(report.Offences, o => o.ToString().Contains("register-path method not found"));
    }

    [Fact]
    public void The_nfcheck_verb_with_budget_passes_on_a_driver_without_flags()
    {
        string dll = Compile(Driver);
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = NfCheckCommand.Create().Parse(new[] { dll, "--budget", "--mscorlib", NanoCompiler.Mscorlib })
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        Assert.True(exit == 0, output.ToString() + error);
        Assert.Contains("budget: Driver.Blinker::Run -> NanoRemap.Mmio.MmioWindow::Write32 (in a loop)", output.ToString());
        Assert.DoesNotContain("not found", output.ToString());
    }
}
