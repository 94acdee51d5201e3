namespace NanoRemap.Tooling.Idf;

/// <summary>One disagreement between the facts and ESP-IDF's headers at one register address.</summary>
/// <param name="Kind">
/// <c>missing</c> (IDF has a field where the facts have no bits), <c>merged</c> (one IDF field spans several facts
/// fields), <c>split</c> (one facts field spans several IDF fields), <c>range</c> (bits that differ otherwise),
/// <c>extra</c> (the facts name bits IDF leaves reserved), <c>access</c> (a field of the same bits, another access),
/// <c>reset</c> (the register's reset value in the bits IDF gives defaults for).
/// </param>
/// <param name="Target"><c>PERIPH.REG</c> or <c>PERIPH.REG.FIELD</c> (the IDF field name for missing, merged and range; the facts name otherwise).</param>
/// <param name="Detail">What differs, with values.</param>
/// <param name="Citation">The IDF header and line.</param>
public sealed record IdfDifference(string Kind, string Target, string Detail, string Citation)
{
    /// <summary>The kinds, in report order.</summary>
    public static readonly IReadOnlyList<string> Kinds = new[] { "range", "merged", "split", "extra", "missing", "access", "reset" };

    /// <summary>The class of a kind: field-range (range, merged, split, extra), missing-field, access, reset.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The class.</returns>
    public static string ClassOf(string kind) => kind switch
    {
        "range" or "merged" or "split" or "extra" => "field-range",
        "missing" => "missing-field",
        _ => kind,
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} {Target}: {Detail} ({Citation})";
}
