using NanoRemap.Mm;
using NanoRemap.Tooling.Config;

namespace NanoRemap.Tooling.Eval;

/// <summary>
/// One well-formed case line: the op (and action), the kernel configuration it runs on (defaults with the
/// line's own <c>model=</c>/<c>arch=</c>/<c>page_shift=</c> applied), and its numeric keys, each already
/// checked to fit its C type. Made by <see cref="EvalCaseParser"/>.
/// </summary>
public sealed class EvalCase
{
    private readonly IReadOnlyDictionary<string, ulong> _numbers;

    internal EvalCase(string text, EvalOp op, EvalAction? action, KernelModel model, WordModel arch, int pageShift, IReadOnlyDictionary<string, ulong> numbers, EvalFlow flow = EvalFlow.Region, bool flowSet = false)
    {
        Flow = flow;
        FlowSet = flowSet;
        Text = text;
        Op = op;
        Action = action;
        Model = model;
        Arch = arch;
        PageShift = pageShift;
        _numbers = numbers;
    }

    /// <summary>The case as written (comment removed, trimmed).</summary>
    public string Text { get; }

    /// <summary>The op.</summary>
    public EvalOp Op { get; }

    /// <summary>The action of <c>op=mmap</c>; null for the other ops.</summary>
    public EvalAction? Action { get; }

    /// <summary>
    /// <c>op=mmap</c>'s caller: the line's <c>flow=</c>, else the model's own (<see cref="EvalFlow.Region"/> on
    /// MMU, <see cref="EvalFlow.Compat"/> on nommu). <see cref="EvalFlow.Region"/> for the other ops.
    /// </summary>
    public EvalFlow Flow { get; }

    /// <summary>Whether the line wrote <c>flow=</c> (rather than taking the model's default).</summary>
    public bool FlowSet { get; }

    /// <summary>nommu or mmu.</summary>
    public KernelModel Model { get; }

    /// <summary>The C data model.</summary>
    public WordModel Arch { get; }

    /// <summary>PAGE_SHIFT.</summary>
    public int PageShift { get; }

    /// <summary>Whether the line set <paramref name="key"/>.</summary>
    public bool Has(string key) => _numbers.ContainsKey(key);

    /// <summary>A numeric key's value (0 when absent). Int keys are their 32-bit pattern, sign-extended.</summary>
    public ulong Get(string key) => _numbers.TryGetValue(key, out ulong v) ? v : 0;

    /// <summary>An int key's value (0 when absent).</summary>
    public int GetInt(string key) => unchecked((int)Get(key));

    /// <summary>The configuration as a line for people: <c>model=nommu arch=ilp32 page_shift=12</c>.</summary>
    public string Kernel => new EvalSettings(Model, Arch, PageShift).ToString();
}
