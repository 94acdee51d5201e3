using NanoRemap.Facts;

namespace NanoRemap.Tooling.Svd;

/// <summary>An SVD <c>field</c> as read (before dim expansion).</summary>
public sealed class SvdField
{
    /// <summary>Field name (may hold <c>%s</c> when <see cref="Dim"/> is set).</summary>
    public required string Name { get; set; }

    /// <summary>Lowest bit (as the SVD gives it; checked against the register by the importer).</summary>
    public required long Lsb { get; set; }

    /// <summary>Width in bits.</summary>
    public required long Width { get; set; }

    /// <summary>The field's own access, if it gives one.</summary>
    public FactsAccess? Access { get; set; }

    /// <summary><c>modifiedWriteValues</c> is oneToClear.</summary>
    public bool OneToClear { get; set; }

    /// <summary><c>readAction</c> is clear.</summary>
    public bool ReadClears { get; set; }

    /// <summary>The dim group, if any (increment in bits).</summary>
    public SvdDim? Dim { get; set; }

    /// <summary>What svd-patches.txt set (<c>added</c>, <c>address</c>, <c>access</c>, <c>reset</c>, <c>name</c>, <c>layout</c>; comma list), or null.</summary>
    public string? Patched { get; set; }

    /// <summary>Line of the element in its file (for messages).</summary>
    public int Line { get; set; }

    /// <summary>The file that gave the element when it is not the SVD (a patch file's name), else null.</summary>
    public string? File { get; set; }

    /// <summary>A copy (for derivedFrom).</summary>
    /// <returns>The copy.</returns>
    public SvdField Clone() => (SvdField)MemberwiseClone();
}
