using NanoRemap.Testing;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>
/// The register-level policy in the managed windows (issue 7's examples): refused before the bus is touched,
/// the refusal names the check and the address; eFuse reads work.
/// </summary>
public class WindowPolicyTests
{
    private static (RegisterSimulator Sim, RegisterBus Bus) Board(string chip)
    {
        var sim = SimulatorModels.CreateSimulator(chip);
        return (sim, RegisterBus.CreateSimulated(sim));
    }

    // A deny / ro register: refused by the window's guard in managed code, before the bus.
    private static void Refused(string check, uint address, Action access, RegisterSimulator sim)
    {
        int refused = sim.Refused, reads = sim.Reads, writes = sim.Writes;
        var e = Assert.Throws<InvalidOperationException>(access);
        Assert.Contains(check, e.Message);
        Assert.Contains("0x" + address.ToString("X8"), e.Message);
        Assert.Equal((refused, reads, writes), (sim.Refused, sim.Reads, sim.Writes));
    }

    // A protected bit: the check needs the register's value, so the (simulated) native layer refuses the write,
    // atomically with its read of the old value; nothing is written.
    private static void ProtectRefused(uint address, Action access, RegisterSimulator sim)
    {
        int refused = sim.Refused, writes = sim.Writes;
        uint before = sim.Peek(address);
        var e = Assert.Throws<InvalidOperationException>(access);
        Assert.EndsWith("0x" + address.ToString("X8") + " on " + sim.Board.Chip + ": denied", e.Message);
        Assert.Equal((refused + 1, writes, before), (sim.Refused, sim.Writes, sim.Peek(address)));
    }

    [Fact]
    public void Esp32_cache_control_and_the_flash_controller_reset_are_refused_but_the_block_maps()
    {
        var (sim, bus) = Board("esp32");
        MmioWindow dport = bus.MapBlock("DPORT");
        Refused("read-only", 0x3FF00040, () => dport.Write32(Esp32.Dport.PRO_CACHE_CTRL, 0), sim);
        dport.Read32(Esp32.Dport.APP_CACHE_CTRL);                                                            // reads stay cheap
        Assert.Equal(0, sim.Refused);

        uint rst = dport.Read32(Esp32.Dport.PERIP_RST_EN);
        ProtectRefused(0x3FF000C4, () => dport.Write32(Esp32.Dport.PERIP_RST_EN, rst | (1u << 1)), sim); // SPI01_RST
        dport.SetBits(Esp32.Dport.PERIP_RST_EN, 1u << 11);                                                   // LEDC_RST: fine
        Assert.Equal(rst | (1u << 11), sim.Peek(0x3FF000C4));
        Assert.Equal(1, sim.Refused); // only the SPI01_RST write, by the simulated native layer

        MmioWindow rtc = bus.MapBlock("RTC_CNTL");
        Refused("read-only", 0x3FF48000, () => rtc.Write32(Esp32.RtcCntl.OPTIONS0, 1u << 31), sim);    // SW_SYS_RST
        MmioWindow ioMux = bus.MapBlock("IO_MUX");
        for (uint pad = Esp32.IoMux.GPIO9; pad <= Esp32.IoMux.GPIO8; pad += 4)                               // GPIO9, 10, 11, 6, 7, 8
        {
            Refused("read-only", ioMux.PhysicalAddress + pad, () => ioMux.Write32(pad, 0), sim);
            ioMux.Read32(pad);                                                                               // the flash pads' configuration reads
        }

        ioMux.Write32(Esp32.IoMux.GPIO2, 0x2800);                                                            // an ordinary pad
        Assert.Equal(0x2800u, ioMux.Read32(Esp32.IoMux.GPIO2));
    }

    [Fact]
    public void Efuse_reads_work_and_writes_are_refused_as_read_only()
    {
        var (sim, bus) = Board("esp32");
        MmioWindow efuse = bus.MapBlock("EFUSE");
        sim.Poke(0x3FF5A004, 0x30AEA4C8);                                   // MAC bytes, burnt at the factory
        Assert.Equal(0x30AEA4C8u, efuse.Read32(Esp32.Efuse.BLK0_RDATA1));
        Refused("read-only", 0x3FF5A104, () => efuse.Write32(Esp32.Efuse.CMD, 2), sim); // PGM_CMD
        Assert.Equal(0u, sim.Peek(0x3FF5A104));
    }

    [Fact]
    public void S3_core_1_control_and_flash_pads_are_refused()
    {
        var (sim, bus) = Board("esp32s3");
        MmioWindow system = bus.MapBlock("SYSTEM");
        Refused("read-only", 0x600C0000, () => system.Write32(Esp32S3.System.CORE_1_CONTROL_0, 1), sim);
        uint rst = system.Read32(Esp32S3.System.PERIP_RST_EN0);
        ProtectRefused(0x600C0020, () => system.Write32(Esp32S3.System.PERIP_RST_EN0, rst | (1u << 1)), sim);
        MmioWindow ioMux = bus.MapBlock("IO_MUX");
        Refused("read-only", 0x6000907C, () => ioMux.Write32(Esp32S3.IoMux.GPIO30, 0), sim); // SPICLK
        MmioWindow rtc = bus.MapBlock("RTC_CNTL");
        Refused("read-only", 0x60008000, () => rtc.Write32(Esp32S3.RtcCntl.RTC_OPTIONS0, 1u << 31), sim);
    }

    [Fact]
    public void C6_flash_controller_clock_is_read_only_in_pcr_and_ledc_clock_is_not()
    {
        var (sim, bus) = Board("esp32c6");
        MmioWindow pcr = bus.MapBlock("PCR");
        uint mspi = pcr.Read32(Esp32C6.Pcr.MSPI_CONF);
        Refused("read-only", 0x60096018, () => pcr.Write32(Esp32C6.Pcr.MSPI_CONF, mspi ^ 1u), sim);
        pcr.SetField(Esp32C6.Pcr.LEDC_CONF, Esp32C6.Pcr.LEDC_CONF_LEDC_CLK_EN, 1);
        Assert.Equal(1u, pcr.GetField(Esp32C6.Pcr.LEDC_CONF, Esp32C6.Pcr.LEDC_CONF_LEDC_CLK_EN));
        PeripheralClock clock = sim.Board.FindClock("LEDC")!;
        Assert.Equal((0x60096034u, 1u, 2u), (clock.EnableRegister, clock.EnableMask, clock.ResetMask));
    }

    [Fact]
    public void A_window_that_avoids_the_policy_registers_behaves_as_before()
    {
        var (sim, bus) = Board("esp32");
        MmioWindow ledc = bus.Map(0x3FF59000, 0x80);    // LEDC channels, no policy inside
        ledc.Write32(0x04, 7);
        Assert.Equal(7u, ledc.Read32(0x04));
        Assert.Equal((1, 1, 0), (sim.Reads, sim.Writes, sim.Refused));
    }
}

/// <summary>
/// A FIFO register that the policy also denies: the window's guard answers with the native layer's word
/// (nr_check looks at deny before the FIFO errata), for reads and writes.
/// </summary>
public class WindowGuardOrderTests
{
    [Fact]
    public void A_denied_fifo_register_is_refused_as_denied_like_the_native_layer()
    {
        var block = new PeripheralBlock("GPIO", 0x60000000, 0x100, true, null);
        var board = new BoardMap("guardorder", 0x60000000, 0x1000, false, 0, 0, new uint[] { 0x60000010 }, new[] { "FIFO" },
            new[] { block }, "GPIO", new uint[] { 0x60000010 }, new uint[] { 4 }, new byte[] { (byte)RegisterPolicy.Deny }, new uint[] { 0 },
            Array.Empty<PeripheralClock>());
        var sim = new RegisterSimulator(board);
        RegisterBus bus = RegisterBus.CreateSimulated(sim);
        MmioWindow w = bus.Map(0x60000000, 0x100);

        string nativeRead = Assert.Throws<InvalidOperationException>(() => bus.Read32(0x60000010)).Message;
        string nativeWrite = Assert.Throws<InvalidOperationException>(() => bus.Write32(0x60000010, 1)).Message;
        Assert.Equal("refused read of 0x60000010 on guardorder: denied", nativeRead);
        Assert.Equal("refused write of 0x60000010 on guardorder: denied", nativeWrite);

        int refused = sim.Refused;
        Assert.Equal(nativeRead, Assert.Throws<InvalidOperationException>(() => w.Read32(0x10)).Message);
        Assert.Equal(nativeWrite, Assert.Throws<InvalidOperationException>(() => w.Write32(0x10, 1)).Message);
        Assert.Equal(refused, sim.Refused); // both refused by the window's guard, before the bus
    }
}
