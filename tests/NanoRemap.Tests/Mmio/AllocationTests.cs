using NanoRemap.Mm;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

/// <summary>Register accesses and the map step allocate nothing once the simulator's block storage exists.</summary>
public class AllocationTests
{
    [Fact]
    public void Window_accesses_allocate_nothing()
    {
        var (_, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        gpio.Write32(4, 0);
        gpio.Read32(4); // first touch allocates the block's storage
        uint sum = 0;
        Action loop = () =>
        {
            for (uint i = 0; i < 10_000; i++)
            {
                gpio.Write32(4, i);
                sum += gpio.Read32(4);
                gpio.AtomicSet(4, 1);
                gpio.AtomicClear(4, 1);
                gpio.SetField(0x88, 0x7, 7, i & 7);
                sum += gpio.GetField(0x88, 0x7, 7);
            }
        };
        Assert.Equal(0, Allocations.Least(loop));
        Assert.NotEqual(0u, sum);
    }

    [Fact]
    public void The_direct_map_step_allocates_nothing()
    {
        var mm = MmEngine.CreateNommuIlp32();
        var (_, bus) = WindowTests.Board("esp32s3");
        var desc = new VmAreaDesc();
        var vma = new VmAreaStruct();
        desc.Set(0x60019000, 0x6001A000, 0x60019, VmFlags.SHARED, 0); // the LEDC page: no policy word inside
        NommuDirectMap.Map(mm, bus, desc, vma);
        uint total = 0;
        Action loop = () =>
        {
            total = 0;
            for (int i = 0; i < 10_000; i++)
            {
                total += NommuDirectMap.Map(mm, bus, desc, vma).Size;
            }
        };
        Assert.Equal(0, Allocations.Least(loop));
        Assert.Equal(0x1000u * 10_000, total);
    }
}
