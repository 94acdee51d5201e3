namespace NanoRemap.Tooling.Idf;

/// <summary>
/// Where ESP-IDF v5.5.4 is: the folder named by <c>NANOREMAP_IDF_DIR</c>, else <c>&lt;repo&gt;/../shared/esp-idf-v5.5.4</c>.
/// Its headers are read from there and never copied into the repository.
/// </summary>
public static class IdfFolder
{
    /// <summary>The environment variable that points at an ESP-IDF tree.</summary>
    public const string EnvironmentVariable = "NANOREMAP_IDF_DIR";

    /// <summary>The ESP-IDF folder: <c>NANOREMAP_IDF_DIR</c> if set, else <c>&lt;root&gt;/../shared/esp-idf-v5.5.4</c>.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>The folder (it may not exist).</returns>
    public static string Resolve(string root)
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env) : Path.GetFullPath(Path.Combine(root, "..", "shared", "esp-idf-v5.5.4"));
    }

    /// <summary>What is missing of the register headers of a chip, or null when they are there.</summary>
    /// <param name="folder">The ESP-IDF folder.</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>A message naming the missing folder and how to point at one, or null.</returns>
    public static string? Missing(string folder, string chip)
    {
        string dir = Path.Combine(folder, "components", "soc", chip, "register", "soc");
        return Directory.Exists(dir) ? null
            : $"no ESP-IDF register headers at {dir}: set {EnvironmentVariable} to an ESP-IDF v5.5.4 tree (default: <repo>/../shared/esp-idf-v5.5.4)";
    }
}
