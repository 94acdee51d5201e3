namespace NanoRemap.Tooling.Svd;

/// <summary>An SVD <c>peripheral</c> as read; <c>derivedFrom</c> is resolved by <see cref="SvdReader"/>.</summary>
public sealed class SvdPeripheral
{
    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>The peripheral it is derived from, or null.</summary>
    public string? DerivedFrom { get; set; }

    /// <summary>Base address.</summary>
    public required uint BaseAddress { get; set; }

    /// <summary>Span of its address blocks (max offset + size), 0 when it gives none.</summary>
    public uint BlockSpan { get; set; }

    /// <summary>Register properties given at this level.</summary>
    public SvdProperties Properties { get; set; } = SvdProperties.None;

    /// <summary>Its registers and clusters (a derived peripheral's are copies of its base's unless it gives its own).</summary>
    public List<SvdNode> Children { get; set; } = new();

    /// <summary>Whether it gave its own <c>registers</c> element.</summary>
    public bool HasOwnRegisters { get; set; }

    /// <summary>What svd-patches.txt set (<c>added</c>, <c>address</c>, <c>access</c>, <c>reset</c>, <c>name</c>, <c>layout</c>; comma list), or null.</summary>
    public string? Patched { get; set; }

    /// <summary>Line of the element in its file.</summary>
    public int Line { get; set; }
}
