using CsCheck;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Mmio;

public class RegisterFieldTests
{
    [Fact]
    public void Packing_and_decoding_agree_for_every_32_bit_field()
    {
        for (int lsb = 0; lsb < 32; lsb++)
        {
            for (int width = 1; lsb + width <= 32; width++)
            {
                uint f = RegisterField.Pack(lsb, width);
                Assert.Equal(((uint)width << 8) | (uint)lsb, f);
                Assert.Equal(lsb, RegisterField.Shift(f));
                ulong expected = ((1UL << width) - 1) << lsb;
                Assert.Equal((uint)expected, RegisterField.InPlace(f));
                Assert.Equal((uint)((1UL << width) - 1), RegisterField.Mask(f));
            }
        }
    }

    [Theory]
    [InlineData(0x0000u)]  // width 0
    [InlineData(0x2101u)]  // width 33
    [InlineData(0x0220u)]  // bits 32..33
    [InlineData(0x201Fu)]  // width 32 at bit 31
    public void A_value_that_is_no_packed_field_is_refused(uint field)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RegisterField.Mask(field));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegisterField.Shift(field));
        var (_, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.SetField(4, field, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.GetField(4, field));
    }

    [Fact]
    public void Packed_field_overloads_do_what_mask_and_shift_do()
    {
        Gen.Select(Gen.Int[0, 31], Gen.Int[1, 32], Gen.UInt, Gen.UInt).Where(t => t.Item1 + t.Item2 <= 32).Sample((lsb, width, start, value) =>
        {
            var (_, bus) = WindowTests.Board("esp32");
            MmioWindow a = bus.MapBlock("GPIO");
            uint field = RegisterField.Pack(lsb, width);
            uint mask = RegisterField.Mask(field);
            uint v = value & mask;
            a.Write32(0x4, start);
            a.Write32(0x20, start);
            a.SetField(0x4, field, v);
            a.SetField(0x20, mask, lsb, v);
            Assert.Equal(a.Read32(0x20), a.Read32(0x4));
            Assert.Equal(v, a.GetField(0x4, field));
            Assert.Equal(a.GetField(0x4, mask, lsb), a.GetField(0x4, field));
        });
    }

    [Fact]
    public void A_value_wider_than_the_packed_field_is_refused()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.MapBlock("GPIO");
        sim.ResetCounters();
        Assert.Throws<ArgumentOutOfRangeException>(() => gpio.SetField(0x4, RegisterField.Pack(3, 2), 4));
        Assert.Equal(0, sim.Writes);
    }
}
