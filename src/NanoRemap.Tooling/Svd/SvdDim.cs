namespace NanoRemap.Tooling.Svd;

/// <summary>An SVD <c>dim</c> group: how many elements, the address (or bit) step and the index names.</summary>
/// <param name="Count">The <c>dim</c> value.</param>
/// <param name="Increment">The <c>dimIncrement</c> (bytes for registers and clusters, bits for fields).</param>
/// <param name="Indices">The names that replace <c>%s</c> (<c>dimIndex</c>, or 0..Count-1).</param>
public sealed record SvdDim(int Count, uint Increment, IReadOnlyList<string> Indices);
