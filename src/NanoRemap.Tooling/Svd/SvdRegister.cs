namespace NanoRemap.Tooling.Svd;

/// <summary>An SVD <c>register</c> as read (before dim expansion).</summary>
public sealed class SvdRegister : SvdNode
{
    /// <summary>Its fields.</summary>
    public List<SvdField> Fields { get; set; } = new();

    /// <summary><c>modifiedWriteValues</c> oneToClear on the register (applies to fields that give none).</summary>
    public bool OneToClear { get; set; }

    /// <summary><c>readAction</c> clear on the register.</summary>
    public bool ReadClears { get; set; }

    /// <inheritdoc/>
    public override SvdNode Clone()
    {
        var c = (SvdRegister)MemberwiseClone();
        c.Fields = Fields.Select(f => f.Clone()).ToList();
        return c;
    }
}
