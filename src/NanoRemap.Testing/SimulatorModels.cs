using System.Collections.Concurrent;
using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Mmio;

namespace NanoRemap.Testing;

/// <summary>
/// The simulator's full register model of a chip, built on the host from its SVD facts
/// (boards/&lt;chip&gt;/registers.txt, embedded in this assembly): every register's reset value, read-only bits
/// (read-only fields and bits no field describes), write-1-to-clear, clear-on-read and write-only bits.
/// Device code builds a <see cref="RegisterModel"/> by hand for the registers it cares about instead.
/// </summary>
public static class SimulatorModels
{
    private static readonly ConcurrentDictionary<string, ChipFacts> Cache = new(StringComparer.Ordinal);

    /// <summary>The register model of every register in <paramref name="facts"/>.</summary>
    /// <param name="facts">A chip's facts.</param>
    /// <returns>A new model.</returns>
    public static RegisterModel FromFacts(ChipFacts facts)
    {
        var model = new RegisterModel();
        foreach (FactsRegister r in facts.Registers)
        {
            if ((r.Address & 3) != 0 || model.Find(r.Address) >= 0)
            {
                continue; // byte-wide memories of denied blocks are not modelled; an address two SVD peripherals share keeps the first
            }

            uint ro = 0, wo = 0, w1c = 0, cor = r.ClearOnRead ? 0xFFFFFFFFu : 0, covered = 0;
            foreach (FactsField f in r.Fields)
            {
                covered |= f.Mask;
                if (f.Access == FactsAccess.ReadOnly)
                {
                    ro |= f.Mask;
                }

                if (f.Access is FactsAccess.WriteOnly or FactsAccess.WriteOnce)
                {
                    wo |= f.Mask;
                }

                if (f.WriteOneToClear)
                {
                    w1c |= f.Mask;
                }

                if (f.ClearOnRead)
                {
                    cor |= f.Mask;
                }
            }

            if (r.Fields.Count > 0)
            {
                ro |= ~covered; // reserved bits keep their (reset) value
            }

            if (r.Access == FactsAccess.ReadOnly)
            {
                ro = 0xFFFFFFFF;
            }

            if (r.Access is FactsAccess.WriteOnly or FactsAccess.WriteOnce)
            {
                wo = 0xFFFFFFFF;
            }

            model.Add(r.Address, r.Reset, ro & ~w1c, w1c, cor, wo);
        }

        return model;
    }

    /// <summary>The facts of a chip, from the copy of boards/&lt;chip&gt;/registers.txt embedded in this assembly.</summary>
    /// <param name="chip">One of <see cref="BoardMap.Names"/>.</param>
    /// <returns>The parsed facts (cached).</returns>
    /// <exception cref="ArgumentException">No facts for that chip.</exception>
    public static ChipFacts Facts(string chip) => Cache.GetOrAdd(chip, c =>
    {
        using Stream? s = typeof(SimulatorModels).Assembly.GetManifestResourceStream($"registers/{c}/registers.txt")
            ?? throw new ArgumentException($"no register facts for '{c}' (boards/{c}/registers.txt)", nameof(chip));
        using var reader = new StreamReader(s);
        return ChipFacts.Parse(reader, $"boards/{c}/registers.txt");
    });

    /// <summary>The full register model of a chip.</summary>
    /// <param name="chip">One of <see cref="BoardMap.Names"/>.</param>
    /// <returns>A new model.</returns>
    public static RegisterModel ForChip(string chip) => FromFacts(Facts(chip));

    /// <summary>A simulator of a chip that behaves as its SVD says: reset values and bit access rules of every register.</summary>
    /// <param name="chip">One of <see cref="BoardMap.Names"/>.</param>
    /// <returns>A new simulator.</returns>
    public static RegisterSimulator CreateSimulator(string chip) => new(BoardMap.Get(chip), ForChip(chip));
}
