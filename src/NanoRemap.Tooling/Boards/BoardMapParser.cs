using System.Globalization;
using System.Text.RegularExpressions;
using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.IO;
using NanoRemap.Tooling.Generated;

namespace NanoRemap.Tooling.Boards;

/// <summary>A board.map that cannot be used, with the file, line and element at fault.</summary>
public sealed class BoardMapException(string message) : Exception(message);

/// <summary>
/// Parses the board policy (boards/&lt;chip&gt;/board.map, format in boards/README.md) and resolves it against
/// the chip's register facts: block bases and sizes, register addresses and field masks come from the facts;
/// the policy says which peripherals are blocks (allowed or denied), which registers are read-only, denied or
/// protected, the FIFO and DPORT quirks and the peripheral clocks. Every policy line carries a reason.
/// </summary>
public static partial class BoardMapParser
{
    /// <summary>The largest span a block gets: one 4 KiB page (the IDF headers give no sizes; the SVD gives the register span).</summary>
    public const uint Page = 0x1000;

    /// <summary>Reads and parses a board.map file against its chip's facts.</summary>
    /// <param name="path">Path of the policy file.</param>
    /// <param name="facts">The chip's register facts.</param>
    /// <returns>The resolved board.</returns>
    /// <exception cref="BoardMapException">A malformed or inconsistent line.</exception>
    public static BoardMapFile ParseFile(string path, ChipFacts facts)
    {
        string text;
        try
        {
            text = BoundedReader.ReadAllText(path, MaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BoardMapException($"{path}: {e.Message}");
        }

        return Parse(text, path, facts);
    }

    /// <summary>The largest board.map read (1 MiB; the committed ones are under 16 KiB).</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Parses board.map text against the chip's facts.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="sourcePath">The name to use in messages.</param>
    /// <param name="facts">The chip's register facts.</param>
    /// <returns>The resolved board.</returns>
    /// <exception cref="BoardMapException">A malformed or inconsistent line: the message names file, line and element.</exception>
    public static BoardMapFile Parse(string text, string sourcePath, ChipFacts facts)
    {
        var map = new BoardMapFile { SourcePath = sourcePath, Facts = facts };
        var mapped = new List<(FactsPeripheral P, bool Allowed, int Line)>();
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        var policy = new List<BoardPolicy>();
        var fifoLines = new List<(string[] F, int Line)>();
        var rules = new List<RuleLine>();
        int gpioLine = 0;
        int busLine = 0;
        int dportLine = 0;
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i];
            int hash = line.IndexOf('#');
            string reason = hash >= 0 ? line[(hash + 1)..].Trim() : "";
            if (hash >= 0)
            {
                line = line[..hash];
            }

            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0)
            {
                continue;
            }

            BoardMapException Err(string msg) => new($"{sourcePath}:{lineNo}: {msg}");
            void Arity(int n)
            {
                if (f.Length != n)
                {
                    throw Err($"'{f[0]}' takes {n - 1} fields, found {f.Length - 1}");
                }
            }

            void Reason()
            {
                if (reason.Length == 0)
                {
                    throw Err($"'{f[0]} {(f.Length > 1 ? f[1] : "")}' needs a reason: end the line with '# <why> (<source>)'");
                }
            }

            uint Num(string s, string element)
            {
                bool ok = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v)
                    : uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v);
                return ok ? v : throw Err($"{element} '{s}' is not a 32-bit number (decimal or 0x hex)");
            }

            FactsPeripheral Periph(string name)
            {
                return facts.FindPeripheral(name) ?? throw Err($"'{name}' is no peripheral of {facts.Chip}'s facts{Suggest(name, facts.Peripherals.Select(p => p.Name))}");
            }

            FactsRegister Register(string fullName)
            {
                int dot = fullName.IndexOf('.');
                if (dot <= 0)
                {
                    throw Err($"'{fullName}' is not PERIPH.REGISTER");
                }

                FactsPeripheral p = Periph(fullName[..dot]);
                return facts.FindRegister(fullName) ?? throw Err($"'{fullName}' is no register of {p.Name}{Suggest(fullName[(dot + 1)..], p.Registers.Select(r => r.Name))}");
            }

            void Name(string what)
            {
                if (named.TryGetValue(what, out int prev))
                {
                    throw Err($"peripheral {what} is already named on line {prev}");
                }

                named[what] = lineNo;
            }

            switch (f[0])
            {
                case "chip":
                    Arity(2);
                    if (f[1] != facts.Chip)
                    {
                        throw Err($"chip '{f[1]}' but the facts are of '{facts.Chip}'");
                    }

                    map.Chip = f[1];
                    break;
                case "bus":
                    Arity(3);
                    Reason();
                    if (busLine != 0)
                    {
                        throw Err($"a second 'bus' line (the first is line {busLine})");
                    }

                    busLine = lineNo;
                    map.BusBase = Num(f[1], "bus base");
                    map.BusSize = Num(f[2], "bus size");
                    if (map.BusSize == 0 || (ulong)map.BusBase + map.BusSize > 0x1_0000_0000UL)
                    {
                        throw Err($"bus 0x{map.BusBase:X8} +0x{map.BusSize:X}: empty, or runs past 4 GiB");
                    }

                    break;
                case "dport":
                    Arity(3);
                    Reason();
                    if (dportLine != 0)
                    {
                        throw Err($"a second 'dport' line (the first is line {dportLine})");
                    }

                    dportLine = lineNo;
                    map.HasDport = true;
                    map.DportFirst = Num(f[1], "DPORT first");
                    map.DportLast = Num(f[2], "DPORT last");
                    break;
                case "fifo":
                    Reason();
                    if (f.Length != 2 && f.Length != 3)
                    {
                        throw Err("'fifo' takes PERIPH.REGISTER, or an address and a name");
                    }

                    if (f.Length == 2)
                    {
                        FactsRegister r = Register(f[1]);
                        map.Fifos.Add(new BoardFifo(r.Address, f[1].Replace('.', '_'), lineNo));
                    }
                    else
                    {
                        // The name is copied into the generated C and C#: a C identifier, nothing else.
                        if (!GeneratedText.IsCIdentifier(f[2]))
                        {
                            throw Err($"fifo name '{GeneratedText.Visible(f[2])}' is not a C identifier (a letter or '_', then letters, digits or '_')");
                        }

                        map.Fifos.Add(new BoardFifo(Num(f[1], "FIFO address"), f[2], lineNo));
                    }

                    break;
                case "gpio":
                    Arity(2);
                    map.GpioBlock = f[1];
                    gpioLine = lineNo;
                    break;
                case "map":
                    Arity(3);
                    Reason();
                    Name(f[1]);
                    bool allowed = f[2] switch
                    {
                        "allow" => true,
                        "deny" => false,
                        _ => throw Err($"map {f[1]}: access must be allow or deny, not '{f[2]}'"),
                    };
                    SplitOwner(reason, Err);
                    mapped.Add((Periph(f[1]), allowed, lineNo));
                    break;
                case "skip":
                    Arity(2);
                    Reason();
                    Periph(f[1]);
                    Name(f[1]);
                    break;
                case "ro":
                case "deny":
                case "allow":
                {
                    Arity(2);
                    Reason();
                    var kind = f[0] == "ro" ? RegisterPolicy.ReadOnly : f[0] == "deny" ? RegisterPolicy.Deny : RegisterPolicy.None;
                    int dot = f[1].IndexOf('.');
                    if (dot <= 0)
                    {
                        throw Err($"'{f[1]}' is not PERIPH.REGISTER (the register may use '*' wildcards)");
                    }

                    var (owner, why) = SplitOwner(reason, Err);
                    rules.Add(RegisterLine(f[0], kind, Periph(f[1][..dot]), f[1][(dot + 1)..], 0, owner, why, lineNo, Err));
                    break;
                }

                case "protect":
                {
                    Arity(3);
                    Reason();
                    FactsRegister r = Register(f[1]);
                    uint mask = 0;
                    foreach (string part in f[2].Split(','))
                    {
                        if (part.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
                        {
                            mask |= Num(part, "mask");
                        }
                        else
                        {
                            FactsField field = r.FindField(part) ?? throw Err($"protect {r.FullName}: '{part}' is no field of it{Suggest(part, r.Fields.Select(x => x.Name))}");
                            mask |= field.Mask;
                        }
                    }

                    if (mask == 0)
                    {
                        throw Err($"protect {r.FullName}: the mask is empty");
                    }

                    var (owner, why) = SplitOwner(reason, Err);
                    rules.Add(RegisterLine("protect", RegisterPolicy.Protect, r.Peripheral, r.Name, mask, owner, why, lineNo, Err));
                    break;
                }

                case "owned":
                {
                    Arity(2);
                    Reason();
                    var (owner, why) = SplitOwner(reason, Err);
                    if (owner.Length == 0)
                    {
                        throw Err($"owned {f[1]}: name the owner: '# owner=<name>: <reason> (<source>)'");
                    }

                    Periph(f[1]);
                    if (map.OwnedBlock(f[1]) is { } prev)
                    {
                        throw Err($"owned {f[1]} is already on line {prev.Line}");
                    }

                    map.Owned.Add(new BoardOwned(f[1], owner, why, lineNo));
                    break;
                }

                case "clock":
                {
                    Arity(5);
                    Reason();
                    FactsField Field(string fullName)
                    {
                        int last = fullName.LastIndexOf('.');
                        if (last <= 0)
                        {
                            throw Err($"'{fullName}' is not PERIPH.REGISTER.FIELD");
                        }

                        FactsRegister r = Register(fullName[..last]);
                        return r.FindField(fullName[(last + 1)..]) ?? throw Err($"'{fullName}' is no field of {r.FullName}{Suggest(fullName[(last + 1)..], r.Fields.Select(x => x.Name))}");
                    }

                    FactsField en = Field(f[2]);
                    FactsField rst = Field(f[3]);
                    if (!Regex.IsMatch(f[4], "^[A-Za-z_][A-Za-z0-9_]*$"))
                    {
                        throw Err($"clock {f[1]}: '{f[4]}' is not an ESP-IDF symbol (periph_module_t)");
                    }

                    if (map.Clocks.Any(c => c.Name == f[1]))
                    {
                        throw Err($"clock {f[1]} is listed twice");
                    }

                    map.Clocks.Add(new BoardClock(f[1], en.Register.Address, en.Mask, rst.Register.Address, rst.Mask, f[4], en.FullName, rst.FullName, lineNo));
                    break;
                }

                default:
                    throw Err($"unknown keyword '{f[0]}' (chip, bus, dport, fifo, gpio, map, skip, owned, ro, deny, protect, allow, clock)");
            }
        }

        string src = sourcePath;
        if (map.Chip.Length == 0 || map.BusSize == 0)
        {
            throw new BoardMapException($"{src}: 'chip' and 'bus' lines are required");
        }

        foreach (var p in facts.Peripherals)
        {
            if (!named.ContainsKey(p.Name))
            {
                throw new BoardMapException($"{src}: peripheral {p.Name} of the facts is neither mapped nor skipped: add 'map {p.Name} allow|deny  # reason' or 'skip {p.Name}  # reason'");
            }
        }

        ResolveBlocks(map, mapped);
        if (map.Blocks.All(b => b.Name != map.GpioBlock))
        {
            throw new BoardMapException($"{src}:{gpioLine}: gpio {map.GpioBlock} is not a mapped block");
        }

        ResolveRules(map, rules, policy);
        ResolvePolicy(map, policy);

        foreach (var c in map.Clocks)
        {
            if (map.Blocks.All(b => b.Name != c.Name || !b.Allowed))
            {
                throw new BoardMapException($"{src}:{c.Line}: clock {c.Name} is not an allowed block");
            }

            // The clock and reset of a block the firmware owns are the firmware's (ESP-IDF's watchdog and timer code
            // gates and resets them directly, not through the reference count).
            if (map.OwnedBlock(c.Name) is { } owned)
            {
                throw new BoardMapException($"{src}:{c.Line}: clock {c.Name}: the block is owned ({owned.Owner}, line {owned.Line}); its clock and reset are the firmware's");
            }

            // The clock call drives its bits outside the register checks (IDF's periph_module_*, the C5's RCC bits,
            // the simulator): none of them may be a bit the policy protects, denies or makes read-only.
            foreach (var (register, mask, name) in new[] { (c.EnableRegister, c.EnableMask, c.EnableName), (c.ResetRegister, c.ResetMask, c.ResetName) })
            {
                BoardPolicy? p = map.Policy.FirstOrDefault(x => register - x.Address < x.Size);
                if (p == null || (p.Kind == RegisterPolicy.Protect && (p.Mask & mask) == 0))
                {
                    continue;
                }

                string what = p.Kind switch
                {
                    RegisterPolicy.Protect => "protected",
                    RegisterPolicy.Deny => "denied",
                    _ => "read-only",
                };
                throw new BoardMapException($"{src}:{c.Line}: clock {c.Name}: {name} is {what} by line {p.Line} ({p.Name}); a clock may not drive a policy bit");
            }
        }

        ResolveRegisters(map);
        foreach (var fifo in map.Fifos)
        {
            var block = map.Blocks.FirstOrDefault(b => fifo.Address - b.Base < b.Size);
            if ((fifo.Address & 3) != 0 || block == null)
            {
                throw new BoardMapException($"{src}:{fifo.Line}: FIFO {fifo.Name} is not a word in any block");
            }

            if (map.Fifos.Any(o => o != fifo && o.Address - block.Base < block.Size))
            {
                throw new BoardMapException($"{src}:{fifo.Line}: block {block.Name} has more than one FIFO register");
            }
        }

        if (map.HasDport && (map.DportFirst > map.DportLast || (map.DportFirst & 3) != 0 || (map.DportLast & 3) != 0))
        {
            throw new BoardMapException($"{src}:{dportLine}: 'dport' needs first <= last, both word-aligned");
        }

        if (map.HasDport && (map.DportFirst < map.BusBase || (ulong)map.DportLast + 4 > (ulong)map.BusBase + map.BusSize))
        {
            throw new BoardMapException($"{src}:{dportLine}: 'dport' 0x{map.DportFirst:X8}..0x{map.DportLast:X8} is not inside the bus window 0x{map.BusBase:X8} +0x{map.BusSize:X}");
        }

        // REG_W1TS / REG_W1TC write REG's bits with one store that the checks see as a write of the alias (no old value
        // of REG is read): a policy on REG must make each alias read-only or denied too, or the alias bypasses it.
        foreach (var p in policy.OrderBy(x => x.Line))
        {
            foreach (FactsRegister r in facts.Registers.Where(x => x.Address - p.Address < p.Size))
            {
                foreach (string suffix in new[] { "_W1TS", "_W1TC" })
                {
                    FactsRegister? alias = facts.FindRegister(r.FullName + suffix);
                    if (alias != null && !map.Policy.Any(x => alias.Address - x.Address < x.Size && x.Kind != RegisterPolicy.Protect))
                    {
                        throw new BoardMapException($"{src}:{p.Line}: {Keyword(p.Kind)} {r.FullName}: its alias {alias.FullName} writes it unchecked; make the alias ro or deny too (e.g. '{r.FullName}*')");
                    }
                }
            }
        }

        try
        {
            map.ToBoardMap();
        }
        catch (ArgumentException e)
        {
            throw new BoardMapException($"{src}: {e.Message}");
        }

        return map;
    }

    // Block base from the facts; the block ends at the next 4 KiB boundary after its registers, or earlier at the
    // next mapped block (the RTC sub-blocks are 0x400 apart), never past the bus window.
    private static void ResolveBlocks(BoardMapFile map, List<(FactsPeripheral P, bool Allowed, int Line)> mapped)
    {
        string src = map.SourcePath;
        ulong busEnd = (ulong)map.BusBase + map.BusSize;
        var sorted = mapped.OrderBy(m => m.P.Base).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            var (p, allowed, line) = sorted[i];
            if (i + 1 < sorted.Count && sorted[i + 1].P.Base == p.Base)
            {
                throw new BoardMapException($"{src}:{sorted[i + 1].Line}: {sorted[i + 1].P.Name} has the base of {p.Name} (0x{p.Base:X8}): skip one of them");
            }

            ulong span = Math.Max(p.Size, 4u);
            foreach (var r in p.Registers)
            {
                span = Math.Max(span, (ulong)r.Address + 4 - p.Base);
            }

            ulong end = ((p.Base + span) + Page - 1) & ~(ulong)(Page - 1);
            if (i + 1 < sorted.Count)
            {
                end = Math.Min(end, sorted[i + 1].P.Base);
            }

            end = Math.Min(end, busEnd);
            if ((p.Base & 3) != 0 || p.Base < map.BusBase || end <= p.Base)
            {
                throw new BoardMapException($"{src}:{line}: block {p.Name} at 0x{p.Base:X8} is not a word-aligned block inside the bus window");
            }

            map.Blocks.Add(new BoardBlock(p.Name, p.Base, (uint)(end - p.Base), allowed, line));
        }
    }

    private static string Keyword(RegisterPolicy kind) =>
        kind == RegisterPolicy.ReadOnly ? "ro" : kind == RegisterPolicy.Deny ? "deny" : "protect";

    private static void ResolvePolicy(BoardMapFile map, List<BoardPolicy> policy)
    {
        string src = map.SourcePath;
        var sorted = policy.OrderBy(p => p.Address).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            var p = sorted[i];
            var block = map.Blocks.FirstOrDefault(b => p.Address - b.Base < b.Size);
            if (block == null || (ulong)p.Address + p.Size > (ulong)block.Base + block.Size)
            {
                throw new BoardMapException($"{src}:{p.Line}: {p.Name} is not inside a mapped block");
            }

            if (i > 0 && (ulong)sorted[i - 1].Address + sorted[i - 1].Size > p.Address)
            {
                throw new BoardMapException($"{src}:{p.Line}: {p.Name} overlaps {sorted[i - 1].Name} (line {sorted[i - 1].Line})");
            }

            if (p.Size > 0xFFFF)
            {
                throw new BoardMapException($"{src}:{p.Line}: {p.Name} spans more than 0xFFFF bytes");
            }
        }

        // Adjacent runs of one kind (ro or deny) from different lines merge: one table entry (IO_MUX.GPIO6..11).
        foreach (var p in sorted)
        {
            int last = map.Policy.Count - 1;
            if (last >= 0 && p.Kind != RegisterPolicy.Protect && map.Policy[last].Kind == p.Kind
                && map.Policy[last].Address + map.Policy[last].Size == p.Address
                && map.Policy[last].Size + p.Size <= 0xFFFF
                && map.Blocks.Any(b => b.Base <= map.Policy[last].Address && p.Address + p.Size <= (ulong)b.Base + b.Size))
            {
                map.Policy[last] = map.Policy[last] with { Size = map.Policy[last].Size + p.Size, Name = map.Policy[last].Name + "+" + p.Name };
                continue;
            }

            map.Policy.Add(p);
        }
    }

    // The device table names: in every mapped block the W1TS/W1TC aliases and their targets (derived from the
    // names: REG with REG_W1TS / REG_W1TC); in the GPIO block every register, arrays folded into PREFIX%sSUFFIX.
    private static void ResolveRegisters(BoardMapFile map)
    {
        foreach (var block in map.Blocks)
        {
            FactsPeripheral p = map.Facts.FindPeripheral(block.Name)!;
            var regs = p.Registers.OrderBy(r => r.Address).ToList();
            var list = new List<BoardRegister>();
            if (block.Name == map.GpioBlock)
            {
                for (int k = 0; k < regs.Count; k++)
                {
                    var m = IndexedName().Match(regs[k].Name);
                    int n = 1;
                    if (m.Success && m.Groups[2].Value == "0")
                    {
                        while (k + n < regs.Count && regs[k + n].Address == regs[k].Address + (4 * (uint)n)
                            && regs[k + n].Name == m.Groups[1].Value + n.ToString(CultureInfo.InvariantCulture) + m.Groups[3].Value)
                        {
                            n++;
                        }
                    }

                    if (n > 1)
                    {
                        list.Add(new BoardRegister(block.Name, m.Groups[1].Value + "%s" + m.Groups[3].Value, regs[k].Address - block.Base, n, Access(regs[k]), null));
                        k += n - 1;
                    }
                    else
                    {
                        list.Add(new BoardRegister(block.Name, regs[k].Name, regs[k].Address - block.Base, 1, Access(regs[k]), null));
                    }
                }
            }

            foreach (var r in regs)
            {
                foreach (var (suffix, kind) in new[] { ("_W1TS", RegisterAccess.W1ts), ("_W1TC", RegisterAccess.W1tc) })
                {
                    if (!r.Name.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    FactsRegister? target = p.FindRegister(r.Name[..^suffix.Length]);
                    if (target == null)
                    {
                        continue;
                    }

                    list.RemoveAll(x => x.Name == r.Name || x.Name == target.Name);
                    list.Add(new BoardRegister(block.Name, r.Name, r.Address - block.Base, 1, kind, target.Name) { TargetOffset = target.Address - block.Base });
                    list.Add(new BoardRegister(block.Name, target.Name, target.Address - block.Base, 1, RegisterAccess.ReadWrite, null));
                }
            }

            map.Registers.AddRange(list.GroupBy(x => x.Offset).Select(g => g.Last()).OrderBy(x => x.Offset));
        }
    }

    // The register's access; a register whose fields are all read-only (write-only) is read-only (write-only).
    private static RegisterAccess Access(FactsRegister r)
    {
        bool allRo = r.Fields.Count > 0 && r.Fields.All(f => f.Access == FactsAccess.ReadOnly);
        bool allWo = r.Fields.Count > 0 && r.Fields.All(f => f.Access is FactsAccess.WriteOnly or FactsAccess.WriteOnce);
        return r.Access switch
        {
            FactsAccess.ReadOnly => RegisterAccess.ReadOnly,
            FactsAccess.WriteOnly or FactsAccess.WriteOnce => RegisterAccess.WriteOnly,
            _ when allRo => RegisterAccess.ReadOnly,
            _ when allWo => RegisterAccess.WriteOnly,
            _ => RegisterAccess.ReadWrite,
        };
    }

    /// <summary>" (did you mean A, B?)" with the closest names, or "".</summary>
    /// <param name="name">The unknown name.</param>
    /// <param name="candidates">Known names.</param>
    /// <returns>The suggestion text.</returns>
    public static string Suggest(string name, IEnumerable<string> candidates)
    {
        var best = candidates.Select(c => (c, d: Distance(name, c))).OrderBy(x => x.d).ThenBy(x => x.c, StringComparer.Ordinal)
            .Where(x => x.d <= Math.Max(2, name.Length / 3)).Take(3).Select(x => x.c).ToList();
        return best.Count == 0 ? "" : $" (did you mean {string.Join(", ", best)}?)";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int prev = d[0];
            d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }

        return d[b.Length];
    }

    [GeneratedRegex("^([A-Za-z_]*?[A-Za-z_])(\\d+)([A-Za-z_].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexedName();
}
