using System.Text.RegularExpressions;
using NanoRemap.Boards;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// Peripheral clock and reset on the simulator (ESP-IDF's reference-counted periph_module_enable / _disable / _reset),
/// and refusals that say why: the simulator's messages are the native layer's, word for word.
/// </summary>
public class ClockAndRefusalTests
{
    // LEDC on the classic ESP32: DPORT_PERIP_CLK_EN_REG / DPORT_PERIP_RST_EN_REG bit 11 (DPORT_LEDC_CLK_EN / _RST,
    // IDF components/soc/esp32/include/soc/dport_reg.h).
    // Index 0: LEDC is the first clock line of boards/esp32/board.map (the index is what the firmware receives).
    private static readonly PeripheralClock Ledc = new("LEDC", 0x3FF000C0, 1u << 11, 0x3FF000C4, 1u << 11, 0);

    [Fact]
    public void Enable_and_disable_are_reference_counted_like_periph_module_enable()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        sim.Poke(0x3FF000C4, 0xFFFFFFFF); // every peripheral held in reset
        bus.EnableClock(Ledc);
        Assert.Equal(1u << 11, sim.Peek(0x3FF000C0));
        Assert.Equal(~(1u << 11), sim.Peek(0x3FF000C4));
        bus.EnableClock(Ledc); // the firmware's own LEDC driver, say
        Assert.Equal(2, sim.GetClockReferences(Ledc));

        bus.DisableClock(Ledc); // one user left: the clock stays on
        Assert.Equal(1u << 11, sim.Peek(0x3FF000C0));
        bus.DisableClock(Ledc); // the last one gates it and asserts the reset
        Assert.Equal(0u, sim.Peek(0x3FF000C0));
        Assert.Equal(0xFFFFFFFFu, sim.Peek(0x3FF000C4));
        bus.DisableClock(Ledc); // IDF's count does not go below zero
        Assert.Equal(0, sim.GetClockReferences(Ledc));
        Assert.Equal(0u, sim.Peek(0x3FF000C0));
    }

    [Fact]
    public void Reset_pulses_the_reset_bits_and_leaves_the_clock()
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
        var names = Regex.Matches(core, @"case NR_(?<c>[A-Z]+): return ""(?<w>[a-z-]+)"";")
            .ToDictionary(m => m.Groups["c"].Value, m => m.Groups["w"].Value);
        Assert.Equal("misaligned", names["MISALIGNED"]);
        Assert.Equal("unmapped", names["UNMAPPED"]);
        Assert.Equal("denied", names["DENIED"]);
        Assert.Equal("fifo", names["FIFO"]);
        Assert.Equal("read-only", names["READONLY"]);

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
