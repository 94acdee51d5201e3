namespace NanoRemap.Tooling.Eval;

/// <summary>The outcome of one case line: the output line, and the case/result or the error behind it.</summary>
/// <param name="Output">The line eval prints: the result line, or <c>error=...</c>.</param>
/// <param name="Result">The result of a well-formed case; null for a malformed one.</param>
/// <param name="Error">What is wrong with a malformed line; null for a well-formed one.</param>
public sealed record EvalLineResult(string Output, EvalResult? Result, string? Error)
{
    /// <summary>Whether the line was malformed.</summary>
    public bool IsError => Error != null;
}
