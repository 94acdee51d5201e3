using NanoRemap.Testing;
using System.Globalization;
using System.Text.RegularExpressions;
using NanoRemap.Boards;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tests.NfCheck;
using NanoRemap.Tooling.Native;
using Xunit;

namespace NanoRemap.Tests.Native;

/// <summary>
/// The posix simulated board's register model (boards/native/interop/nanoremap_sim_model.{h,c}) is generated from the
/// board maps and the managed simulator's SVD model, and so is the trace the C test replays.
/// </summary>
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
        Assert.Contains("const nr_sim_model_t nr_sim_model_esp32c3 = {\n    \"esp32c3\"", c);
        Assert.DoesNotContain("NR_SIM_RW, 0x0", c.Split("nr_sim_model_esp32_regs")[1].Split("};")[0]);
    }

    // The C tables, parsed back: every register of SimulatorModels.ForChip (the model the managed simulator runs on the
    // host) has its reset value and masks in the C model, or is the default (reset 0, no mask) and left out; the holes
    // are exactly the words RegisterSimulator treats as no register (a covered block, no model entry, no description).
    [Theory]
    [MemberData(nameof(Chips))]
    public void C_model_equals_the_managed_simulator_model(string chip)
    {
        string all = File.ReadAllText(Path.Combine(NanoLibraryBuild.RepoRoot, SimModelEmitter.SourcePath));
        string tag = "NR_SIM_CHIP_" + chip.ToUpperInvariant();
        int start = all.IndexOf("#if defined(" + tag + ")\n", StringComparison.Ordinal);
        int end = all.IndexOf("#endif /* " + tag + " */", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, chip + ": no section in the generated C");
        string c = all[start..end];

        string Table(string suffix) => c.Split($"nr_sim_model_{chip}_{suffix}[] = {{")[1].Split("};")[0];
        static uint U(string s) => s == "0u" ? 0 : uint.Parse(s.TrimEnd('u')[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        var masks = Regex.Matches(Table("masks"), @"\{ (\S+), (\S+), (\S+), (\S+), (\S+), (\S+) \}")
            .Select(m => (U(m.Groups[1].Value), U(m.Groups[2].Value), U(m.Groups[3].Value), U(m.Groups[4].Value), U(m.Groups[5].Value), U(m.Groups[6].Value))).ToList();
        var bits = new Dictionary<uint, (uint Reset, (uint, uint, uint, uint, uint, uint) Masks, int Group)>();
        uint previous = 0;
        foreach (Match m in Regex.Matches(Table("bits"), @"\{(0x[0-9A-F]+u),(\w+),(\d+)u,(-?\d+)\}"))
        {
            uint a = U(m.Groups[1].Value);
            Assert.True(bits.Count == 0 || a > previous, $"{chip}: bits not sorted at 0x{a:X8}");
            previous = a;
            bits.Add(a, (U(m.Groups[2].Value), masks[int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)], int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)));
        }

        var groups = Regex.Matches(Table("groups"), @"\{ (0x[0-9A-F]+u), (0x[0-9A-F]+u), (0x[0-9A-F]+u), (0x[0-9A-F]+u), (-?\d+) \}")
            .Select(m => (U(m.Groups[1].Value), U(m.Groups[2].Value), U(m.Groups[3].Value), U(m.Groups[4].Value), int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture))).ToList();

        var holeWords = new HashSet<uint>();
        foreach (Match m in Regex.Matches(Table("holes"), @"\{(0x[0-9A-F]+u),(\d+)u\}"))
        {
            uint a = U(m.Groups[1].Value);
            for (uint i = 0; i < uint.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture); i++)
            {
                Assert.True(holeWords.Add(a + (4 * i)), $"{chip}: holes overlap at 0x{a + (4 * i):X8}");
            }
        }

        RegisterModel model = SimulatorModels.ForChip(chip);
        Assert.True(model.Count > 1000, chip + ": the SVD model is unexpectedly small");
        int listed = 0;
        for (int i = 0; i < model.Count; i++)
        {
            var expected = (model.GetReset(i), (model.GetReadOnlyMask(i), model.GetWriteOneToClearMask(i), model.GetClearOnReadMask(i), model.GetWriteOnlyMask(i),
                model.GetSelfClearingMask(i), model.GetWriteOneToSetMask(i)), model.GetGroupRole(i));
            if (bits.TryGetValue(model.GetAddress(i), out var actual))
            {
                Assert.Equal(expected, actual);
                listed++;
            }
            else
            {
                Assert.True(expected == (0u, (0u, 0u, 0u, 0u, 0u, 0u), 0), $"{chip}: 0x{model.GetAddress(i):X8} is missing from the C model");
            }
        }

        Assert.Equal(model.InterruptGroupCount, groups.Count);
        Assert.True(groups.Count >= 15, $"{chip}: {groups.Count} interrupt groups");
        for (int g = 0; g < groups.Count; g++)
        {
            Assert.Equal((model.GetGroupRaw(g), model.GetGroupStatus(g), model.GetGroupEnable(g), model.GetGroupClear(g), model.GetGroupClearShift(g)), groups[g]);
        }

        Assert.Equal(bits.Count, listed); // no C entry without a model register
        Assert.Contains($"nr_sim_model_{chip}_bits, {bits.Count}u, nr_sim_model_{chip}_masks, nr_sim_model_{chip}_holes, {(holeWords.Count == 0 ? 0 : Regex.Matches(Table("holes"), @"\{0x").Count)}u,", c);

        BoardMap map = BoardMap.Get(chip);
        int covered = 0;
        for (int b = 0; b < map.BlockCount; b++)
        {
            PeripheralBlock block = map.GetBlock(b);
            bool modelled = false;
            for (int i = 0; i < model.Count; i++)
            {
                modelled |= model.GetAddress(i) - block.Base < block.Size;
            }

            covered += modelled ? 1 : 0;
            for (uint off = 0; off < block.Size; off += 4)
            {
                bool none = modelled && model.Find(block.Base + off) < 0 && block.Describe(off) == null;
                Assert.True(none == holeWords.Remove(block.Base + off), $"{chip}: 0x{block.Base + off:X8} hole {none} expected");
            }
        }

        Assert.Empty(holeWords); // every hole is in a block of the board map
        Assert.True(covered > 0, chip + ": no block covered by the model");
    }

    public static TheoryData<string> Chips()
    {
        var data = new TheoryData<string>();
        foreach (string chip in BoardMap.Names())
        {
            data.Add(chip);
        }

        return data;
    }
}
