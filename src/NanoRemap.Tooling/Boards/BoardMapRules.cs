using System.Text.RegularExpressions;
using NanoRemap.Boards;
using NanoRemap.Facts;

namespace NanoRemap.Tooling.Boards;

/// <summary>
/// The register lines of a board.map (<c>ro</c>, <c>deny</c>, <c>protect</c>, <c>allow</c>) and the <c>owned</c>
/// blocks: each register takes the most specific line that matches it (most literal characters; an exact name
/// beats every wildcard), two equally specific lines over one register are an error, and every register of an
/// owned block must be classified by some line.
/// </summary>
public static partial class BoardMapParser
{
    // One register line before resolution. Kind None is an 'allow' line.
    private sealed record RuleLine(string Keyword, RegisterPolicy Kind, FactsPeripheral Periph, string Pattern, Regex Glob, int Specificity, uint Mask, string Owner, string Reason, int Line);

    /// <summary>
    /// Splits a line's comment into owner and reason: <c>owner=&lt;name&gt;[,&lt;name&gt;]: &lt;reason&gt;</c>, or no owner
    /// (empty) when the comment does not start with <c>owner=</c>. Every owner must be one of <see cref="BoardOwners.All"/>.
    /// </summary>
    private static (string Owner, string Reason) SplitOwner(string comment, Func<string, BoardMapException> err)
    {
        if (!comment.StartsWith("owner=", StringComparison.Ordinal))
        {
            return ("", comment);
        }

        Match m = OwnerPrefix().Match(comment);
        if (!m.Success)
        {
            throw err($"'{comment}': write the owner as 'owner=<name>: <reason> (<source>)'");
        }

        foreach (string o in m.Groups[1].Value.Split(','))
        {
            if (!BoardOwners.IsKnown(o))
            {
                throw err($"owner '{o}' is not one of {string.Join(", ", BoardOwners.All.Select(x => x.Name))}{Suggest(o, BoardOwners.All.Select(x => x.Name))}");
            }
        }

        return (m.Groups[1].Value, m.Groups[2].Value.Trim());
    }

    // A register line: PERIPH.PATTERN with '*' wildcards; the pattern must match some register.
    private static RuleLine RegisterLine(string keyword, RegisterPolicy kind, FactsPeripheral p, string pattern, uint mask, string owner, string reason, int line, Func<string, BoardMapException> err)
    {
        var glob = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*") + "$", RegexOptions.CultureInvariant);
        if (!p.Registers.Any(r => glob.IsMatch(r.Name)))
        {
            throw err($"'{p.Name}.{pattern}' matches no register of {p.Name}{Suggest(pattern, p.Registers.Select(r => r.Name))}");
        }

        return new RuleLine(keyword, kind, p, pattern, glob, pattern.Count(c => c != '*'), mask, owner, reason, line);
    }

    // Resolves the register lines into policy runs and per-register rules, then checks the owned blocks.
    private static void ResolveRules(BoardMapFile map, List<RuleLine> lines, List<BoardPolicy> policy)
    {
        string src = map.SourcePath;
        foreach (BoardOwned o in map.Owned)
        {
            if (map.Blocks.All(b => b.Name != o.Block || !b.Allowed))
            {
                throw new BoardMapException($"{src}:{o.Line}: owned {o.Block}: not an allowed block (a denied block is refused whole and needs no owned line)");
            }
        }

        foreach (RuleLine l in lines.Where(x => x.Kind == RegisterPolicy.None))
        {
            if (map.OwnedBlock(l.Periph.Name) == null)
            {
                throw new BoardMapException($"{src}:{l.Line}: allow {l.Periph.Name}.{l.Pattern}: {l.Periph.Name} is not owned (a register of a block that is not owned is allowed unless a line says otherwise)");
            }
        }

        foreach (var group in lines.GroupBy(l => l.Periph.Name))
        {
            FactsPeripheral p = group.First().Periph;
            var regs = p.Registers.OrderBy(r => r.Address).ToList();
            var winners = new RuleLine?[regs.Count];
            for (int k = 0; k < regs.Count; k++)
            {
                var matches = group.Where(l => l.Glob.IsMatch(regs[k].Name)).OrderByDescending(l => l.Specificity).ThenBy(l => l.Line).ToList();
                if (matches.Count == 0)
                {
                    continue;
                }

                if (matches.Count > 1 && matches[1].Specificity == matches[0].Specificity)
                {
                    throw new BoardMapException($"{src}:{matches[1].Line}: {matches[1].Keyword} {p.Name}.{matches[1].Pattern} overlaps line {matches[0].Line} ({matches[0].Keyword} {p.Name}.{matches[0].Pattern}) on {regs[k].FullName}: make one of them more specific");
                }

                RuleLine w = matches[0];
                winners[k] = w;
                map.Rules.Add(new BoardRule(regs[k], w.Kind, w.Mask, w.Owner, w.Reason, w.Line));
            }

            for (int k = 0; k < regs.Count; k++)
            {
                RuleLine? w = winners[k];
                if (w == null || w.Kind == RegisterPolicy.None)
                {
                    continue;
                }

                if (w.Kind == RegisterPolicy.Protect)
                {
                    policy.Add(new BoardPolicy(regs[k].Address, 4, RegisterPolicy.Protect, w.Mask, regs[k].FullName, w.Line));
                    continue;
                }

                // A run of registers this line classifies with no other register of the peripheral between them.
                int first = k;
                while (k + 1 < regs.Count && winners[k + 1] == w)
                {
                    k++;
                }

                string runName = k == first ? regs[first].FullName : $"{regs[first].FullName}..{regs[k].Name}";
                policy.Add(new BoardPolicy(regs[first].Address, regs[k].Address + 4 - regs[first].Address, w.Kind, 0, runName, w.Line));
            }
        }

        var classified = map.Rules.Select(r => r.Register).ToHashSet();
        foreach (BoardOwned o in map.Owned)
        {
            FactsPeripheral p = map.Facts.FindPeripheral(o.Block)!;
            var open = p.Registers.Where(r => !classified.Contains(r)).Select(r => r.Name).ToList();
            if (open.Count > 0)
            {
                throw new BoardMapException($"{src}:{o.Line}: owned {o.Block}: {open.Count} register(s) no line classifies ({string.Join(", ", open.Take(5))}{(open.Count > 5 ? ", ..." : "")}): add ro, deny, protect or allow lines (e.g. 'ro {o.Block}.*')");
            }
        }

        map.Rules.Sort((a, b) => a.Register.Address.CompareTo(b.Register.Address));
        DenyHoles(map, policy);
    }

    // In an owned block, a word that no register or range of the facts describes (of any peripheral: a skipped one
    // may share the page) and no run covers is undocumented hardware of the owner: denied, so that every word of
    // an owned block is classified.
    private static void DenyHoles(BoardMapFile map, List<BoardPolicy> policy)
    {
        foreach (BoardOwned o in map.Owned)
        {
            BoardBlock block = map.Blocks.First(b => b.Name == o.Block);
            ulong end = (ulong)block.Base + block.Size;
            var known = new HashSet<uint>(map.Facts.Registers.Where(r => r.Address - block.Base < block.Size).Select(r => r.Address & ~3u));
            var ranges = map.Facts.Ranges.Where(g => g.Address < end && (ulong)g.Address + g.Bytes > block.Base).ToList();
            var runs = policy.Where(p => p.Address - block.Base < block.Size).ToList();
            bool Covered(uint a) => known.Contains(a)
                || ranges.Any(g => a - g.Address < g.Bytes)
                || runs.Any(p => a - p.Address < p.Size);
            for (ulong a = block.Base; a < end; a += 4)
            {
                if (Covered((uint)a))
                {
                    continue;
                }

                ulong first = a;
                while (a + 4 < end && !Covered((uint)(a + 4)) && a + 4 - first < 0xFFFF - 3)
                {
                    a += 4;
                }

                policy.Add(new BoardPolicy((uint)first, (uint)(a + 4 - first), RegisterPolicy.Deny, 0, $"{o.Block}+0x{first - block.Base:X}..0x{a + 4 - block.Base:X} (no register)", o.Line));
            }
        }
    }

    [GeneratedRegex("^owner=([a-z][a-z0-9-]*(?:,[a-z][a-z0-9-]*)*)\\s*:\\s*(\\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnerPrefix();
}
