using NanoRemap.Boards;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Simulation;

/// <summary>
/// Issue 13 item 2: the access kinds drivers live with, on a register model (the host model takes them from the
/// facts' field flags; a device test adds them by hand): self-clearing, write-trigger, write-1-to-set,
/// write-1-to-clear, read-to-clear; hooks still see the written value.
/// </summary>
public class AccessKindTests
{
    private const uint Reg = 0x60019000; // esp32c3 LEDC.LSCH0_CONF0

    private static RegisterSimulator Sim(uint ro, uint w1c, uint cor, uint wo, uint sc, uint w1s, uint reset = 0)
    {
        var model = new RegisterModel();
        model.Add(Reg, reset, ro, w1c, cor, wo, sc, w1s);
        return new RegisterSimulator(BoardMap.Get("esp32c3"), model);
    }

    [Fact]
    public void A_self_clearing_bit_reads_back_zero_after_the_write_and_the_hook_sees_the_one()
    {
        RegisterSimulator sim = Sim(0, 0, 0, 0, sc: 1u << 4, 0);
        uint seen = 0;
        sim.OnWrite(Reg, (s, a, v) => seen = v);
        sim.Write32(Reg, (1u << 4) | 0x3);
        Assert.Equal(0x3u, sim.Read32(Reg));          // PARA_UP done, the other bits stay
        Assert.Equal((1u << 4) | 0x3, seen);
        sim.Modify32(Reg, 0, 1u << 4, 0);
        Assert.Equal(0x3u, sim.Read32(Reg));
    }

    [Fact]
    public void A_write_trigger_bit_always_reads_zero()
    {
        RegisterSimulator sim = Sim(0, 0, 0, wo: 1u << 30, sc: 1u << 30, 0);
        sim.Write32(Reg, 1u << 30);
        Assert.Equal(0u, sim.Read32(Reg));
        Assert.Equal(0u, sim.Peek(Reg));              // nothing left set inside either
    }

    [Fact]
    public void Write_one_to_set_and_write_one_to_clear_bits_ignore_a_written_zero()
    {
        RegisterSimulator sim = Sim(0, w1c: 0xF0, 0, 0, 0, w1s: 0x0F, reset: 0xF0);
        sim.Write32(Reg, 0x05);                       // sets bits 0 and 2, leaves 1 and 3; leaves every w1c bit
        Assert.Equal(0xF5u, sim.Read32(Reg));
        sim.Write32(Reg, 0x30);                       // clears bits 4 and 5; a 0 leaves the w1s bits
        Assert.Equal(0xC5u, sim.Read32(Reg));
    }

    [Fact]
    public void A_read_to_clear_field_returns_its_value_once()
    {
        RegisterSimulator sim = Sim(0xFF, 0, cor: 0xFF, 0, 0, 0);
        sim.Poke(Reg, 0x42);
        Assert.Equal(0x42u, sim.Read32(Reg));
        Assert.Equal(0u, sim.Read32(Reg));
    }
}
