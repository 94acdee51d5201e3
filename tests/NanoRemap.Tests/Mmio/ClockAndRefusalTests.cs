using CsCheck;
using System.Text.RegularExpressions;
using NanoRemap.Boards;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// Peripheral clock and reset on the simulator, by the firmware's ownership rule (nr_clock: a running clock is left to
/// the firmware's driver; only a clock NanoRemap turned on is disabled or reset), and refusals that say why: the
/// simulator's messages are the native layer's, word for word.
/// </summary>
public class ClockAndRefusalTests
{
    // LEDC on the classic ESP32: DPORT_PERIP_CLK_EN_REG / DPORT_PERIP_RST_EN_REG bit 11 (DPORT_LEDC_CLK_EN / _RST,
    // IDF components/soc/esp32/include/soc/dport_reg.h).
    // Index 0: LEDC is the first clock line of boards/esp32/board.map (the index is what the firmware receives).
    private static readonly PeripheralClock Ledc = new("LEDC", 0x3FF000C0, 1u << 11, 0x3FF000C4, 1u << 11, 0);

    [Fact]
    public void Enabling_a_gated_clock_turns_it_on_and_owns_it_until_disabled()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        sim.Poke(0x3FF000C4, 0xFFFFFFFF); // every peripheral held in reset
        bus.EnableClock(Ledc);
        Assert.Equal(1u << 11, sim.Peek(0x3FF000C0));
        Assert.Equal(~(1u << 11), sim.Peek(0x3FF000C4));
        Assert.True(sim.IsClockOwned(Ledc));
        bus.EnableClock(Ledc); // running: nothing changes, nothing is counted
        Assert.True(sim.IsClockOwned(Ledc));

        bus.DisableClock(Ledc); // one disable ends the one ownership: gated, reset asserted
        Assert.Equal(0u, sim.Peek(0x3FF000C0));
        Assert.Equal(0xFFFFFFFFu, sim.Peek(0x3FF000C4));
        Assert.False(sim.IsClockOwned(Ledc));
        var e = Assert.Throws<InvalidOperationException>(() => bus.DisableClock(Ledc)); // no count to wrap: refused
        Assert.Equal("refused clock 0 on esp32: not owned", e.Message);
        Assert.Equal(0u, sim.Peek(0x3FF000C0));
        Assert.Equal(0xFFFFFFFFu, sim.Peek(0x3FF000C4));
        Assert.Equal(1, sim.Refused);
    }

    [Fact]
    public void A_clock_the_firmwares_driver_runs_is_left_alone_and_not_owned()
    {
        // IDF v5.5.4's LEDC driver switches its clock with PERIPH_RCC_ATOMIC and ledc_ll_enable_bus_clock, no reference
        // count (esp_driver_ledc/src/ledc.c LEDC_BUS_CLOCK_ATOMIC): here, its bits set, the reset released.
        var (sim, bus) = WindowTests.Board("esp32");
        sim.Poke(0x3FF000C0, (1u << 11) | 0x1);
        sim.Poke(0x3FF000C4, 0x2);
        bus.EnableClock(Ledc);
        Assert.False(sim.IsClockOwned(Ledc));
        foreach (Action<PeripheralClock> op in new Action<PeripheralClock>[] { bus.DisableClock, bus.ResetPeripheral, sim.DisableClock, sim.ResetPeripheral })
        {
            var e = Assert.Throws<InvalidOperationException>(() => op(Ledc));
            Assert.Equal("refused clock 0 on esp32: not owned", e.Message);
        }

        Assert.Equal((1u << 11) | 0x1, sim.Peek(0x3FF000C0)); // the PWM keeps its clock
        Assert.Equal(0x2u, sim.Peek(0x3FF000C4));
        Assert.Equal(0, sim.PeripheralResets);
        Assert.Equal(4, sim.Refused);
    }

    [Fact]
    public void A_clock_enabled_but_held_in_reset_is_not_running_and_enabling_takes_it()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        sim.Poke(0x3FF000C0, 1u << 11);
        sim.Poke(0x3FF000C4, 1u << 11);
        Assert.False(sim.IsClockRunning(Ledc));
        bus.EnableClock(Ledc);
        Assert.True(sim.IsClockRunning(Ledc));
        Assert.True(sim.IsClockOwned(Ledc));
    }

    [Fact]
    public void An_owned_clock_gated_since_is_turned_on_again_and_stays_owned()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        bus.EnableClock(Ledc);
        sim.Poke(0x3FF000C0, 0); // a driver gated it
        bus.EnableClock(Ledc);
        Assert.Equal(1u << 11, sim.Peek(0x3FF000C0));
        Assert.True(sim.IsClockOwned(Ledc));
        bus.DisableClock(Ledc);
        Assert.False(sim.IsClockRunning(Ledc));
    }

    [Fact]
    public void Any_sequence_keeps_the_rule_enable_runs_the_clock_and_disable_acts_only_when_owned()
    {
        // the firmware's drivers switch the bits between NanoRemap's calls; nothing counts, so nothing can wrap
        Gen.Int[0, 3].Select(Gen.Bool, Gen.Bool).Array[0, 200].Sample(steps =>
        {
            var (sim, bus) = WindowTests.Board("esp32");
            bool owned = false;
            foreach (var (op, a, b) in steps)
            {
                if (op == 3)
                {
                    sim.Poke(0x3FF000C0, a ? 1u << 11 : 0);
                    sim.Poke(0x3FF000C4, b ? 1u << 11 : 0);
                    continue;
                }

                bool running = sim.IsClockRunning(Ledc);
                uint en = sim.Peek(0x3FF000C0), rst = sim.Peek(0x3FF000C4);
                if (op == 0)
                {
                    bus.EnableClock(Ledc);
                    Assert.True(sim.IsClockRunning(Ledc));
                    owned = owned || !running;
                }
                else if (!owned)
                {
                    Assert.Throws<InvalidOperationException>(() => (op == 1 ? (Action<PeripheralClock>)bus.DisableClock : bus.ResetPeripheral)(Ledc));
                    Assert.Equal(en, sim.Peek(0x3FF000C0));
                    Assert.Equal(rst, sim.Peek(0x3FF000C4));
                }
                else if (op == 1)
                {
                    bus.DisableClock(Ledc);
                    Assert.False(sim.IsClockRunning(Ledc));
                    owned = false;
                }
                else
                {
                    bus.ResetPeripheral(Ledc);
                    Assert.Equal(en, sim.Peek(0x3FF000C0));
                }

                Assert.Equal(owned, sim.IsClockOwned(Ledc));
            }
        });
    }

    [Fact]
    public void Reset_pulses_the_reset_bits_of_an_owned_clock_and_leaves_the_clock()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        bus.EnableClock(Ledc);
        sim.Poke(0x3FF000C4, 0x5);
        bus.ResetPeripheral(Ledc);
        Assert.Equal(0x5u, sim.Peek(0x3FF000C4)); // released again, other bits untouched
        Assert.Equal(1u << 11, sim.Peek(0x3FF000C0));
        Assert.Equal(1, sim.PeripheralResets);
        Assert.Throws<ArgumentNullException>(() => bus.EnableClock(null!));
    }

    [Fact]
    public void The_hardware_clock_call_on_the_host_says_there_is_no_esp32()
    {
        RegisterBus hw = RegisterBus.CreateHardware(BoardTables.Esp32);
        Assert.Throws<PlatformNotSupportedException>(() => hw.EnableClock(Ledc));
    }

    [Fact]
    public void The_test_descriptor_is_the_boards_ledc_clock()
    {
        PeripheralClock board = BoardTables.Esp32.FindClock("LEDC");
        Assert.Equal(board.Index, Ledc.Index);
        Assert.Equal(board.EnableRegister, Ledc.EnableRegister);
        Assert.Equal(board.EnableMask, Ledc.EnableMask);
        Assert.Equal(board.ResetRegister, Ledc.ResetRegister);
        Assert.Equal(board.ResetMask, Ledc.ResetMask);
    }

    [Fact]
    public void A_clock_descriptor_that_is_not_the_boards_entry_at_its_index_is_refused_and_nothing_is_touched()
    {
        // The firmware only receives the index (nr_firmware_clock): LEDC's bits under index 3 would enable I2C0 on the
        // device, and a descriptor over SPI01_RST (a protected bit) would reset the flash controller in the simulator.
        // Both are refused, as the firmware refuses an index outside its table: "refused clock <index> on <chip>: unmapped".
        var (sim, bus) = WindowTests.Board("esp32");
        var wrongIndex = new PeripheralClock("LEDC", 0x3FF000C0, 1u << 11, 0x3FF000C4, 1u << 11, 3);
        var spi01 = new PeripheralClock("SPI01", 0x3FF000C0, 1u << 1, 0x3FF000C4, 1u << 1, 1);
        var outside = new PeripheralClock("LEDC", 0x3FF000C0, 1u << 11, 0x3FF000C4, 1u << 11, BoardTables.Esp32.ClockCount);
        sim.Poke(0x3FF000C4, 0xFFFFFFFF);
        foreach (PeripheralClock c in new[] { wrongIndex, spi01, outside })
        {
            foreach (Action<PeripheralClock> op in new Action<PeripheralClock>[] { bus.EnableClock, bus.DisableClock, bus.ResetPeripheral,
                sim.EnableClock, sim.DisableClock, sim.ResetPeripheral })
            {
                var e = Assert.Throws<InvalidOperationException>(() => op(c));
                Assert.Equal($"refused clock {c.Index} on esp32: unmapped", e.Message);
            }
        }

        Assert.Equal(0u, sim.Peek(0x3FF000C0));
        Assert.Equal(0xFFFFFFFFu, sim.Peek(0x3FF000C4));
        Assert.Equal(0, sim.PeripheralResets);
        RegisterBus hw = RegisterBus.CreateHardware(BoardTables.Esp32);
        Assert.Throws<InvalidOperationException>(() => hw.EnableClock(wrongIndex)); // refused before the InternalCall
    }

    [Theory]
    [InlineData("read", 0x3FF01000u, "denied")]          // AES (a denied block)
    [InlineData("write", 0x3FF44001u, "misaligned")]
    [InlineData("read", 0x20000000u, "unmapped")]
    [InlineData("read", 0x3FF50000u, "fifo")]            // UART1_FIFO, errata CPU-3.21
    public void Simulated_refusals_name_the_check_and_the_address(string op, uint address, string word)
    {
        var (sim, bus) = WindowTests.Board("esp32");
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            if (op == "read")
            {
                bus.Read32(address);
            }
            else
            {
                bus.Write32(address, 1);
            }
        });
        Assert.Equal($"refused {op} of 0x{address:X8} on esp32: {word}", e.Message);
        Assert.Equal(1, sim.Refused);
    }

    [Fact]
    public void The_native_layer_words_are_the_managed_ones()
    {
        // nr_check_name (boards/native/core/nanoremap_core.c) is what the firmware puts in the message.
        string core = File.ReadAllText(Path.Combine(NfCheck.NanoLibraryBuild.RepoRoot, "boards", "native", "core", "nanoremap_core.c"));
        var names = Regex.Matches(core, @"case NR_(?<c>[A-Z_]+): return ""(?<w>[a-z -]+)"";")
            .ToDictionary(m => m.Groups["c"].Value, m => m.Groups["w"].Value);
        Assert.Equal("misaligned", names["MISALIGNED"]);
        Assert.Equal("unmapped", names["UNMAPPED"]);
        Assert.Equal("denied", names["DENIED"]);
        Assert.Equal("fifo", names["FIFO"]);
        Assert.Equal("read-only", names["READONLY"]);
        Assert.Equal("not owned", names["NOT_OWNED"]);

        // the interop library's message format, filled in the C way, is the simulator's message
        string cpp = File.ReadAllText(Path.Combine(NfCheck.NanoLibraryBuild.RepoRoot, "boards", "native", "interop",
            "NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.cpp"));
        Match fmt = Regex.Match(cpp, @"snprintf\(text, sizeof\(text\), ""(?<f>refused %s of 0x%08X on %s: %s)""");
        Assert.True(fmt.Success, "the interop library does not format its refusals as 'refused %s of 0x%08X on %s: %s'");
        string native = fmt.Groups["f"].Value;
        native = ReplaceFirst(native, "%s", "write");
        native = ReplaceFirst(native, "%08X", 0x3FF01000u.ToString("X8"));
        native = ReplaceFirst(native, "%s", "esp32");
        native = ReplaceFirst(native, "%s", names["DENIED"]);
        var (_, bus) = WindowTests.Board("esp32");
        Assert.Equal(native, Assert.Throws<InvalidOperationException>(() => bus.Write32(0x3FF01000, 1)).Message);
        foreach (string op in new[] { "\"read\"", "\"write\"", "\"modify\"", "\"block read\"", "\"block write\"" })
        {
            Assert.Contains(op, cpp);
        }
    }

    private static string ReplaceFirst(string s, string what, string with)
    {
        int i = s.IndexOf(what, StringComparison.Ordinal);
        return s.Substring(0, i) + with + s.Substring(i + what.Length);
    }
}
