using NanoRemap.Facts;

namespace NanoRemap.Tooling.Idf;

/// <summary>
/// Compares a chip's facts with ESP-IDF's register headers by address: per register the fields (bit ranges),
/// their access and the reset value. Function-like register macros (<c>UART_FIFO_REG(i)</c>) count for the
/// instances idf-reviewed.txt lists, else as <see cref="Compare"/> says; where several IDF
/// registers share an address (a header shared by SPI0 and SPI1, an alias) the one closest to the facts is compared.
/// </summary>
public sealed class IdfCrossCheck
{
    private IdfCrossCheck(Dictionary<FactsRegister, IdfRegister> matches, List<IdfDifference> differences)
    {
        Matches = matches;
        Differences = differences;
    }

    /// <summary>Each facts register with the IDF register at its address.</summary>
    public IReadOnlyDictionary<FactsRegister, IdfRegister> Matches { get; }

    /// <summary>Every disagreement, in facts order.</summary>
    public IReadOnlyList<IdfDifference> Differences { get; }

    /// <summary>Compares facts with IDF registers.</summary>
    /// <param name="facts">The chip's facts.</param>
    /// <param name="idf">The chip's IDF registers (<see cref="IdfHeaders.Read"/>).</param>
    /// <param name="instances">
    /// Per header file name, the instances of its function-like macros that are real (the <c>instances</c> lines of
    /// idf-reviewed.txt); a header not listed keeps an instance whose addresses are not those of an earlier
    /// instance and where at least half of the registers it shares with the facts agree fully.
    /// </param>
    /// <returns>The comparison.</returns>
    public static IdfCrossCheck Compare(ChipFacts facts, IReadOnlyList<IdfRegister> idf, IReadOnlyDictionary<string, HashSet<int>>? instances = null)
    {
        var byAddress = new Dictionary<uint, FactsRegister>();
        foreach (FactsRegister r in facts.Registers)
        {
            byAddress.TryAdd(r.Address, r);
        }

        var keep = new HashSet<(string File, int Instance)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in idf.Where(r => r.Instance >= 0).GroupBy(r => (r.File, r.Instance)).OrderBy(g => g.Key.File, StringComparer.Ordinal).ThenBy(g => g.Key.Instance))
        {
            string header = Path.GetFileName(g.Key.File);
            if (instances != null && instances.TryGetValue(header, out var listed))
            {
                if (listed.Contains(g.Key.Instance))
                {
                    keep.Add(g.Key);
                }

                continue;
            }

            // The same addresses for another instance (a macro that ignores i: "only one I2C on C6"): the first only.
            if (!seen.Add(g.Key.File + ":" + string.Join(",", g.Select(r => r.Address))))
            {
                continue;
            }

            var hits = g.Where(r => byAddress.ContainsKey(r.Address)).ToList();
            int agree = hits.Count(r => CompareRegister(byAddress[r.Address], r).Count == 0);
            if (hits.Count > 0 && agree * 2 >= hits.Count)
            {
                keep.Add(g.Key);
            }
        }

        var candidates = new Dictionary<FactsRegister, List<IdfRegister>>();
        foreach (IdfRegister r in idf)
        {
            if ((r.Instance < 0 || keep.Contains((r.File, r.Instance))) && byAddress.TryGetValue(r.Address, out FactsRegister? f))
            {
                if (!candidates.TryGetValue(f, out var list))
                {
                    candidates[f] = list = new List<IdfRegister>();
                }

                list.Add(r);
            }
        }

        var matches = new Dictionary<FactsRegister, IdfRegister>();
        var differences = new List<IdfDifference>();
        foreach (FactsRegister r in facts.Registers)
        {
            if (!candidates.TryGetValue(r, out var list))
            {
                continue;
            }

            IdfRegister best = list[0];
            List<IdfDifference> bestDiff = CompareRegister(r, best);
            for (int i = 1; i < list.Count && bestDiff.Count > 0; i++)
            {
                List<IdfDifference> d = CompareRegister(r, list[i]);
                if (d.Count < bestDiff.Count)
                {
                    best = list[i];
                    bestDiff = d;
                }
            }

            matches[r] = best;
            differences.AddRange(bestDiff);
        }

        return new IdfCrossCheck(matches, differences);
    }

    /// <summary>The disagreements between one facts register and one IDF register at its address.</summary>
    /// <param name="r">The facts register.</param>
    /// <param name="idf">The IDF register.</param>
    /// <returns>The disagreements.</returns>
    public static List<IdfDifference> CompareRegister(FactsRegister r, IdfRegister idf)
    {
        var d = new List<IdfDifference>();
        static bool Overlap(int lo1, int hi1, int lo2, int hi2) => lo1 <= hi2 && lo2 <= hi1;
        static string Bits(int lsb, int width) => width == 1 ? $"[{lsb}]" : $"[{lsb + width - 1}:{lsb}]";
        foreach (IdfField f in idf.Fields)
        {
            string cite = idf.File + ":" + f.Line;
            FactsField? exact = r.Fields.FirstOrDefault(x => x.Lsb == f.Lsb && x.Width == f.Width);
            if (exact != null)
            {
                if (!IdfAccessKinds.Agrees(exact.Access, f.Access))
                {
                    d.Add(new IdfDifference("access", exact.FullName, $"facts {FactsAccessNames.Token(exact.Access)}, IDF {f.Access} ({f.Name})", cite));
                }

                continue;
            }

            var o = r.Fields.Where(x => Overlap(x.Lsb, x.Lsb + x.Width - 1, f.Lsb, f.Msb)).ToList();
            string target = r.FullName + "." + f.Name;
            if (o.Count == 0)
            {
                d.Add(new IdfDifference("missing", target, $"IDF {f.Name} {Bits(f.Lsb, f.Width)} {f.Access}; no facts field there", cite));
            }
            else if (o.Count >= 2 && o.All(x => x.Lsb >= f.Lsb && x.Lsb + x.Width - 1 <= f.Msb))
            {
                d.Add(new IdfDifference("merged", target, $"IDF {f.Name} {Bits(f.Lsb, f.Width)} spans {string.Join(", ", o.Select(x => x.Name + Bits(x.Lsb, x.Width)))}", cite));
            }
            else if (o.Count == 1 && o[0].Lsb <= f.Lsb && o[0].Lsb + o[0].Width - 1 >= f.Msb
                && idf.Fields.Count(y => Overlap(y.Lsb, y.Msb, o[0].Lsb, o[0].Lsb + o[0].Width - 1)) >= 2
                && idf.Fields.Where(y => Overlap(y.Lsb, y.Msb, o[0].Lsb, o[0].Lsb + o[0].Width - 1)).All(y => y.Lsb >= o[0].Lsb && y.Msb <= o[0].Lsb + o[0].Width - 1))
            {
                // one facts field holding several IDF fields: reported once, as split, below
            }
            else
            {
                d.Add(new IdfDifference("range", target, $"IDF {f.Name} {Bits(f.Lsb, f.Width)}, facts {string.Join(", ", o.Select(x => x.Name + Bits(x.Lsb, x.Width)))}", cite));
            }
        }

        foreach (FactsField x in r.Fields)
        {
            int xhi = x.Lsb + x.Width - 1;
            if (idf.Fields.Any(f => f.Lsb == x.Lsb && f.Width == x.Width))
            {
                continue;
            }

            var p = idf.Fields.Where(f => Overlap(f.Lsb, f.Msb, x.Lsb, xhi)).ToList();
            if (p.Count == 0)
            {
                d.Add(new IdfDifference("extra", x.FullName, $"facts {x.Name} {Bits(x.Lsb, x.Width)}; IDF has no field there", idf.Citation));
            }
            else if (p.Count >= 2 && p.All(f => f.Lsb >= x.Lsb && f.Msb <= xhi))
            {
                d.Add(new IdfDifference("split", x.FullName, $"facts {x.Name} {Bits(x.Lsb, x.Width)} spans IDF {string.Join(", ", p.Select(f => f.Name + Bits(f.Lsb, f.Width)))}", idf.File + ":" + p[0].Line));
            }
        }

        uint mask = idf.DefaultMask & (r.SizeBits == 32 ? 0xFFFFFFFFu : (1u << r.SizeBits) - 1u);
        if ((r.Reset & mask) != (idf.Reset & mask))
        {
            d.Add(new IdfDifference("reset", r.FullName, $"facts 0x{r.Reset & mask:X8}, IDF 0x{idf.Reset & mask:X8} (bits 0x{mask:X8}, {idf.Name})", idf.Citation));
        }

        return d;
    }
}
