using NanoRemap.Tooling.Eval;

namespace NanoRemap.Tooling.Explain;

/// <summary>The explanation of one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Result">Its result (the same as eval computes).</param>
/// <param name="Rejection">What made it fail, or null.</param>
/// <param name="Lines">The text for a person, line by line; the last is <c>result:  &lt;eval line&gt;</c>.</param>
/// <param name="Events">The traced steps as data, in order (what <c>explain --svg</c> draws).</param>
public sealed record ExplainReport(EvalCase Case, EvalResult Result, ExplainRejection? Rejection, IReadOnlyList<string> Lines, IReadOnlyList<ExplainEvent> Events)
{
    /// <summary>The whole text.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Lines);
}
