using NanoRemap.Testing;
using NanoRemap.Facts;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Simulation;

/// <summary>
/// Issue 13 item 2: the interrupt groups nearly every Espressif peripheral has, found in the facts by name on all
/// seven chips, behave as the hardware: INT_ST = INT_RAW &amp; INT_ENA, a 1 written to INT_CLR clears INT_RAW; a test
/// raises an interrupt by peripheral and name, never by address.
/// </summary>
public class InterruptGroupTests
{
    [Theory]
    [MemberData(nameof(Boards.BoardFiles.Chips), MemberType = typeof(Boards.BoardFiles))]
    public void Every_chip_has_interrupt_groups_whose_fields_line_up_by_name(string chip)
    {
        ChipFacts facts = SimulatorModels.Facts(chip);
        var groups = SimulatorModels.InterruptGroups(facts);
        Assert.Contains(groups, g => g.Peripheral == "UART0" && g.Raw.Name == "INT_RAW" && g.Status!.Name == "INT_ST" && g.Enable!.Name == "INT_ENA" && g.Clear!.Name == "INT_CLR");
        Assert.True(groups.Count >= 15, $"{chip}: only {groups.Count} interrupt groups");
        int checkedFields = 0;
        var mismatches = new List<string>();
        foreach (var g in groups)
        {
            foreach (FactsField raw in g.Raw.Fields)
            {
                string stem = Stem(raw.Name, "RAW");
                foreach (FactsRegister sibling in new[] { g.Status, g.Enable, g.Clear })
                {
                    FactsField? twin = sibling?.Fields.FirstOrDefault(f => Stem(f.Name, "ST", "ENA", "CLR") == stem);
                    if (twin != null)
                    {
                        int shift = sibling == g.Clear ? g.ClearShift : 0;
                        if (twin.Lsb != raw.Lsb + shift || twin.Width != raw.Width)
                        {
                            mismatches.Add($"{raw.FullName} bits 0x{raw.Mask:X8}, {twin.FullName} bits 0x{twin.Mask:X8}");
                        }

                        checkedFields++;
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(chip == "esp32" ? 1 : 0, groups.Count(g => g.ClearShift != 0)); // ESP32 RTC_I2C: INT_CLR one bit up (IDF rtc_i2c_reg.h)
        Assert.True(checkedFields > 200, $"{chip}: only {checkedFields} fields matched by name");
    }

    [Theory]
    [MemberData(nameof(Boards.BoardFiles.Chips), MemberType = typeof(Boards.BoardFiles))]
    public void A_raised_interrupt_shows_in_status_when_enabled_and_clears_on_a_write_to_clear(string chip)
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard(chip);
        MmioWindow uart = bus.MapBlock("UART1");
        uint raw = Facts.Offset(chip, uart, "UART1.INT_RAW"), st = Facts.Offset(chip, uart, "UART1.INT_ST");
        uint ena = Facts.Offset(chip, uart, "UART1.INT_ENA"), clr = Facts.Offset(chip, uart, "UART1.INT_CLR");
        const uint txDone = 1u << 14, rxFull = 1u << 0; // UART_TX_DONE_INT_RAW, UART_RXFIFO_FULL_INT_RAW (IDF uart_reg.h)
        uart.Write32(raw, 0);                            // some chips reset TXFIFO_EMPTY raised
        uart.Write32(clr, 0xFFFFFFFF);
        Assert.Equal(0u, uart.Read32(raw) & (txDone | rxFull));

        sim.Raise("UART1", "TX_DONE");
        sim.Raise("UART1", "RXFIFO_FULL_INT_RAW");       // the full field name works too
        Assert.True(sim.IsRaised("UART1", "TX_DONE"));
        Assert.Equal(txDone | rxFull, uart.Read32(raw) & (txDone | rxFull));
        Assert.Equal(0u, uart.Read32(st));               // nothing enabled

        uart.Write32(ena, txDone);
        Assert.Equal(txDone, uart.Read32(st));           // INT_ST = INT_RAW & INT_ENA
        uart.Write32(ena, txDone | rxFull);
        Assert.Equal(txDone | rxFull, uart.Read32(st) & (txDone | rxFull));

        uart.Write32(clr, txDone);                       // INT_CLR: a 1 clears that raw bit, a 0 leaves it
        Assert.Equal(rxFull, uart.Read32(raw) & (txDone | rxFull));
        Assert.Equal(rxFull, uart.Read32(st) & (txDone | rxFull));
        Assert.Equal(0u, uart.Read32(clr));              // INT_CLR is write-only
        Assert.False(sim.IsRaised("UART1", "TX_DONE"));
    }

    [Fact]
    public void The_esp32_rtc_i2c_clear_register_clears_the_raw_bit_one_below()
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard("esp32");
        MmioWindow i2c = bus.MapBlock("RTC_I2C");
        sim.Raise("RTC_I2C", "SLAVE_TRANS_COMPLETE");           // INT_RAW bit 3
        Assert.Equal(1u << 3, i2c.Read32(Facts.Offset("esp32", i2c, "RTC_I2C.INT_RAW")) & (1u << 3));
        i2c.Write32(Facts.Offset("esp32", i2c, "RTC_I2C.INT_CLR"), 1u << 4); // SLAVE_TRANS_COMPLETE_INT_CLR is bit 4
        Assert.False(sim.IsRaised("RTC_I2C", "SLAVE_TRANS_COMPLETE"));
    }

    [Fact]
    public void An_unknown_interrupt_name_is_an_error_listing_the_peripherals_interrupts()
    {
        var (sim, _) = Mmio.WindowTests.ModelBoard("esp32c3");
        var e = Assert.Throws<ArgumentException>(() => sim.Raise("UART0", "TX_DONER"));
        Assert.Contains("no interrupt TX_DONER of UART0 on esp32c3", e.Message);
        Assert.Contains("TX_DONE_INT_RAW", e.Message);
        e = Assert.Throws<ArgumentException>(() => sim.Raise("NOSUCH", "TX_DONE"));
        Assert.Contains("no interrupt group of NOSUCH", e.Message);
    }

    [Fact]
    public void A_hand_built_model_describes_a_group_for_device_tests()
    {
        var board = NanoRemap.Boards.BoardMap.Get("esp32c3");
        var model = new RegisterModel();
        const uint Raw = 0x60010004, St = 0x60010008, Ena = 0x6001000C, Clr = 0x60010010; // UART1 (UART0 is the console's)
        model.AddInterruptGroup("UART1", Raw, St, Ena, Clr);      // before the registers: the role follows the address
        model.Add(Raw, 0, 0xFFFFFFFF, 0, 0, 0);
        model.Add(St, 0, 0xFFFFFFFF, 0, 0, 0);
        model.Add(Ena, 0, 0, 0, 0, 0);
        model.Add(Clr, 0, 0, 0, 0, 0xFFFFFFFF);
        model.AddName("UART1.INT_RAW.TX_DONE_INT_RAW", Raw, 1u << 14);
        var sim = new RegisterSimulator(board, model);
        sim.Raise("UART1", "TX_DONE");
        sim.Write32(Ena, 1u << 14);
        Assert.Equal(1u << 14, sim.Read32(St));
        sim.Write32(Clr, 1u << 14);
        Assert.Equal(0u, sim.Read32(St));
        Assert.Equal(0u, sim.Read32(Raw));
    }

    // RXFIFO_FULL_INT_RAW -> RXFIFO_FULL_INT; IN_DONE_CH0_INT_ST -> IN_DONE_CH0_INT
    private static string Stem(string name, params string[] words)
    {
        foreach (string w in words)
        {
            if (name.EndsWith("_" + w, StringComparison.Ordinal))
            {
                return name[..^(w.Length + 1)];
            }
        }

        return name;
    }
}
