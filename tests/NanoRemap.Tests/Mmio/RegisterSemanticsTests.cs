using NanoRemap.Boards;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

public class RegisterSemanticsTests
{
    [Theory]
    [InlineData("esp32")]
    [InlineData("esp32s3")]
    [InlineData("esp32c3")]
    public void W1ts_sets_and_w1tc_clears_bits_of_their_target_and_both_read_as_zero(string chip)
    {
        var (sim, bus) = WindowTests.Board(chip);
        MmioWindow gpio = bus.MapBlock("GPIO");
        uint outReg = gpio.OffsetOf("OUT"), w1ts = gpio.OffsetOf("OUT_W1TS"), w1tc = gpio.OffsetOf("OUT_W1TC");
        gpio.Write32(outReg, 0x0000_0100);
        gpio.Write32(w1ts, 0x0000_0006);
        Assert.Equal(0x0000_0106u, gpio.Read32(outReg));
        gpio.Write32(w1tc, 0x0000_0102);
        Assert.Equal(0x0000_0004u, gpio.Read32(outReg));
        Assert.Equal(0u, gpio.Read32(w1ts));
        Assert.Equal(0u, gpio.Read32(w1tc));
        Assert.Equal(0u, sim.Peek(gpio.PhysicalAddress + w1ts));
    }

    [Fact]
    public void Atomic_set_and_clear_are_one_store_to_the_alias()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        uint enable = gpio.OffsetOf("ENABLE");
        gpio.AtomicSet(enable, 1u << 2);
        Assert.Equal((0, 1), (sim.Reads, sim.Writes));
        Assert.True(sim.GetLogEntry(0, out uint a, out uint v));
        Assert.Equal((0x3FF44024u, 4u), (a, v)); // GPIO_ENABLE_W1TS_REG
        gpio.AtomicClear(enable, 1u << 2);
        sim.GetLogEntry(1, out a, out _);
        Assert.Equal(0x3FF44028u, a);            // GPIO_ENABLE_W1TC_REG
        Assert.Equal(0u, sim.Peek(0x3FF44020));
        Assert.Equal(0, sim.Reads);
    }

    [Fact]
    public void Atomic_ops_on_a_register_without_alias_throw()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        var e = Assert.Throws<ArgumentException>(() => gpio.AtomicSet(gpio.OffsetOf("PIN2"), 4));
        Assert.Contains("no W1TS alias", e.Message);
        Assert.Throws<ArgumentException>(() => gpio.AtomicClear(gpio.OffsetOf("IN"), 4));
        Assert.Throws<ArgumentException>(() => bus.MapBlock("LEDC").AtomicSet(0, 1)); // undescribed block
        Assert.Equal(0, sim.Reads + sim.Writes);
    }

    [Fact]
    public void Atomic_op_refuses_an_alias_outside_the_window()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow outOnly = bus.Map(0x3FF44004, 4);
        var e = Assert.Throws<ArgumentException>(() => outOnly.AtomicSet(0, 1));
        Assert.Contains("outside this window", e.Message);
        Assert.Equal(0, sim.Writes);
    }

    [Fact]
    public void Read_only_registers_ignore_writes()
    {
        var (sim, bus) = WindowTests.ModelBoard("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        uint input = gpio.OffsetOf("IN");
        sim.Poke(0x3FF4403C, 0x0000_0010); // the pin levels, set by the outside world
        gpio.Write32(input, 0xFFFF_FFFF);
        Assert.Equal(0x0000_0010u, gpio.Read32(input));
        Assert.Equal(1, sim.IgnoredWrites);
    }

    [Fact]
    public void Reserved_gaps_read_as_zero_and_ignore_writes()
    {
        var (sim, bus) = WindowTests.ModelBoard("esp32c3");
        MmioWindow ledc = bus.MapBlock("LEDC");
        ledc.Write32(0x78, 0x1234); // no register of the C3's SVD (a word of an owned block with none is denied instead)
        Assert.Equal(0u, ledc.Read32(0x78));
        Assert.Equal(0u, sim.Peek(0x60019078));
        Assert.Equal(1, sim.IgnoredWrites);
    }

    [Fact]
    public void Set_clear_toggle_bits_are_read_modify_write()
    {
        var (sim, bus) = WindowTests.Board("esp32s3");
        MmioWindow ledc = bus.MapBlock("LEDC");
        ledc.Write32(0x10, 0b1010);
        ledc.SetBits(0x10, 0b0101);
        Assert.Equal(0b1111u, ledc.Read32(0x10));
        ledc.ClearBits(0x10, 0b0011);
        Assert.Equal(0b1100u, ledc.Read32(0x10));
        ledc.ToggleBits(0x10, 0b0110);
        Assert.Equal(0b1010u, ledc.Read32(0x10));
        Assert.Equal((6, 4), (sim.Reads, sim.Writes)); // each RMW is one read and one write
    }

    [Fact]
    public void Fields_follow_idf_reg_get_field_and_reg_set_field()
    {
        var (_, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        uint pin2 = gpio.OffsetOf("PIN2");
        // GPIO_PIN2_INT_TYPE: _V 0x7, _S 7; GPIO_PIN2_INT_ENA: _V 0x1F, _S 13 (gpio_reg.h)
        gpio.Write32(pin2, 0xFFFF_FFFF);
        gpio.SetField(pin2, 0x7, 7, 0x5);
        Assert.Equal(0x5u, gpio.GetField(pin2, 0x7, 7));
        Assert.Equal(0xFFFF_FEFFu, gpio.Read32(pin2)); // bit 8 cleared, 7 and 9 set
        gpio.SetField(pin2, 0x1F, 13, 0);
        Assert.Equal(0u, gpio.GetField(pin2, 0x1F, 13));
        Assert.Equal(0xFFFC_1EFFu, gpio.Read32(pin2));
    }

    [Fact]
    public void A_value_wider_than_its_field_is_refused()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.SetField(0x88, 0x7, 7, 0x8));
        Assert.Equal(0, sim.Reads + sim.Writes);
    }

    [Theory]
    [InlineData(0x0u, 0)]   // empty mask
    [InlineData(0x3u, 31)]  // mask << shift leaves 32 bits
    [InlineData(0x1u, 32)]  // shift too large
    [InlineData(0x1u, -1)]  // negative shift
    public void Masks_and_shifts_that_are_no_32_bit_field_are_refused(uint mask, int shift)
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.GetField(0x88, mask, shift));
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.SetField(0x88, mask, shift, 0));
        Assert.Equal(0, sim.Reads + sim.Writes);
    }

    [Fact]
    public void Simulator_log_keeps_the_last_accesses_in_order()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        for (uint i = 0; i < RegisterSimulator.LogCapacity + 3; i++)
        {
            gpio.Write32(0x88, i);
        }

        Assert.Equal(RegisterSimulator.LogCapacity, sim.LogCount);
        sim.GetLogEntry(0, out _, out uint first);
        sim.GetLogEntry(sim.LogCount - 1, out _, out uint last);
        Assert.Equal((3u, (uint)RegisterSimulator.LogCapacity + 2), (first, last));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.GetLogEntry(sim.LogCount, out _, out _));
        sim.ResetCounters();
        Assert.Equal((0, 0), (sim.LogCount, sim.Writes));
    }
}
