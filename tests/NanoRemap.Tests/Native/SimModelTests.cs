using NanoRemap.Boards;
using NanoRemap.Tests.NfCheck;
using NanoRemap.Tooling.Native;
using Xunit;

namespace NanoRemap.Tests.Native;

/// <summary>The posix simulated board's register model (boards/native/interop/nanoremap_sim_model.{h,c}) is generated from the board maps.</summary>
public class SimModelTests
{
    [Fact]
    public void Sim_model_is_fresh()
    {
        if (Environment.GetEnvironmentVariable("NANOREMAP_REGENERATE") == "1")
        {
            SimModelEmitter.Write(NanoLibraryBuild.RepoRoot);
        }

        var stale = SimModelEmitter.Stale(NanoLibraryBuild.RepoRoot);
        Assert.True(stale.Count == 0, "stale: " + string.Join(", ", stale)
            + " (regenerate with NANOREMAP_REGENERATE=1 dotnet test tests/NanoRemap.Tests --filter FullyQualifiedName~SimModel)");
    }

    [Fact]
    public void Sim_model_lists_every_alias_with_its_target_and_every_read_only_register()
    {
        string c = SimModelEmitter.EmitSource(BoardMap.Names());
        // GPIO_OUT_W1TS_REG (0x3FF44008) sets GPIO_OUT_REG (0x3FF44004); GPIO_IN_REG (0x3FF4403C) is read-only
        Assert.Contains("{ 0x3FF44008u, 1u, NR_SIM_W1TS, 0x3FF44004u }, /* GPIO.OUT_W1TS */", c);
        Assert.Contains("{ 0x3FF4403Cu, 1u, NR_SIM_RO, 0x00000000u }, /* GPIO.IN */", c);
        Assert.Contains("const nr_sim_model_t nr_sim_model_esp32c3 = { \"esp32c3\"", c);
        Assert.DoesNotContain("NR_SIM_RW, 0x0", c.Split("nr_sim_model_esp32_regs")[1].Split("};")[0]);
    }
}
