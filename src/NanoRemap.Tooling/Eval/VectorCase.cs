namespace NanoRemap.Tooling.Eval;

/// <summary>
/// One conformance vector of a <c>tests/vectors/*.vec</c> file: a case line and the line after it,
/// <c>=&gt; expected output</c>.
/// </summary>
/// <param name="File">The file name (no directory), for display.</param>
/// <param name="Line">1-based line of the case.</param>
/// <param name="Case">The case line as written.</param>
/// <param name="Expected">The expected output (after <c>=&gt; </c>); null if the file is malformed here.</param>
/// <param name="FormatError">What is wrong with the file at this place; null when well formed.</param>
public sealed record VectorCase(string File, int Line, string Case, string? Expected, string? FormatError)
{
    /// <summary><c>file.vec:12</c>.</summary>
    public string Location => $"{File}:{Line}";

    /// <inheritdoc/>
    public override string ToString() => Location;
}
