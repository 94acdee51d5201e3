namespace NanoRemap.Tooling.Svd;

/// <summary>An SVD <c>cluster</c>: a group of registers (and clusters) at an offset, possibly a dim array.</summary>
public sealed class SvdCluster : SvdNode
{
    /// <summary>Its registers and nested clusters.</summary>
    public List<SvdNode> Children { get; set; } = new();

    /// <inheritdoc/>
    public override SvdNode Clone()
    {
        var c = (SvdCluster)MemberwiseClone();
        c.Children = Children.Select(n => n.Clone()).ToList();
        return c;
    }
}
