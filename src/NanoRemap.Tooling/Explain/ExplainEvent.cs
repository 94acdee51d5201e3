using NanoRemap.Mm;

namespace NanoRemap.Tooling.Explain;

/// <summary>
/// One step the engine traced, as data (the text lines of <see cref="ExplainTracer"/> are made from the same
/// calls): what it was, inside which kernel functions, and its values. <c>explain --svg</c> draws from these.
/// </summary>
/// <param name="Kind">Enter, check, assignment, WARN or return.</param>
/// <param name="Stack">The kernel functions entered and not yet left, outermost first (for Enter/Leave: including the function itself).</param>
/// <param name="Text">The function (Enter/Leave), the C condition (Check), the C lvalue (Assign), or the WARN line.</param>
/// <param name="Left">Check: the left side; Assign: the value stored.</param>
/// <param name="Right">Check: the right side.</param>
/// <param name="Holds">Check: whether the condition is true. Warn: whether this hit printed.</param>
/// <param name="Rejects">Check: whether this outcome is a rejection (<see cref="CheckPolarities"/>).</param>
/// <param name="Rc">Leave: the result.</param>
/// <param name="Site">Warn: the site.</param>
public sealed record ExplainEvent(
    ExplainEventKind Kind,
    IReadOnlyList<string> Stack,
    string Text,
    ulong Left = 0,
    ulong Right = 0,
    bool Holds = false,
    bool Rejects = false,
    int Rc = 0,
    WarnSite Site = WarnSite.MmapActionRemapStart)
{
    /// <summary>Whether <paramref name="function"/> is on the stack of this event (the kernel function or a caller of it).</summary>
    public bool Inside(string function) => Stack.Contains(function);
}
