using NanoRemap.Tooling.Boards;

namespace NanoRemap.Tests.Boards;

/// <summary>Paths of the repository's board files, found from the test binaries upward.</summary>
internal static class BoardFiles
{
    public static readonly string Root = BoardGenerator.FindRepoRoot(AppContext.BaseDirectory);

    public static IEnumerable<object[]> Chips => BoardGenerator.Chips.Select(c => new object[] { c });

    public static string Path(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

    /// <summary>The probe lines of boards/&lt;chip&gt;/native/probes.txt: address, read decision, write decision.</summary>
    public static IReadOnlyList<(uint Address, string Read, string Write)> Probes(string chip)
    {
        var probes = new List<(uint, string, string)>();
        foreach (string line in File.ReadAllLines(Path("boards", chip, "native", "probes.txt")))
        {
            if (line.StartsWith('#') || line.StartsWith("chip ", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(' ');
            probes.Add((Convert.ToUInt32(f[0], 16), f[1], f[2]));
        }

        return probes;
    }
}
