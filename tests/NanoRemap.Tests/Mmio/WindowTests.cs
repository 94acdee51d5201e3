using NanoRemap.Testing;
using NanoRemap.Boards;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

public class WindowTests
{
    internal static (RegisterSimulator Sim, RegisterBus Bus) Board(string chip)
    {
        var sim = new RegisterSimulator(BoardMap.Get(chip));
        return (sim, RegisterBus.CreateSimulated(sim));
    }

    /// <summary>A simulated board whose registers behave as the chip's SVD facts say (reset values, bit access).</summary>
    internal static (RegisterSimulator Sim, RegisterBus Bus) ModelBoard(string chip)
    {
        var sim = NanoRemap.Testing.SimulatorModels.CreateSimulator(chip);
        return (sim, RegisterBus.CreateSimulated(sim));
    }

    [Theory]
    [InlineData(0x3FF44002u, 0x10u)]   // misaligned start
    [InlineData(0x3FF44000u, 0x6u)]    // size not a multiple of 4
    [InlineData(0x3FF44000u, 0x0u)]    // empty
    public void Misaligned_or_empty_windows_are_refused(uint phys, uint size)
    {
        var (sim, bus) = Board("esp32");
        var e = Assert.Throws<ArgumentException>(() => bus.Map(phys, size));
        Assert.Contains("esp32", e.Message);
        Assert.Equal(0, sim.Reads + sim.Writes);
    }

    [Theory]
    [InlineData(0x3FF70000u, 0x10u, "no peripheral block")]
    [InlineData(0x3FF44FF0u, 0x20u, "leaves block GPIO")]
    [InlineData(0x20000000u, 0x4u, "no peripheral block")]
    public void Windows_outside_one_block_are_refused(uint phys, uint size, string why)
    {
        var (_, bus) = Board("esp32");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => bus.Map(phys, size));
        Assert.Contains(why, e.Message);
    }

    [Theory]
    [InlineData("esp32", "AES")]
    [InlineData("esp32s3", "HMAC")]
    [InlineData("esp32c3", "SPI1")]
    [InlineData("esp32c6", "EXTMEM")]
    [InlineData("esp32h2", "DS")]
    public void Denied_blocks_cannot_be_mapped(string chip, string block)
    {
        var (_, bus) = Board(chip);
        var e = Assert.Throws<ArgumentException>(() => bus.MapBlock(block));
        Assert.Contains("denied by default", e.Message);
        Assert.Contains($"boards/{chip}/board.map", e.Message);
    }

    [Fact]
    public void Window_is_the_identity_and_reads_and_writes_its_registers()
    {
        var (sim, bus) = Board("esp32");
        MmioWindow w = bus.MapBlock("GPIO");
        Assert.True(w.IsMapped);
        Assert.Equal(w.PhysicalAddress, w.VirtualAddress);
        Assert.Equal((0x3FF44000u, 0x1000u, "GPIO"), (w.PhysicalAddress, w.Size, w.Block.Name));
        w.Write32(0x20, 0xA5A5_0003);
        Assert.Equal(0xA5A5_0003u, sim.Peek(0x3FF44020));
        Assert.Equal(0xA5A5_0003u, w.Read32(0x20));
        Assert.Equal((1, 1), (sim.Reads, sim.Writes));
        Assert.True(sim.GetLogEntry(0, out uint a, out uint v));
        Assert.Equal((0x3FF44020u, 0xA5A5_0003u), (a, v));
    }

    [Theory]
    [InlineData(0x1000u)]
    [InlineData(0xFFFFFFFCu)]
    public void Offsets_outside_the_window_throw_before_touching_anything(uint offset)
    {
        var (sim, bus) = Board("esp32s3");
        MmioWindow w = bus.Map(0x60004000, 0x1000);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => w.Read32(offset));
        Assert.Contains("outside the window", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Write32(offset, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.SetBits(offset, 1));
        Assert.Equal(0, sim.Reads + sim.Writes + sim.Refused);
    }

    [Fact]
    public void Sub_window_refuses_offsets_past_its_own_end_even_inside_the_block()
    {
        var (sim, bus) = Board("esp32");
        MmioWindow w = bus.Map(0x3FF44004, 8);
        w.Write32(4, 1); // OUT_W1TS, at +4 in this window, sets bit 0 of OUT
        Assert.Equal(1u, sim.Peek(0x3FF44004));
        Assert.Equal(1u, w.Read32(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Read32(8));
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    [InlineData(0x23u)]
    public void Misaligned_offsets_throw_argument_exception(uint offset)
    {
        var (sim, bus) = Board("esp32c3");
        MmioWindow w = bus.MapBlock("GPIO");
        var e = Assert.Throws<ArgumentException>(() => w.Read32(offset));
        Assert.IsNotType<ArgumentOutOfRangeException>(e);
        Assert.Contains("aligned", e.Message);
        Assert.Throws<ArgumentException>(() => w.Write32(offset, 0));
        Assert.Equal(0, sim.Reads + sim.Writes);
    }

    [Fact]
    public void Default_window_is_unmapped_and_every_access_throws()
    {
        MmioWindow w = default;
        Assert.False(w.IsMapped);
        Assert.Contains("not mapped", Assert.Throws<ArgumentException>(() => w.Read32(0)).Message);
        Assert.Throws<ArgumentException>(() => w.Write32(0, 0));
        Assert.Throws<ArgumentException>(() => w.AtomicSet(0, 1));
        Assert.Throws<ArgumentException>(() => w.OffsetOf("OUT"));
    }

    [Fact]
    public void Esp32_fifo_reads_are_refused_but_writes_go_through()
    {
        // the window's guard refuses a FIFO read in managed code, before the bus; the native layer (which the
        // simulator plays) refuses it again for a raw bus read, in the same words
        var (sim, bus) = Board("esp32");
        MmioWindow uart1 = bus.MapBlock("UART1");
        var e = Assert.Throws<InvalidOperationException>(() => uart1.Read32(0));
        Assert.Equal("refused read of 0x3FF50000 on esp32: fifo", e.Message);
        Assert.Equal(0, sim.Reads);
        uart1.Write32(0, 0x41);
        Assert.Equal(1, sim.Writes);
        uart1.Read32(4); // the next register is fine
        MmioWindow i2s0 = bus.MapBlock("I2S0");
        Assert.Throws<InvalidOperationException>(() => i2s0.Read32(4));
        Assert.Equal((1, 0), (sim.Reads, sim.Refused));
        var raw = Assert.Throws<InvalidOperationException>(() => bus.Read32(0x3FF50000));
        Assert.Equal(e.Message, raw.Message);
        Assert.Equal((1, 1), (sim.Reads, sim.Refused));
    }

    [Fact]
    public void A_uart_fifo_is_an_ordinary_register_on_the_s3_but_uart0s_is_the_consoles()
    {
        var (sim, bus) = Board("esp32s3");
        bus.MapBlock("UART1").Read32(0);
        Assert.Equal(1, sim.Reads);
        var e = Assert.Throws<InvalidOperationException>(() => bus.MapBlock("UART0").Read32(0)); // a read pops the wire protocol's byte
        Assert.Equal("refused read of 0x60000000 on esp32s3: denied", e.Message);
        Assert.Equal(1, sim.Reads);
    }

    [Fact]
    public void Esp32_dport_reads_take_the_dport_safe_path()
    {
        var (sim, bus) = Board("esp32");
        MmioWindow dport = bus.MapBlock("DPORT");
        dport.Read32(0xC0);
        dport.Write32(0xC0, 1);
        bus.MapBlock("GPIO").Read32(4);
        Assert.Equal((2, 1, 1), (sim.Reads, sim.DportReads, sim.Writes));
    }

    [Fact]
    public void Hardware_bus_on_the_host_says_there_is_no_esp32()
    {
        RegisterBus hw = RegisterBus.CreateHardware(BoardTables.Esp32);
        Assert.True(hw.IsHardware);
        MmioWindow w = hw.MapBlock("GPIO"); // validation works without hardware
        var e = Assert.Throws<PlatformNotSupportedException>(() => w.Read32(4));
        Assert.Contains("no ESP32 on the host", e.Message);
        Assert.Throws<PlatformNotSupportedException>(() => hw.Write32(0x3FF44004, 1));
        // a bad offset is still refused before the bus is reached
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Read32(0x2000));
    }

    [Fact]
    public void Raw_bus_calls_are_still_refused_by_the_simulated_native_layer()
    {
        var (sim, bus) = Board("esp32");
        Assert.Throws<InvalidOperationException>(() => bus.Read32(0x3FF01000)); // AES
        Assert.Throws<InvalidOperationException>(() => bus.Write32(0x3FF44001, 0));
        Assert.Throws<InvalidOperationException>(() => bus.Write32(0x3FF5A104, 1)); // EFUSE_CMD: read-only by policy
        Assert.Throws<InvalidOperationException>(() => bus.Write32(0x3FF00040, 0)); // DPORT_PRO_CACHE_CTRL: read-only register (the flash cache)
        Assert.Equal(4, sim.Refused);
        Assert.Equal(0u, sim.Peek(0x3FF01000));
        Assert.Equal(0u, sim.Peek(0x3FF5A104));
    }
}
