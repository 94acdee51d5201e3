using System.Reflection.Emit;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// Basic blocks of one method body and the edges between them (normal control flow; exception handlers are
/// entered only by exceptions and have no incoming edge).
/// </summary>
public sealed class IlFlow
{
    private readonly IReadOnlyList<IlInstruction> _code;
    private readonly List<int> _starts = new();
    private readonly List<List<int>> _successors = new();

    /// <summary>Builds the blocks of <paramref name="code"/>.</summary>
    public IlFlow(IReadOnlyList<IlInstruction> code)
    {
        _code = code;
        var leaders = new SortedSet<int> { 0 };
        for (int i = 0; i < code.Count; i++)
        {
            var ins = code[i];
            foreach (int t in Targets(ins))
            {
                leaders.Add(t);
            }
            if (EndsBlock(ins) && i + 1 < code.Count)
            {
                leaders.Add(code[i + 1].Offset);
            }
        }
        for (int i = 0; i < code.Count; i++)
        {
            if (leaders.Contains(code[i].Offset))
            {
                _starts.Add(i);
            }
        }
        for (int b = 0; b < _starts.Count; b++)
        {
            var last = code[End(b)];
            var succ = new List<int>();
            foreach (int t in Targets(last))
            {
                succ.Add(BlockAt(t));
            }
            bool fallsThrough = last.OpCode.FlowControl is not (FlowControl.Branch or FlowControl.Return or FlowControl.Throw)
                && last.OpCode != OpCodes.Endfinally && last.OpCode != OpCodes.Leave && last.OpCode != OpCodes.Leave_S;
            if (fallsThrough && b + 1 < _starts.Count)
            {
                succ.Add(b + 1);
            }
            _successors.Add(succ.Where(s => s >= 0).Distinct().ToList());
        }
    }

    /// <summary>Number of blocks.</summary>
    public int Count => _starts.Count;

    /// <summary>The instructions of block <paramref name="block"/>.</summary>
    public IEnumerable<IlInstruction> Instructions(int block)
    {
        for (int i = _starts[block]; i <= End(block); i++)
        {
            yield return _code[i];
        }
    }

    /// <summary>The last instruction of a block.</summary>
    public IlInstruction Last(int block) => _code[End(block)];

    /// <summary>Blocks control can pass to from <paramref name="block"/>.</summary>
    public IReadOnlyList<int> Successors(int block) => _successors[block];

    /// <summary>The block holding the instruction at <paramref name="offset"/>, or -1.</summary>
    public int BlockAt(int offset)
    {
        for (int b = 0; b < _starts.Count; b++)
        {
            if (_code[_starts[b]].Offset <= offset && offset <= _code[End(b)].Offset)
            {
                return b;
            }
        }
        return -1;
    }

    /// <summary>Blocks reachable from the entry.</summary>
    public HashSet<int> ReachableFromEntry() => Count > 0 ? ReachableFrom(new[] { 0 }) : new HashSet<int>();

    /// <summary>Blocks reachable from <paramref name="roots"/> (the roots included).</summary>
    public HashSet<int> ReachableFrom(IEnumerable<int> roots)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            int b = stack.Pop();
            if (seen.Add(b))
            {
                foreach (int s in _successors[b])
                {
                    stack.Push(s);
                }
            }
        }
        return seen;
    }

    /// <summary>Blocks from which one of <paramref name="targets"/> can be reached (the targets included).</summary>
    public HashSet<int> Reaching(IEnumerable<int> targets)
    {
        var result = new HashSet<int>(targets);
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int b = 0; b < Count; b++)
            {
                if (!result.Contains(b) && _successors[b].Any(result.Contains))
                {
                    result.Add(b);
                    changed = true;
                }
            }
        }
        return result;
    }

    private int End(int block) => block + 1 < _starts.Count ? _starts[block + 1] - 1 : _code.Count - 1;

    private static bool EndsBlock(IlInstruction ins) =>
        ins.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw
        || ins.OpCode == OpCodes.Endfinally;

    private static IEnumerable<int> Targets(IlInstruction ins)
    {
        if (ins.OpCode.OperandType == OperandType.InlineSwitch)
        {
            return ins.SwitchTargetOffsets;
        }
        if (ins.OpCode.OperandType is OperandType.InlineBrTarget or OperandType.ShortInlineBrTarget)
        {
            return new[] { (int)ins.Operand };
        }
        return Array.Empty<int>();
    }
}
