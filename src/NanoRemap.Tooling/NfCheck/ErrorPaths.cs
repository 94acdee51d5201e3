using System.Reflection.Emit;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// Finds the IL instructions that only lead to a <c>throw</c>: the error path of a method (argument checks that
/// build and throw an exception). A basic block is on the error path when it ends in <c>throw</c>, or when its only
/// way on (an unconditional branch or a fall-through) is into an error block.
/// </summary>
public static class ErrorPaths
{
    /// <summary>The offsets of the instructions of <paramref name="code"/> that lie on the error path.</summary>
    public static HashSet<int> Find(IReadOnlyList<IlInstruction> code)
    {
        var leaders = new SortedSet<int> { 0 };
        for (int i = 0; i < code.Count; i++)
        {
            var ins = code[i];
            var flow = ins.OpCode.FlowControl;
            if (flow is FlowControl.Branch or FlowControl.Cond_Branch)
            {
                if (ins.OpCode.OperandType != OperandType.InlineSwitch)
                {
                    leaders.Add((int)ins.Operand);
                }
            }
            if (flow is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw && i + 1 < code.Count)
            {
                leaders.Add(code[i + 1].Offset);
            }
        }

        // Blocks: [start index, end index] in code.
        var starts = new List<int>();
        for (int i = 0; i < code.Count; i++)
        {
            if (leaders.Contains(code[i].Offset))
            {
                starts.Add(i);
            }
        }
        int blocks = starts.Count;
        var error = new bool[blocks];
        int BlockAt(int offset)
        {
            for (int b = 0; b < blocks; b++)
            {
                int end = b + 1 < blocks ? starts[b + 1] - 1 : code.Count - 1;
                if (code[starts[b]].Offset <= offset && offset <= code[end].Offset)
                {
                    return b;
                }
            }
            return -1;
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int b = blocks - 1; b >= 0; b--)
            {
                if (error[b])
                {
                    continue;
                }
                int end = b + 1 < blocks ? starts[b + 1] - 1 : code.Count - 1;
                var last = code[end];
                bool isError = last.OpCode.FlowControl switch
                {
                    FlowControl.Throw => last.OpCode == OpCodes.Throw,
                    FlowControl.Branch when last.OpCode == OpCodes.Br || last.OpCode == OpCodes.Br_S => BlockAt((int)last.Operand) is int t && t >= 0 && error[t],
                    FlowControl.Next or FlowControl.Call => b + 1 < blocks && error[b + 1],
                    _ => false,
                };
                if (isError)
                {
                    error[b] = true;
                    changed = true;
                }
            }
        }

        var result = new HashSet<int>();
        for (int b = 0; b < blocks; b++)
        {
            if (!error[b])
            {
                continue;
            }
            int end = b + 1 < blocks ? starts[b + 1] - 1 : code.Count - 1;
            for (int i = starts[b]; i <= end; i++)
            {
                result.Add(code[i].Offset);
            }
        }
        return result;
    }
}
