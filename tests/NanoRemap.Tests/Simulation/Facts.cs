using NanoRemap.Testing;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;

namespace NanoRemap.Tests.Simulation;

/// <summary>Register offsets and fields by their SVD names, from the chip's facts (the board table names only GPIO's registers).</summary>
internal static class Facts
{
    /// <summary>The offset in <paramref name="window"/> of register <c>PERIPH.REG</c>.</summary>
    public static uint Offset(string chip, MmioWindow window, string register) =>
        (SimulatorModels.Facts(chip).FindRegister(register) ?? throw new ArgumentException($"{chip} has no {register}")).Address - window.PhysicalAddress;

    /// <summary>The bits of field <c>PERIPH.REG.FIELD</c> and its lowest bit.</summary>
    public static (uint Mask, int Shift) Field(string chip, string field)
    {
        var f = SimulatorModels.Facts(chip).FindField(field) ?? throw new ArgumentException($"{chip} has no {field}");
        return (f.Mask, f.Lsb);
    }
}
