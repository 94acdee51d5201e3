using System.Collections.Concurrent;
using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Mmio;

namespace NanoRemap.Testing;

/// <summary>
/// The simulator's full register model of a chip, built on the host from its SVD facts
/// (boards/&lt;chip&gt;/registers.txt, embedded in this assembly): every register's reset value, read-only bits
/// (read-only fields and bits no field describes), write-1-to-clear, clear-on-read and write-only bits, the access
/// kinds the facts carry from ESP-IDF (self-clearing, write-trigger, write-1-to-set), the interrupt groups
/// (<see cref="InterruptGroups"/>) and the name of every register and field (for
/// <see cref="RegisterSimulator.Raise(string, string)"/> and the peripheral models).
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

            uint sc = 0, w1s = 0;
            foreach (FactsField f in r.Fields)
            {
                FieldKinds(f, out bool selfClearing, out bool writeTrigger, out bool writeOneToSet);
                if (selfClearing || writeTrigger)
                {
                    sc |= f.Mask;
                }

                if (writeTrigger)
                {
                    wo |= f.Mask; // IDF WT: a trigger reads 0
                }

                if (writeOneToSet)
                {
                    w1s |= f.Mask;
                }
            }

            model.Add(r.Address, r.Reset, ro & ~w1c & ~w1s, w1c, cor, wo, sc, w1s);
        }

        foreach (FactsRegister r in facts.Registers)
        {
            uint covered = 0;
            foreach (FactsField f in r.Fields)
            {
                covered |= f.Mask;
                model.AddName(f.FullName, r.Address, f.Mask);
            }

            model.AddName(r.FullName, r.Address, r.Fields.Count == 0 ? 0xFFFFFFFFu : covered);
        }

        foreach (InterruptGroup g in InterruptGroups(facts))
        {
            model.AddInterruptGroup(g.Peripheral, g.Raw.Address, g.Status?.Address ?? 0, g.Enable?.Address ?? 0, g.Clear?.Address ?? 0, g.ClearShift);
        }

        return model;
    }

    /// <summary>One interrupt group of a peripheral: <c>INT_RAW</c> and its siblings (null where the peripheral has none).</summary>
    /// <param name="Peripheral">The peripheral's name.</param>
    /// <param name="Raw">The raw register (<c>INT_RAW</c>, <c>INT_RAW_CH0</c>, <c>INTR_RAW</c>, ...).</param>
    /// <param name="Status">Its status register (<c>INT_ST</c>).</param>
    /// <param name="Enable">Its enable register (<c>INT_ENA</c>).</param>
    /// <param name="Clear">Its clear register (<c>INT_CLR</c>).</param>
    /// <param name="ClearShift">Bit of a field in <c>INT_CLR</c> minus its bit in <c>INT_RAW</c>, matched by name (0 but on the ESP32's <c>RTC_I2C</c>).</param>
    public sealed record InterruptGroup(string Peripheral, FactsRegister Raw, FactsRegister? Status, FactsRegister? Enable, FactsRegister? Clear, int ClearShift);

    /// <summary>
    /// The interrupt groups of a chip, found by the registers' names: a register whose name has the word <c>RAW</c>
    /// (<c>INT_RAW</c>, <c>INT_RAW_CH0</c>, <c>DMA_INT_RAW</c>, <c>INTR_RAW</c>, <c>_1INT_RAW</c>) with a sibling in the same
    /// peripheral whose name has <c>CLR</c> or <c>ENA</c> in its place; <c>ST</c> in its place is the status register.
    /// A group without <c>INT_CLR</c> is cleared by writing <c>INT_RAW</c> itself (where the facts say how).
    /// </summary>
    /// <param name="facts">A chip's facts.</param>
    /// <returns>The groups, in facts order.</returns>
    public static IReadOnlyList<InterruptGroup> InterruptGroups(ChipFacts facts)
    {
        var groups = new List<InterruptGroup>();
        foreach (FactsRegister r in facts.Registers)
        {
            string[] words = r.Name.Split('_');
            int raw = Array.IndexOf(words, "RAW");
            if (raw < 0)
            {
                continue;
            }

            FactsRegister? Sibling(string word)
            {
                string[] w = (string[])words.Clone();
                w[raw] = word;
                return r.Peripheral.FindRegister(string.Join("_", w));
            }

            FactsRegister? clear = Sibling("CLR"), enable = Sibling("ENA");
            if (clear != null || enable != null)
            {
                groups.Add(new InterruptGroup(r.Peripheral.Name, r, Sibling("ST"), enable, clear, clear == null ? 0 : ClearShift(r, clear)));
            }
        }

        return groups;
    }

    // The one bit distance between the fields of INT_RAW and INT_CLR of the same name (X_INT_RAW, X_INT_CLR); 0 when no
    // names match. Fields that disagree among themselves are an error: the simulator could not clear them right.
    private static int ClearShift(FactsRegister raw, FactsRegister clear)
    {
        int? shift = null;
        foreach (FactsField f in raw.Fields)
        {
            string stem = f.Name.EndsWith("_RAW", StringComparison.Ordinal) ? f.Name[..^4] : f.Name;
            FactsField? twin = clear.FindField(stem + "_CLR");
            if (twin == null)
            {
                continue;
            }

            int d = twin.Lsb - f.Lsb;
            if (shift != null && shift != d)
            {
                throw new InvalidOperationException($"{clear.FullName}: field {twin.Name} is {d} bits from {f.FullName}, others {shift}: the interrupt group's clear bits do not follow one rule");
            }

            shift = d;
        }

        return shift ?? 0;
    }

    // The access kinds ESP-IDF adds to a field (issue 13: `sc`, `wt`, `w1s` on the facts' field lines).
    private static void FieldKinds(FactsField f, out bool selfClearing, out bool writeTrigger, out bool writeOneToSet)
    {
        selfClearing = f.SelfClearing;
        writeTrigger = f.WriteTrigger;
        writeOneToSet = f.WriteOneToSet;
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
