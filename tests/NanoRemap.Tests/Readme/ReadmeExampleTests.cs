using NanoRemap.Boards;
using NanoRemap.Mm;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Readme;

/// <summary>The two C# examples of README.md, as written there (the hardware bus swapped for the simulated one), with what the README says they do.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_engine_example_fails_with_einval_and_two_warn_hits_on_nommu()
    {
        var mm = new MmEngine(mmu: false, WordModel.Ilp32, pageShift: 12);
        var lines = new List<string>();
        mm.Warn.Output = lines.Add;
        var desc = new VmAreaDesc();
        desc.Set(start: 0x3FF44000, end: 0x3FF45000, pgoff: 0, vmFlags: VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED, pageProt: 0);
        var vma = new VmAreaStruct();

        int rc = mm.MmapRegion(desc, d => { mm.MmapActionSimpleIoremap(d, 0x3FF44000, 0x1000); return 0; },
                               vma, MmapFlow.Normal, out int prepareRc, out int completeRc, out int ran);

        Assert.Equal(-22, rc);
        Assert.Equal(MmapStep.Prepare | MmapStep.Complete, ran);
        Assert.Equal(0, prepareRc);
        Assert.Equal(-Errno.EINVAL, completeRc);
        Assert.Equal(2, mm.Warn.Total);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void The_mmio_example_drives_gpio2_through_the_w1ts_and_w1tc_aliases()
    {
        MmEngine mm = MmEngine.CreateNommuIlp32();
        var sim = new RegisterSimulator(BoardTables.Esp32);
        RegisterBus bus = RegisterBus.CreateSimulated(sim);
        var desc = new VmAreaDesc();
        desc.Set(0x3FF44000, 0x3FF45000, 0x3FF44000 >> 12, VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED, 0);
        MmioWindow gpio = NommuDirectMap.Map(mm, bus, desc, new VmAreaStruct());

        uint pin2 = 1u << 2;
        gpio.AtomicSet(gpio.OffsetOf("ENABLE"), pin2);
        gpio.AtomicSet(gpio.OffsetOf("OUT"), pin2);
        Assert.Equal(pin2, gpio.Read32(gpio.OffsetOf("OUT")));
        Assert.Equal(pin2, gpio.Read32(gpio.OffsetOf("ENABLE")));
        gpio.AtomicClear(gpio.OffsetOf("OUT"), pin2);
        Assert.Equal(0u, gpio.Read32(gpio.OffsetOf("OUT")));
        Assert.Equal(0x3FF44000u, gpio.VirtualAddress);
        Assert.Equal(gpio.PhysicalAddress, gpio.VirtualAddress);
    }
}
