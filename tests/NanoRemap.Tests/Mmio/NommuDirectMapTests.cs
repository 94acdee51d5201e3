using NanoRemap.Boards;
using NanoRemap.Mm;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

public class NommuDirectMapTests
{
    private static VmAreaDesc Desc(ulong start, ulong size, ulong pgoff)
    {
        var d = new VmAreaDesc();
        d.Set(start, start + size, pgoff, VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED | VmFlags.MAYSHARE, 0);
        return d;
    }

    [Theory]
    [InlineData("esp32")]
    [InlineData("esp32s3")]
    [InlineData("esp32c3")]
    public void Identity_mapping_of_the_gpio_block_gives_a_window_and_the_remap_flags(string chip)
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (sim, bus) = WindowTests.Board(chip);
        uint gpio = bus.Board.Gpio.Base;
        var vma = new VmAreaStruct();
        MmioWindow w = NommuDirectMap.Map(mm, bus, Desc(gpio, 0x1000, gpio >> 12), vma);
        Assert.Equal((gpio, gpio, 0x1000u), (w.VirtualAddress, w.PhysicalAddress, w.Size));
        Assert.Equal(VmFlags.REMAP_FLAGS, vma.VmFlags & VmFlags.REMAP_FLAGS);
        Assert.Equal(0, mm.Warn.Total);
        Assert.Equal(0, sim.Reads + sim.Writes);
        w.AtomicSet(w.OffsetOf("OUT"), 1);
        Assert.Equal(1u, sim.Peek(gpio + 4));
    }

    [Fact]
    public void A_relocating_request_is_refused_with_the_address_the_identity_and_the_board()
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (sim, bus) = WindowTests.Board("esp32");
        var vma = new VmAreaStruct();
        var e = Assert.Throws<ArgumentException>(() => NommuDirectMap.Map(mm, bus, Desc(0x20000000, 0x1000, 0x3FF44), vma));
        Assert.Contains("0x20000000", e.Message);
        Assert.Contains("0x3FF44000", e.Message);
        Assert.Contains("esp32", e.Message);
        Assert.Contains("identity", e.Message);
        Assert.Contains("-22", e.Message);
        Assert.Equal(0UL, vma.VmFlags & VmFlags.IO);
        Assert.Equal(0, sim.Reads + sim.Writes);
    }

    [Fact]
    public void An_identity_mapping_of_a_denied_block_is_refused_by_the_board_map()
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (_, bus) = WindowTests.Board("esp32s3");
        var e = Assert.Throws<ArgumentException>(() => NommuDirectMap.Map(mm, bus, Desc(0x6003A000, 0x1000, 0x6003A), new VmAreaStruct()));
        Assert.Contains("AES", e.Message);
        Assert.Contains("denied", e.Message);
    }

    [Fact]
    public void A_mapping_the_board_map_refuses_leaves_the_vma_flags_as_they_came()
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (_, bus) = WindowTests.Board("esp32s3");
        var vma = new VmAreaStruct { VmStart = 0x6003A000, VmEnd = 0x6003B000, VmPgoff = 0x6003A, VmFlags = VmFlags.READ | VmFlags.SHARED };
        Assert.Throws<ArgumentException>(() => NommuDirectMap.Map(mm, bus, vma));
        Assert.Equal(VmFlags.READ | VmFlags.SHARED, vma.VmFlags);
        Assert.Throws<ArgumentOutOfRangeException>(() => NommuDirectMap.Map(mm, bus, vma, 0x6003B000, 4));
        Assert.Equal(VmFlags.READ | VmFlags.SHARED, vma.VmFlags);
    }

    [Fact]
    public void An_identity_mapping_outside_every_block_is_refused()
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (_, bus) = WindowTests.Board("esp32");
        Assert.Throws<ArgumentOutOfRangeException>(() => NommuDirectMap.Map(mm, bus, Desc(0x3FF70000, 0x1000, 0x3FF70), new VmAreaStruct()));
    }

    [Fact]
    public void Sub_page_blocks_map_through_a_sub_window_of_the_identity_page()
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (_, bus) = WindowTests.Board("esp32");
        var vma = new VmAreaStruct();
        vma.SetFromDesc(Desc(0x3FF48000, 0x1000, 0x3FF48));
        // the whole page spans RTCCNTL, RTCIO, SENS and RTC_I2C: not one block
        Assert.Throws<ArgumentOutOfRangeException>(() => NommuDirectMap.Map(mm, bus, vma));
        MmioWindow rtcio = NommuDirectMap.Map(mm, bus, vma, 0x3FF48400, 0x400);
        Assert.Equal("RTC_IO", rtcio.Block.Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => NommuDirectMap.Map(mm, bus, vma, 0x3FF49000, 0x4));
    }

    [Fact]
    public void The_mmu_engine_is_told_to_use_the_remap_action()
    {
        var (_, bus) = WindowTests.Board("esp32");
        var mmu = new MmEngine(true, WordModel.Ilp32, 12);
        var e = Assert.Throws<ArgumentException>(() => NommuDirectMap.Map(mmu, bus, Desc(0x3FF44000, 0x1000, 0x3FF44), new VmAreaStruct()));
        Assert.Contains("nommu", e.Message);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (_, bus) = WindowTests.Board("esp32");
        Assert.Throws<ArgumentNullException>(() => NommuDirectMap.Map(null, bus, new VmAreaStruct()));
        Assert.Throws<ArgumentNullException>(() => NommuDirectMap.Map(mm, null, new VmAreaStruct()));
        Assert.Throws<ArgumentNullException>(() => NommuDirectMap.Map(mm, bus, (VmAreaStruct)null));
        Assert.Throws<ArgumentNullException>(() => NommuDirectMap.Map(mm, bus, null, new VmAreaStruct()));
    }

    [Fact]
    public void The_engine_rejects_the_remap_action_that_the_direct_map_replaces()
    {
        // One story: the same request as an mmap_prepare action is WARNed about and rejected by nommu.
        var mm = MmEngine.CreateNommuIlp32();
        var lines = new List<string>();
        mm.Warn.Output = lines.Add;
        var desc = Desc(0x3FF44000, 0x1000, 0x3FF44);
        int rc = mm.MmapRegion(desc, d => { mm.MmapActionSimpleIoremap(d, 0x3FF44000, 0x1000); return 0; }, new VmAreaStruct(), MmapFlow.Normal, out int prep, out int complete, out _);
        Assert.Equal((-Errno.EINVAL, 0, -Errno.EINVAL), (rc, prep, complete));
        Assert.Contains(lines, l => l.Contains("nommu cannot handle these"));
        var (_, bus) = WindowTests.Board("esp32");
        Assert.True(NommuDirectMap.Map(mm, bus, desc, new VmAreaStruct()).IsMapped);
    }
}
