using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// Block transfers (<c>ReadBlock</c> / <c>WriteBlock</c> of consecutive registers, <c>ReadFifo</c> / <c>WriteFifo</c> of one
/// register) on the simulator: one call, the whole range checked before the first access, the caller's buffer.
/// </summary>
public class BlockTransferTests
{
    [Fact]
    public void Consecutive_words_round_trip_through_the_buffer_range()
    {
        var (sim, bus) = WindowTests.Board("esp32c3");
        MmioWindow rmt = bus.MapBlock("RMT");
        uint[] src = { 0xDEAD, 1, 2, 3, 4, 0xBEEF };
        rmt.WriteBlock(0x400, src, 1, 4);
        for (uint i = 0; i < 4; i++)
        {
            Assert.Equal(i + 1, sim.Peek(rmt.PhysicalAddress + 0x400 + 4 * i));
        }

        uint[] dst = new uint[6];
        rmt.ReadBlock(0x400, dst, 2, 4);
        Assert.Equal(new uint[] { 0, 0, 1, 2, 3, 4 }, dst);
        Assert.Equal((4, 4), (sim.Reads, sim.Writes));
    }

    [Fact]
    public void A_range_leaving_the_window_is_refused_before_any_access()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.Map(0x3FF44000, 0x20);
        uint[] buf = new uint[16];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => gpio.ReadBlock(0x18, buf, 0, 3));
        Assert.Contains("unmapped", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.WriteBlock(0x0, buf, 0, 9));
        Assert.Contains("misaligned", Assert.Throws<ArgumentException>(() => gpio.ReadBlock(0x2, buf, 0, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.ReadBlock(0x0, buf, 14, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.ReadBlock(0x0, buf, -1, 1));
        Assert.Throws<ArgumentNullException>(() => gpio.WriteBlock(0x0, null!, 0, 1));
        gpio.ReadBlock(0x18, buf, 0, 2); // the last two words are fine
        Assert.Equal((2, 0), (sim.Reads, sim.Writes));
    }

    [Fact]
    public void A_consecutive_read_over_an_esp32_fifo_is_refused_but_ReadFifo_reads_it_the_safe_way()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow uart1 = bus.MapBlock("UART1");
        uint[] buf = new uint[4];
        var e = Assert.Throws<InvalidOperationException>(() => uart1.ReadBlock(0, buf, 0, 2));
        Assert.Equal("refused block read of 0x3FF50000 on esp32: fifo", e.Message);
        Assert.Equal(0, sim.Reads);

        sim.Poke(0x3FF50000, 0x41);
        uart1.ReadFifo(0, buf, 1, 3);
        Assert.Equal(new uint[] { 0, 0x41, 0x41, 0x41 }, buf); // the simulator's FIFO register holds its value
        Assert.Equal((3, 3), (sim.FifoReads, sim.Reads));

        uart1.WriteFifo(0, new uint[] { 0x48, 0x49 }, 0, 2);
        Assert.Equal(2, sim.Writes);
        Assert.Equal(0x49u, sim.Peek(0x3FF50000));
    }

    [Fact]
    public void The_raw_block_read_is_refused_with_the_first_bad_address_and_touches_nothing()
    {
        var (sim, _) = WindowTests.Board("esp32");
        uint[] buf = new uint[8];
        // UART1's page ends at 0x3FF51000: the range runs into the unmapped next page
        var e = Assert.Throws<InvalidOperationException>(() => sim.ReadBlock(0x3FF50FF8, 4, buf, 0, 4));
        Assert.StartsWith("refused block read of 0x3FF51000 on esp32: ", e.Message);
        var w = Assert.Throws<InvalidOperationException>(() => sim.WriteBlock(0x3FF01000, 4, buf, 0, 2)); // AES (a denied block)
        Assert.Equal("refused block write of 0x3FF01000 on esp32: denied", w.Message);
        Assert.Contains("misaligned", Assert.Throws<InvalidOperationException>(() => sim.ReadBlock(0x3FF44000, 8, buf, 0, 2)).Message);
        Assert.Contains("unmapped", Assert.Throws<InvalidOperationException>(() => sim.ReadBlock(0xFFFFFFF8, 4, buf, 0, 4)).Message);
        Assert.Equal((0, 0, 4), (sim.Reads, sim.Writes, sim.Refused));
    }

    [Fact]
    public void Block_transfers_allocate_nothing()
    {
        var (_, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        uint[] buf = new uint[16];
        gpio.ReadBlock(0x4, buf, 0, 16); // first touch allocates the block's storage
        Action loop = () =>
        {
            for (int i = 0; i < 100; i++)
            {
                gpio.ReadBlock(0x4, buf, 0, 16);
                gpio.WriteBlock(0x4, buf, 0, 16);
                gpio.SetBits(0x4, 1);
            }
        };
        Assert.Equal(0, Allocations.Least(loop));
    }
}
