using NanoRemap.Facts;

namespace NanoRemap.Tooling.Svd;

/// <summary>
/// The SVD's register-properties group (<c>size</c>, <c>access</c>, <c>resetValue</c>, <c>resetMask</c>) as one
/// level (device, peripheral, cluster, register) gives it; unset values inherit from the level above.
/// </summary>
public sealed record SvdProperties(int? Size, FactsAccess? Access, uint? ResetValue, uint? ResetMask)
{
    /// <summary>No property set.</summary>
    public static readonly SvdProperties None = new(null, null, null, null);

    /// <summary>This level's values where set, else <paramref name="outer"/>'s.</summary>
    /// <param name="outer">The enclosing level (already resolved).</param>
    /// <returns>The inherited properties.</returns>
    public SvdProperties Over(SvdProperties outer) =>
        new(Size ?? outer.Size, Access ?? outer.Access, ResetValue ?? outer.ResetValue, ResetMask ?? outer.ResetMask);
}
