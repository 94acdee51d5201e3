using NanoRemap.Facts;

namespace NanoRemap.Tooling.Idf;

/// <summary>
/// Carries ESP-IDF's names and access kinds into the facts: each register with an IDF register at its address
/// gets <c>idf=</c> (its IDF name); each field gets <c>idf=</c> when an IDF field has exactly its bits, and
/// <c>idfaccess=</c> plus the flags of IDF's kind (<c>sc</c>, <c>ss</c>, <c>wt</c>, <c>w1s</c>, <c>w1c</c>, <c>cor</c>)
/// when an IDF field covers its bits.
/// </summary>
public static class IdfAnnotator
{
    /// <summary>A copy of the facts with ESP-IDF's names and kinds.</summary>
    /// <param name="facts">The facts from the SVD and patches.</param>
    /// <param name="idf">The chip's IDF registers.</param>
    /// <param name="instances">The instances lines of idf-reviewed.txt (or null).</param>
    /// <returns>The annotated copy.</returns>
    public static ChipFacts Annotate(ChipFacts facts, IReadOnlyList<IdfRegister> idf, IReadOnlyDictionary<string, HashSet<int>>? instances)
    {
        IdfCrossCheck cmp = IdfCrossCheck.Compare(facts, idf, instances);
        var copy = new ChipFacts(facts.Chip);
        foreach (string h in facts.Header)
        {
            copy.Header.Add(h);
        }

        foreach (FactsPeripheral p in facts.Peripherals)
        {
            FactsPeripheral cp = copy.AddPeripheral(p.Name, p.Base, p.Size);
            int ri = 0;
            int gi = 0;
            while (ri < p.Registers.Count || gi < p.Ranges.Count)
            {
                if (gi < p.Ranges.Count && (ri >= p.Registers.Count || p.Ranges[gi].Address < p.Registers[ri].Address))
                {
                    FactsRange g = p.Ranges[gi++];
                    copy.AddRange(cp, g.Name, g.Address, g.Bytes, g.Access, g.Elements);
                    continue;
                }

                FactsRegister r = p.Registers[ri++];
                FactsRegister cr = copy.AddRegister(cp, r.Name, r.Address, r.Access, r.Reset, r.SizeBits, r.ClearOnRead);
                cmp.Matches.TryGetValue(r, out IdfRegister? ir);
                cr.SetProvenance(ir?.Name, r.Patched);

                // A register with REG_W1TS / REG_W1TC aliases (GPIO.OUT, GPIO.ENABLE1): IDF marks its bits SC / WTC / WTS
                // because the aliases set and clear them (gpio_reg.h GPIO_OUT_DATA_ORIG: R/W/SC/WTC); the register
                // itself is plain R/W, and the simulator already models the aliases.
                bool aliased = p.Registers.Any(x => x.Name == r.Name + "_W1TS" || x.Name == r.Name + "_W1TC");

                // The GPIO matrix's output selection (C5/C6/H2 gpio_reg.h GPIO_FUNCn_OUT_SEL: R/W/SC, default 128): the
                // selection stays as written (ESP-IDF writes it once and relies on it: hal/gpio_ll.h
                // gpio_ll_set_output_signal / esp_rom_gpio_connect_out_signal), so IDF's SC is not a self-clearing bit.
                bool outSel = p.Name == "GPIO" && r.Name.StartsWith("FUNC", StringComparison.Ordinal) && r.Name.EndsWith("_OUT_SEL_CFG", StringComparison.Ordinal);
                FactsKinds aliasKinds = FactsKinds.WriteOneToClear | FactsKinds.SelfClearing | FactsKinds.WriteOneToSet;
                foreach (FactsField f in r.Fields)
                {
                    int hi = f.Lsb + f.Width - 1;
                    IdfField? exact = ir?.Fields.FirstOrDefault(x => x.Lsb == f.Lsb && x.Width == f.Width);
                    IdfField? cover = exact ?? ir?.Fields.FirstOrDefault(x => x.Lsb <= f.Lsb && x.Msb >= hi);
                    FactsKinds idfKinds = cover != null ? IdfAccessKinds.Kinds(cover.Access) : FactsKinds.None;
                    FactsKinds kinds = f.Kinds | (aliased ? idfKinds & ~aliasKinds : outSel ? idfKinds & ~FactsKinds.SelfClearing : idfKinds);
                    copy.AddField(cr, f.Name, f.Lsb, f.Width, f.Access, kinds, exact?.Name, cover?.Access, f.Patched);
                }
            }
        }

        return copy;
    }
}
