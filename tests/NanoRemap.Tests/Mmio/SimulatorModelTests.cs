using NanoRemap.Testing;
using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// The simulator behaves like the chip where the SVD says how: reset values, read-only bits, write-1-to-clear,
/// write-only reads as zero, clear-on-read, W1TS/W1TC aliases; and hooks let a driver's test model the hardware.
/// </summary>
public class SimulatorModelTests
{
    [Theory]
    [MemberData(nameof(Boards.BoardFiles.Chips), MemberType = typeof(Boards.BoardFiles))]
    public void Every_register_of_a_mapped_block_starts_at_its_reset_value(string chip)
    {
        RegisterSimulator sim = SimulatorModels.CreateSimulator(chip);
        BoardMap map = sim.Board;
        int checkedCount = 0;
        var registers = SimulatorModels.Facts(chip).Registers;
        var shared = registers.GroupBy(r => r.Address).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(); // SVD overlaps (RNG in LP_PERI, DS into HMAC)
        foreach (FactsRegister r in registers)
        {
            if ((r.Address & 3) == 0 && map.FindBlock(r.Address) != null && !shared.Contains(r.Address))
            {
                Assert.True(r.Reset == sim.Peek(r.Address), $"{r.FullName} at 0x{r.Address:X8}: reset 0x{r.Reset:X8}, simulator 0x{sim.Peek(r.Address):X8}");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 500, $"{chip}: only {checkedCount} registers checked");
    }

    [Fact]
    public void Read_only_bits_keep_their_value_and_reserved_bits_keep_their_reset_value()
    {
        // ESP32-S3 SYSTIMER.UNIT0_OP: VALUE_VALID (bit 29) is read-only and, as ESP-IDF says (R/SS/WTC), cleared by
        // writing 1; UPDATE (bit 30) write-only (WT), the rest reserved.
        var (sim, bus) = WindowTests.ModelBoard("esp32s3");
        MmioWindow systimer = bus.MapBlock("SYSTIMER");
        sim.Poke(0x60023004, 1u << 29);
        systimer.Write32(0x04, ~(1u << 29));
        Assert.Equal(1u << 29, systimer.Read32(0x04));   // ro bit kept, wo bit reads 0, reserved bits stay 0
        systimer.Write32(0x04, 0);
        Assert.Equal(1u << 29, systimer.Read32(0x04));   // a 0 does not clear a read-only bit either
        systimer.Write32(0x04, 1u << 29);
        Assert.Equal(0u, systimer.Read32(0x04));         // a 1 clears it (w1c from ESP-IDF's WTC)
    }

    [Fact]
    public void Write_only_registers_read_as_zero()
    {
        var (sim, bus) = WindowTests.ModelBoard("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        FactsRegister wo = SimulatorModels.Facts("esp32").Registers.First(r => r.Peripheral.Name == "LEDC" && r.Access == FactsAccess.WriteOnly);
        MmioWindow ledc = bus.MapBlock("LEDC");
        ledc.Write32(wo.Address - ledc.PhysicalAddress, 0xFFFFFFFF);
        Assert.Equal(0u, ledc.Read32(wo.Address - ledc.PhysicalAddress));
        Assert.Equal(0u, gpio.Read32(gpio.OffsetOf("OUT_W1TS")));
    }

    [Fact]
    public void Device_code_models_w1c_and_clear_on_read_registers_it_cares_about()
    {
        // What a driver's own test (or device code) does: describe a status register by hand.
        BoardMap map = BoardTables.Esp32C6;
        uint status = map.FindBlock("LEDC")!.Base + 0x7C;
        uint counter = status - 4;
        var model = new RegisterModel();
        model.Add(status, 0x0000_0003, readOnlyMask: 0xFFFF_FF00, writeOneToClearMask: 0x0000_00FF, clearOnReadMask: 0, writeOnlyMask: 0);
        model.Add(counter, 0x0000_0005, 0, 0, clearOnReadMask: 0xFFFF_FFFF, writeOnlyMask: 0);
        var sim = new RegisterSimulator(map, model);
        Assert.Equal(0x3u, sim.Read32(status));           // reset value
        sim.Poke(status, 0x0000_00F3);                    // hardware raises more status bits
        sim.Write32(status, 0x0000_0011);                 // W1C: bits 0 and 4 clear, a 0 leaves the others
        Assert.Equal(0xE2u, sim.Read32(status));
        sim.Write32(status, 0xFFFF_FF00);                 // read-only upper bits: unchanged
        Assert.Equal(0xE2u, sim.Read32(status));
        Assert.Equal(5u, sim.Read32(counter));            // clear-on-read: the read returns the value ...
        Assert.Equal(0u, sim.Read32(counter));            // ... and clears it
        sim.Reset();
        Assert.Equal((0x3u, 5u), (sim.Peek(status), sim.Peek(counter)));
    }

    [Fact]
    public void Facts_w1c_cor_and_wo_fields_become_the_model()
    {
        const string facts = """
            chip x
            periph P 0x00001000 0x10
            reg P.INT 0x00001000 rw 0x000000F0
            field P.INT.RAW 0 4 rw w1c
            field P.INT.ST 4 4 ro
            reg P.FIFO 0x00001004 ro 0x00000000 cor
            reg P.CMD 0x00001008 rw 0x00000000
            field P.CMD.GO 0 1 wo
            field P.CMD.MODE 1 2 rw
            """;
        RegisterModel m = SimulatorModels.FromFacts(ChipFacts.Parse(new StringReader(facts), "x.txt"));
        int i = m.Find(0x1000);
        Assert.Equal((0xF0u, 0xFu, 0xFFFFFFF0u), (m.GetReset(i), m.GetWriteOneToClearMask(i), m.GetReadOnlyMask(i)));
        i = m.Find(0x1004);
        Assert.Equal((0xFFFFFFFFu, 0xFFFFFFFFu), (m.GetClearOnReadMask(i), m.GetReadOnlyMask(i)));
        i = m.Find(0x1008);
        Assert.Equal((1u, ~7u), (m.GetWriteOnlyMask(i), m.GetReadOnlyMask(i)));
    }

    [Fact]
    public void A_read_hook_makes_a_value_valid_poll_terminate()
    {
        // An ESP32-S3 SYSTIMER driver: set UPDATE, then poll VALUE_VALID (IDF systimer_ll_is_unit_value_valid).
        // On the bare simulator that loop never ends; the hook is the hardware latching the counter after 3 polls.
        var (sim, bus) = WindowTests.ModelBoard("esp32s3");
        const uint op = 0x60023004, update = 1u << 30, valid = 1u << 29;
        int polls = 0;
        sim.OnWrite(op, (s, address, value) =>
        {
            if ((value & update) != 0)
            {
                polls = 0;
                s.Poke(address, s.Peek(address) & ~valid); // a new update invalidates the latched value
            }
        });
        sim.OnRead(op, (s, address, value) =>
        {
            if (++polls == 3)
            {
                s.Poke(address, value | valid);
                s.Poke(0x60023040, 0x1234);              // UNIT0_VALUE_LO latched
                return value | valid;
            }

            return value;
        });

        MmioWindow systimer = bus.MapBlock("SYSTIMER");
        systimer.Write32(0x04, update);
        int loops = 0;
        while ((systimer.Read32(0x04) & valid) == 0)
        {
            Assert.True(++loops < 100, "the poll did not terminate");
        }

        Assert.Equal(2, loops);
        Assert.Equal(0x1234u, systimer.Read32(0x40));
        sim.OnRead(op, null);
        systimer.Write32(0x04, update);
        Assert.Equal(0u, systimer.Read32(0x04) & valid); // unhooked: the write hook still clears VALID
    }

    [Fact]
    public void A_write_hook_models_a_self_clearing_command_bit()
    {
        var (sim, bus) = WindowTests.Board("esp32c3");
        MmioWindow ledc = bus.MapBlock("LEDC");
        uint conf = ledc.PhysicalAddress + 0xA0;
        sim.OnWrite(conf, (s, address, value) => s.Poke(address, value & ~(1u << 25))); // PARA_UP clears itself
        ledc.Write32(0xA0, (1u << 25) | 0x7);
        Assert.Equal(0x7u, ledc.Read32(0xA0));
        Assert.Equal(1, sim.Writes);
    }
}
