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
    public static HashSet<int> Find(IReadOnlyList<IlInstruction> code) => Find(new IlFlow(code));

    /// <summary>The offsets of the instructions on the error path of an already built flow graph.</summary>
    public static HashSet<int> Find(IlFlow flow)
    {
        var error = ErrorBlocks(flow);
        var result = new HashSet<int>();
        foreach (int b in error)
        {
            foreach (var ins in flow.Instructions(b))
            {
                result.Add(ins.Offset);
            }
        }
        return result;
    }

    /// <summary>The error blocks of <paramref name="flow"/>.</summary>
    public static HashSet<int> ErrorBlocks(IlFlow flow)
    {
        var error = new HashSet<int>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int b = flow.Count - 1; b >= 0; b--)
            {
                if (error.Contains(b))
                {
                    continue;
                }
                var last = flow.Last(b);
                var succ = flow.Successors(b);
                bool isError = last.OpCode == OpCodes.Throw
                    || (last.OpCode.FlowControl is FlowControl.Branch or FlowControl.Next or FlowControl.Call
                        && last.OpCode != OpCodes.Leave && last.OpCode != OpCodes.Leave_S
                        && succ.Count == 1 && error.Contains(succ[0]));
                if (isError)
                {
                    error.Add(b);
                    changed = true;
                }
            }
        }
        return error;
    }
}
