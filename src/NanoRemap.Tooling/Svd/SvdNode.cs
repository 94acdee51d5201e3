namespace NanoRemap.Tooling.Svd;

/// <summary>A member of a peripheral's or cluster's <c>registers</c>: a <see cref="SvdRegister"/> or a <see cref="SvdCluster"/>.</summary>
public abstract class SvdNode
{
    /// <summary>Name (may hold <c>%s</c> when <see cref="Dim"/> is set).</summary>
    public required string Name { get; set; }

    /// <summary>Byte offset from the enclosing peripheral or cluster.</summary>
    public required uint AddressOffset { get; set; }

    /// <summary>Register properties given at this level.</summary>
    public SvdProperties Properties { get; set; } = SvdProperties.None;

    /// <summary>The dim group, if any.</summary>
    public SvdDim? Dim { get; set; }

    /// <summary>What svd-patches.txt set (<c>added</c>, <c>address</c>, <c>access</c>, <c>reset</c>, <c>name</c>, <c>layout</c>; comma list), or null.</summary>
    public string? Patched { get; set; }

    /// <summary>Line of the element in its file (for messages).</summary>
    public int Line { get; set; }

    /// <summary>The file that gave the element when it is not the SVD (a patch file's name), else null.</summary>
    public string? File { get; set; }

    /// <summary>A deep copy.</summary>
    /// <returns>The copy.</returns>
    public abstract SvdNode Clone();
}
