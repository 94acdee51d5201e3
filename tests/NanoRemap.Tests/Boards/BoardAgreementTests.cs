using NanoRemap.Testing;
using System.Text.RegularExpressions;
using NanoRemap.Boards;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Boards;

/// <summary>
/// One source of truth: the managed map, the native allow-list and the simulator make the same decision for
/// every probe address of every board. (The native side of the same probes runs in CTest: nr_probe_check.)
/// </summary>
public class BoardAgreementTests
{
    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Managed_map_makes_the_committed_probe_decisions(string chip)
    {
        BoardMap map = BoardMap.Get(chip);
        var probes = BoardFiles.Probes(chip);
        Assert.True(probes.Count > 300, $"{chip}: only {probes.Count} probes");
        foreach (var (address, read, write) in probes)
        {
            Assert.Equal((read, write), (ProbeEmitter.Name(map.Check(address, true)), ProbeEmitter.Name(map.Check(address, false))));
        }
    }

    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Probes_cover_every_decision_the_board_can_make(string chip)
    {
        var seen = BoardFiles.Probes(chip).SelectMany(p => new[] { p.Read, p.Write }).ToHashSet();
        var expected = new HashSet<string> { "ok", "misaligned", "unmapped", "denied", "read-only" };
        if (chip == "esp32")
        {
            expected.Add("fifo");
            expected.Add("dport");
        }

        Assert.Superset(expected, seen);
    }

    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Simulator_refuses_exactly_what_the_allow_list_refuses(string chip)
    {
        // The simulator with the chip's full register model, on every register address of the facts and the edges.
        var sim = SimulatorModels.CreateSimulator(chip);
        BoardMap map = sim.Board;
        foreach (var (address, read, write) in BoardFiles.Probes(chip))
        {
            int reads = sim.Reads, dport = sim.DportReads, refused = sim.Refused;
            bool readAllowed = read is "ok" or "dport";
            if (readAllowed)
            {
                sim.Read32(address);
                Assert.Equal(reads + 1, sim.Reads);
                Assert.Equal(dport + (read == "dport" ? 1 : 0), sim.DportReads);
            }
            else
            {
                var e = Assert.Throws<InvalidOperationException>(() => sim.Read32(address));
                Assert.Contains(address.ToString("X8"), e.Message);
                Assert.EndsWith(": " + read, e.Message); // the refusal names the check, in the native layer's words
                Assert.Equal((reads, refused + 1), (sim.Reads, sim.Refused));
            }

            int writes = sim.Writes;
            refused = sim.Refused;
            if (write == "ok")
            {
                uint now = sim.Peek(address);
                if (map.PolicyAt(address, out uint mask) == RegisterPolicy.Protect)
                {
                    var e = Assert.Throws<InvalidOperationException>(() => sim.Write32(address, now ^ mask));
                    Assert.EndsWith(": denied", e.Message);
                    Assert.Equal((writes, refused + 1), (sim.Writes, sim.Refused));
                    refused++;
                }

                sim.Write32(address, now);
                Assert.Equal(writes + 1, sim.Writes);
            }
            else
            {
                var e = Assert.Throws<InvalidOperationException>(() => sim.Write32(address, 0xFFFFFFFF));
                Assert.EndsWith(": " + write, e.Message);
                Assert.Equal((writes, refused + 1), (sim.Writes, sim.Refused));
            }
        }
    }

    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Probes_hold_every_register_address_of_the_facts(string chip)
    {
        var probed = BoardFiles.Probes(chip).Select(p => p.Address).ToHashSet();
        var facts = SimulatorModels.Facts(chip);
        Assert.All(facts.Registers, r => Assert.Contains(r.Address, probed));
        Assert.True(facts.Registers.Count > 1000, $"{chip}: {facts.Registers.Count} registers");
    }

    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Native_c_table_lists_the_managed_blocks(string chip)
    {
        // The C table as the firmware compiles it, read back from the generated source.
        string c = File.ReadAllText(BoardFiles.Path("boards", chip, "native", $"nanoremap_board_{chip}.c"));
        var rows = Regex.Matches(c, @"\{ 0x([0-9A-F]{8})u, 0x([0-9A-F]{8})u, ([01])u, ""([A-Z0-9_]+)"" \}")
            .Select(m => (Convert.ToUInt32(m.Groups[1].Value, 16), Convert.ToUInt32(m.Groups[2].Value, 16), m.Groups[3].Value == "1", m.Groups[4].Value))
            .ToList();
        BoardMap map = BoardMap.Get(chip);
        var managed = Enumerable.Range(0, map.BlockCount).Select(map.GetBlock).Select(b => (b.Base, b.Size, b.Allowed, b.Name)).ToList();
        Assert.Equal(managed, rows);
        foreach (Match m in Regex.Matches(c, @"0x([0-9A-F]{8})u, /\* ([A-Z0-9_]+) \*/"))
        {
            Assert.True(map.IsFifo(Convert.ToUInt32(m.Groups[1].Value, 16)), $"native FIFO {m.Groups[2].Value} is not a managed FIFO");
        }

        Assert.Equal(map.FifoCount, Regex.Matches(c, @"/\* [A-Z0-9_]+_FIFO \*/").Count);

        // the register-level policy and the clocks, entry by entry
        var policy = Regex.Matches(c, @"\{ 0x([0-9A-F]{8})u, NR_POLICY_(RO|DENY|PROTECT), 0x([0-9A-F]{8})u, 0x([0-9A-F]+)u \}")
            .Select(m => (Convert.ToUInt32(m.Groups[1].Value, 16), m.Groups[2].Value switch { "RO" => RegisterPolicy.ReadOnly, "DENY" => RegisterPolicy.Deny, _ => RegisterPolicy.Protect },
                Convert.ToUInt32(m.Groups[3].Value, 16), Convert.ToUInt32(m.Groups[4].Value, 16)))
            .ToList();
        var managedPolicy = Enumerable.Range(0, map.PolicyCount).Select(i =>
        {
            RegisterPolicy kind = map.GetPolicy(i, out uint address, out uint size, out uint mask);
            return (address, kind, mask, size);
        }).ToList();
        Assert.NotEmpty(managedPolicy);
        Assert.Equal(managedPolicy, policy);
        var clocks = Regex.Matches(c, @"\{ ""([A-Z0-9_]+)"", 0x([0-9A-F]{8})u, 0x([0-9A-F]{8})u, 0x([0-9A-F]{8})u, 0x([0-9A-F]{8})u, NR_IDF_MODULE\(PERIPH_[A-Z0-9_]+\) \}")
            .Select(m => (m.Groups[1].Value, Convert.ToUInt32(m.Groups[2].Value, 16), Convert.ToUInt32(m.Groups[3].Value, 16), Convert.ToUInt32(m.Groups[4].Value, 16), Convert.ToUInt32(m.Groups[5].Value, 16)))
            .ToList();
        Assert.Equal(Enumerable.Range(0, map.ClockCount).Select(map.GetClock).Select(k => (k.Name, k.EnableRegister, k.EnableMask, k.ResetRegister, k.ResetMask)), clocks);
        Assert.NotNull(map.FindClock("LEDC"));
    }
}
