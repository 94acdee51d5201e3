using System.Globalization;
using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Tooling.Boards;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// What the board.map says about a block and a register, for <c>nanoremap regs</c>: the block's policy (allowed,
/// denied, owned by whom), the line that classifies a register (its owner and reason) and the protected fields.
/// Parsed from boards/&lt;chip&gt;/board.map against the same facts; null when the chip has no board.map.
/// </summary>
internal sealed class RegsOwnership
{
    private readonly BoardMapFile _map;
    private readonly Dictionary<FactsRegister, BoardRule> _rules;

    private RegsOwnership(BoardMapFile map)
    {
        _map = map;
        _rules = map.Rules.ToDictionary(r => r.Register);
    }

    /// <summary>Parses the chip's board.map, or returns null when there is none.</summary>
    /// <exception cref="BoardMapException">A malformed board.map.</exception>
    public static RegsOwnership? Load(string repo, ChipFacts facts)
    {
        string path = Path.Combine(repo, "boards", facts.Chip, "board.map");
        return File.Exists(path) ? new RegsOwnership(BoardMapParser.ParseFile(path, facts)) : null;
    }

    /// <summary>The block line: <c>block=PERIPH allow|deny|skip [owned=OWNER] (board.map:LINE: reason)</c>.</summary>
    public string BlockLine(FactsPeripheral p)
    {
        BoardBlock? block = _map.Blocks.FirstOrDefault(b => b.Name == p.Name);
        string what = block == null ? "skip (no block of its own)" : block.Allowed ? "allow" : "deny";
        BoardOwned? owned = _map.OwnedBlock(p.Name);
        return $"block={p.Name} {what}"
            + (owned != null ? $" owned={owned.Owner} (board.map:{owned.Line.ToString(CultureInfo.InvariantCulture)}: {owned.Reason})" : string.Empty);
    }

    /// <summary>
    /// The rule suffix of a register: <c>rule=ro|deny|protect|allow owner=X line=N</c>, or <c>rule=none</c> when
    /// no line names it (the block decides).
    /// </summary>
    public string RuleWords(FactsRegister r)
    {
        if (!_rules.TryGetValue(r, out BoardRule? rule))
        {
            return "rule=none";
        }

        string kind = rule.Kind switch
        {
            RegisterPolicy.ReadOnly => "ro",
            RegisterPolicy.Deny => "deny",
            RegisterPolicy.Protect => "protect",
            _ => "allow",
        };
        return $"rule={kind}" + (rule.Owner.Length > 0 ? $" owner={rule.Owner}" : string.Empty) + $" line={rule.Line.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The reason of the line that classifies a register, or null.</summary>
    public string? Reason(FactsRegister r) => _rules.TryGetValue(r, out BoardRule? rule) ? rule.Reason : null;

    /// <summary>Whether a write that changes the field is refused by a <c>protect</c> line.</summary>
    public bool IsProtected(FactsField f) =>
        _rules.TryGetValue(f.Register, out BoardRule? rule) && rule.Kind == RegisterPolicy.Protect && (rule.Mask & f.Mask) != 0;
}
