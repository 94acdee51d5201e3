using System.Globalization;
using NanoRemap.Boards;

namespace NanoRemap.Tooling.Boards;

/// <summary>A board.map that cannot be used, with the file and line at fault.</summary>
public sealed class BoardMapException(string message) : Exception(message);

/// <summary>
/// Parses the board.map line format documented in boards/README.md and checks it: sorted, non-overlapping
/// blocks inside the bus window, registers inside their block and not overlapping, aliases that name a
/// plain register of the same block, FIFO registers inside a block.
/// </summary>
public static class BoardMapParser
{
    /// <summary>Reads and parses a board.map file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>The checked map.</returns>
    /// <exception cref="BoardMapException">A malformed or inconsistent line.</exception>
    public static BoardMapFile ParseFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses board.map text.</summary>
    /// <param name="text">The file contents.</param>
    /// <param name="sourcePath">The name to use in messages.</param>
    /// <returns>The checked map.</returns>
    /// <exception cref="BoardMapException">A malformed or inconsistent line.</exception>
    public static BoardMapFile Parse(string text, string sourcePath)
    {
        var map = new BoardMapFile { SourcePath = sourcePath };
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i];
            int hash = line.IndexOf('#');
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

            uint Num(string s)
            {
                bool ok = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? uint.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v)
                    : uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out v);
                return ok ? v : throw Err($"'{s}' is not a 32-bit number (decimal or 0x hex)");
            }

            switch (f[0])
            {
                case "chip":
                    Arity(2);
                    map.Chip = f[1];
                    break;
                case "bus":
                    Arity(3);
                    map.BusBase = Num(f[1]);
                    map.BusSize = Num(f[2]);
                    break;
                case "dport":
                    Arity(3);
                    map.HasDport = true;
                    map.DportFirst = Num(f[1]);
                    map.DportLast = Num(f[2]);
                    break;
                case "fifo":
                    Arity(3);
                    map.Fifos.Add(new BoardFifo(Num(f[1]), f[2], lineNo));
                    break;
                case "gpio":
                    Arity(2);
                    map.GpioBlock = f[1];
                    break;
                case "block":
                    Arity(5);
                    bool allowed = f[4] switch
                    {
                        "allow" => true,
                        "deny" => false,
                        _ => throw Err($"block access must be allow or deny, not '{f[4]}'"),
                    };
                    map.Blocks.Add(new BoardBlock(f[1], Num(f[2]), Num(f[3]), allowed, lineNo));
                    break;
                case "reg":
                    if (f.Length == 6 && (f[4] == "w1ts" || f[4] == "w1tc"))
                    {
                        map.Registers.Add(new BoardRegister(f[1], f[2], Num(f[3]), 1,
                            f[4] == "w1ts" ? RegisterAccess.W1ts : RegisterAccess.W1tc, f[5], lineNo));
                    }
                    else
                    {
                        Arity(5);
                        map.Registers.Add(new BoardRegister(f[1], f[2], Num(f[3]), 1, Plain(f[4], Err), null, lineNo));
                    }

                    break;
                case "regs":
                    Arity(6);
                    uint count = Num(f[4]);
                    if (count < 1 || count > 4096)
                    {
                        throw Err("a register array has 1 .. 4096 elements");
                    }

                    map.Registers.Add(new BoardRegister(f[1], f[2], Num(f[3]), (int)count, Plain(f[5], Err), null, lineNo));
                    break;
                case "gap":
                    Arity(4);
                    uint size = Num(f[3]);
                    if (size == 0 || (size & 3) != 0)
                    {
                        throw Err("a gap size is a non-zero multiple of 4");
                    }

                    map.Registers.Add(new BoardRegister(f[1], "RESERVED", Num(f[2]), (int)(size / 4), RegisterAccess.Reserved, null, lineNo));
                    break;
                default:
                    throw Err($"unknown keyword '{f[0]}' (chip, bus, dport, fifo, gpio, block, reg, regs, gap)");
            }
        }

        Validate(map);
        return map;
    }

    private static RegisterAccess Plain(string s, Func<string, BoardMapException> err) => s switch
    {
        "rw" => RegisterAccess.ReadWrite,
        "ro" => RegisterAccess.ReadOnly,
        "wo" => RegisterAccess.WriteOnly,
        _ => throw err($"register access must be rw, ro, wo, or w1ts/w1tc TARGET, not '{s}'"),
    };

    private static void Validate(BoardMapFile map)
    {
        string p = map.SourcePath;
        if (map.Chip.Length == 0 || map.BusSize == 0)
        {
            throw new BoardMapException($"{p}: 'chip' and 'bus' lines are required");
        }

        if (map.Blocks.Count == 0)
        {
            throw new BoardMapException($"{p}: no 'block' lines");
        }

        ulong busEnd = (ulong)map.BusBase + map.BusSize;
        var seen = new HashSet<string>();
        foreach (var b in map.Blocks)
        {
            if (!seen.Add(b.Name))
            {
                throw new BoardMapException($"{p}:{b.Line}: block {b.Name} is listed twice");
            }

            if ((b.Base & 3) != 0 || b.Size == 0 || (b.Size & 3) != 0 || b.Base < map.BusBase || (ulong)b.Base + b.Size > busEnd)
            {
                throw new BoardMapException($"{p}:{b.Line}: block {b.Name} must be word-aligned, non-empty and inside the bus window");
            }
        }

        var sorted = map.SortedBlocks;
        for (int i = 1; i < sorted.Count; i++)
        {
            if ((ulong)sorted[i - 1].Base + sorted[i - 1].Size > sorted[i].Base)
            {
                throw new BoardMapException($"{p}:{sorted[i].Line}: block {sorted[i].Name} overlaps {sorted[i - 1].Name}");
            }
        }

        if (map.Blocks.All(b => b.Name != map.GpioBlock))
        {
            throw new BoardMapException($"{p}: 'gpio' must name one of the blocks");
        }

        foreach (var group in map.Registers.GroupBy(r => r.Block))
        {
            var block = map.Blocks.FirstOrDefault(b => b.Name == group.Key)
                ?? throw new BoardMapException($"{p}:{group.First().Line}: no block named {group.Key}");
            var regs = group.OrderBy(r => r.Offset).ToList();
            for (int i = 0; i < regs.Count; i++)
            {
                var r = regs[i];
                ulong end = (ulong)r.Offset + ((ulong)r.Count * 4);
                if ((r.Offset & 3) != 0 || end > block.Size)
                {
                    throw new BoardMapException($"{p}:{r.Line}: register {r.Name} must be word-aligned and inside block {block.Name}");
                }

                if (i > 0 && (ulong)regs[i - 1].Offset + ((ulong)regs[i - 1].Count * 4) > r.Offset)
                {
                    throw new BoardMapException($"{p}:{r.Line}: register {r.Name} overlaps {regs[i - 1].Name}");
                }

                if (r.TargetName != null)
                {
                    var target = regs.FirstOrDefault(t => t.Name == r.TargetName && t.Count == 1);
                    if (target == null || target.Access != RegisterAccess.ReadWrite)
                    {
                        throw new BoardMapException($"{p}:{r.Line}: alias {r.Name} must target a plain rw register of {block.Name}, not '{r.TargetName}'");
                    }

                    r.TargetOffset = target.Offset;
                }
            }
        }

        foreach (var fifo in map.Fifos)
        {
            if ((fifo.Address & 3) != 0 || !map.Blocks.Any(b => fifo.Address - b.Base < b.Size))
            {
                throw new BoardMapException($"{p}:{fifo.Line}: FIFO {fifo.Name} is not a word in any block");
            }
        }

        if (map.HasDport && (map.DportFirst > map.DportLast || (map.DportFirst & 3) != 0 || (map.DportLast & 3) != 0))
        {
            throw new BoardMapException($"{p}: 'dport' needs first <= last, both word-aligned");
        }

        try
        {
            map.ToBoardMap();
        }
        catch (ArgumentException e)
        {
            throw new BoardMapException($"{p}: {e.Message}");
        }
    }
}
