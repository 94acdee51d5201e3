using NanoRemap.Boards;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// The atomic read-modify-write (<c>MmioWindow.Modify</c> and its special cases SetBits / ClearBits / ToggleBits /
/// SetField) on the simulator: <c>reg = ((reg &amp; ~clear) | set) ^ toggle</c> as one native operation
/// (<c>nr_modify32</c>: one read, one write), the same semantics as boards/native/tests/test_ops.c.
/// </summary>
public class AtomicModifyTests
{
    private const uint Out = 0x04;      // GPIO_OUT_REG
    private const uint OutW1ts = 0x08;  // GPIO_OUT_W1TS_REG
    private const uint In = 0x3C;       // GPIO_IN_REG (read-only)

    [Theory]
    [InlineData(0xF0F0F0F0u, 0x000000F0u, 0x00000003u, 0x80000000u, 0x70F0F003u)]
    [InlineData(0x00000000u, 0x00000000u, 0x0000000Cu, 0x00000000u, 0x0000000Cu)]
    [InlineData(0xFFFFFFFFu, 0xFFFF0000u, 0x00000000u, 0x00000000u, 0x0000FFFFu)]
    [InlineData(0x12345678u, 0x00000000u, 0x00000000u, 0xFFFFFFFFu, 0xEDCBA987u)]
    [InlineData(0x0000000Fu, 0x0000000Fu, 0x0000000Fu, 0x00000001u, 0x0000000Eu)] // clear, then set, then toggle
    public void Modify_clears_then_sets_then_toggles_and_returns_the_old_value(uint before, uint clear, uint set, uint toggle, uint after)
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        sim.Poke(0x3FF44000 + Out, before);
        sim.ResetCounters();

        uint old = gpio.Modify(Out, clear, set, toggle);

        Assert.Equal(before, old);
        Assert.Equal(after, sim.Peek(0x3FF44000 + Out));
        Assert.Equal((1, 1, 1), (sim.Reads, sim.Writes, sim.Modifies));
    }

    [Fact]
    public void SetBits_ClearBits_ToggleBits_and_SetField_are_single_modifies()
    {
        var (sim, bus) = WindowTests.Board("esp32s3");
        MmioWindow gpio = bus.MapBlock("GPIO");
        uint reg = gpio.PhysicalAddress + Out;
        sim.Poke(reg, 0x0000_1001);
        sim.ResetCounters();

        gpio.SetBits(Out, 0x0000_0110);
        Assert.Equal(0x0000_1111u, sim.Peek(reg));
        gpio.ClearBits(Out, 0x0000_1001);
        Assert.Equal(0x0000_0110u, sim.Peek(reg));
        gpio.ToggleBits(Out, 0x8000_0010);
        Assert.Equal(0x8000_0100u, sim.Peek(reg));
        gpio.SetField(Out, 0xF, 8, 0xA); // bits [11:8] := 0xA
        Assert.Equal(0x8000_0A00u, sim.Peek(reg));

        Assert.Equal(4, sim.Modifies);
        Assert.Equal((4, 4), (sim.Reads, sim.Writes)); // one read and one write each, nothing in between
    }

    [Fact]
    public void A_modify_of_a_w1ts_alias_reads_zero_and_sets_the_target_bits()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        sim.Poke(0x3FF44000 + Out, 0x1);
        Assert.Equal(0u, gpio.Modify(OutW1ts, 0, 0x6, 0));
        Assert.Equal(0x7u, sim.Peek(0x3FF44000 + Out));
    }

    [Fact]
    public void A_modify_of_a_read_only_register_is_ignored_by_the_silicon()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        sim.Poke(0x3FF44000 + In, 0x55);
        Assert.Equal(0x55u, gpio.Modify(In, 0, 0xFF, 0));
        Assert.Equal(0x55u, sim.Peek(0x3FF44000 + In));
        Assert.Equal(1, sim.IgnoredWrites);
    }

    [Fact]
    public void A_dport_register_is_read_the_dport_safe_way_inside_the_modify()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow dport = bus.MapBlock("DPORT");
        dport.SetBits(0xC0, 0x200);
        Assert.Equal((1, 1, 1), (sim.DportReads, sim.Reads, sim.Writes));
        Assert.Equal(0x200u, sim.Peek(dport.PhysicalAddress + 0xC0));
    }

    [Fact]
    public void A_fifo_register_cannot_be_read_modify_written()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow uart1 = bus.MapBlock("UART1");
        // the native layer (the simulator playing it) refuses it before touching it, in its own words
        var e = Assert.Throws<InvalidOperationException>(() => uart1.SetBits(0, 1));
        Assert.Equal("refused modify of 0x3FF50000 on esp32: fifo", e.Message);
        var n = Assert.Throws<InvalidOperationException>(() => bus.Modify32(0x3FF50000, 0, 1, 0));
        Assert.Equal(e.Message, n.Message);
        Assert.Equal((0, 0, 2), (sim.Reads, sim.Writes, sim.Refused));
    }

    [Fact]
    public void Bad_offsets_and_fields_are_refused_before_the_bus()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.Map(0x3FF44000, 0x40);
        Assert.Contains("misaligned", Assert.Throws<ArgumentException>(() => gpio.SetBits(0x6, 1)).Message);
        Assert.Contains("unmapped", Assert.Throws<ArgumentOutOfRangeException>(() => gpio.ToggleBits(0x40, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.SetField(Out, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.SetField(Out, 0xF, 30, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.SetField(Out, 0x3, 0, 4));
        Assert.Equal(0, sim.Reads + sim.Writes + sim.Refused);
    }

    [Fact]
    public void A_refused_raw_modify_touches_nothing()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        var e = Assert.Throws<InvalidOperationException>(() => bus.Modify32(0x3FF01000, 0, 1, 0)); // AES (a denied block)
        Assert.Equal("refused modify of 0x3FF01000 on esp32: denied", e.Message);
        Assert.Equal(0u, sim.Peek(0x3FF01000));
        Assert.Equal((0, 0, 0, 1), (sim.Reads, sim.Writes, sim.Modifies, sim.Refused));
    }
}
