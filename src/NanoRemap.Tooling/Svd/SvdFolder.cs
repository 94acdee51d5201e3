namespace NanoRemap.Tooling.Svd;

/// <summary>
/// Where the vendor SVDs are: the folder named by the environment variable <c>NANOREMAP_SVD_DIR</c>, else
/// <c>&lt;repo&gt;/../shared/svd</c>. The SVDs are read from there and never copied into the repository.
/// </summary>
public static class SvdFolder
{
    /// <summary>The environment variable that points at an SVD folder.</summary>
    public const string EnvironmentVariable = "NANOREMAP_SVD_DIR";

    /// <summary>The seven chips whose SVDs the facts are imported from.</summary>
    public static readonly IReadOnlyList<string> Chips = new[] { "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };

    /// <summary>The SVD folder: <c>NANOREMAP_SVD_DIR</c> if set, else <c>&lt;root&gt;/../shared/svd</c>.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>The folder path (it may not exist).</returns>
    public static string Resolve(string root)
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env) : Path.GetFullPath(Path.Combine(root, "..", "shared", "svd"));
    }

    /// <summary>What is missing for the seven chips' SVDs, or null when all are there.</summary>
    /// <param name="folder">The SVD folder.</param>
    /// <returns>A message naming the missing folder or files and how to point at an SVD folder, or null.</returns>
    public static string? Missing(string folder)
    {
        string how = $"set {EnvironmentVariable} to a folder holding <chip>.svd for {string.Join(", ", Chips)} (default: <repo>/../shared/svd)";
        if (!Directory.Exists(folder))
        {
            return $"no SVD folder at {folder}: {how}";
        }

        var missing = Chips.Where(c => !File.Exists(Path.Combine(folder, c + ".svd"))).ToList();
        return missing.Count == 0 ? null : $"{folder} lacks {string.Join(", ", missing.Select(c => c + ".svd"))}: {how}";
    }

    /// <summary>
    /// The committed facts files (boards/&lt;chip&gt;/registers.txt) that differ from a fresh import of the chip's SVD
    /// and patches, for the chips whose SVD is in <paramref name="folder"/>.
    /// </summary>
    /// <param name="root">Repository root.</param>
    /// <param name="folder">The SVD folder.</param>
    /// <returns>Relative paths of stale (or missing) facts files.</returns>
    /// <exception cref="SvdException">An SVD or patch file that does not import.</exception>
    public static IReadOnlyList<string> StaleFacts(string root, string folder)
    {
        var stale = new List<string>();
        foreach (string chip in Chips)
        {
            string svd = Path.Combine(folder, chip + ".svd");
            if (!File.Exists(svd))
            {
                continue;
            }

            string rel = SvdImporter.FactsPath(chip).Replace('\\', '/');
            string path = Path.Combine(root, rel);
            if (!File.Exists(path) || File.ReadAllText(path).Replace("\r\n", "\n") != SvdImporter.Render(svd, root, chip))
            {
                stale.Add(rel);
            }
        }

        return stale;
    }
}
