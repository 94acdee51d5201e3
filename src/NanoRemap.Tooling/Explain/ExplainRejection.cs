namespace NanoRemap.Tooling.Explain;

/// <summary>What made a case fail, as found by <see cref="ExplainTracer"/>.</summary>
/// <param name="Function">The kernel function that returned the error for this reason.</param>
/// <param name="Check">The rejecting check's condition (e.g. <c>vm_pgoff &gt; pages</c>); null for a WARN or a hook result.</param>
/// <param name="Detail">The reason for a person: the check with its values, the WARN site, or the hook result.</param>
public sealed record ExplainRejection(string Function, string? Check, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Function}: {Detail}";
}
