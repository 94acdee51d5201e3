using NanoRemap.Tests.Boards;
using NanoRemap.Tooling.Svd;
using Xunit;

namespace NanoRemap.Tests.Svd;

/// <summary>The vendor SVD folder the tests read (NANOREMAP_SVD_DIR, else &lt;repo&gt;/../shared/svd) and what is missing there.</summary>
internal static class SvdFiles
{
    public static readonly string Folder = SvdFolder.Resolve(BoardFiles.Root);

    public static readonly string Missing = SvdFolder.Missing(Folder);

    public static string Path(string chip) => System.IO.Path.Combine(Folder, chip + ".svd");

    public static IEnumerable<object[]> Chips => SvdFolder.Chips.Select(c => new object[] { c });
}

/// <summary>A theory that is skipped, saying what is missing and how to point at an SVD folder, when the seven SVDs are not there.</summary>
public sealed class SvdTheoryAttribute : TheoryAttribute
{
    public SvdTheoryAttribute()
    {
        if (SvdFiles.Missing != null)
        {
            Skip = "vendor SVDs missing: " + SvdFiles.Missing;
        }
    }
}
