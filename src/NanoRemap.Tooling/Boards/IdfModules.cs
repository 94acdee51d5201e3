using System.Text.RegularExpressions;
using NanoRemap.Tooling.Facts;

namespace NanoRemap.Tooling.Boards;

/// <summary>
/// ESP-IDF's peripheral module names (<c>periph_module_t</c>) per chip, read from ESP-IDF v5.5.4's
/// <c>components/soc/&lt;chip&gt;/include/soc/periph_defs.h</c> in the folder named by <c>NANOREMAP_IDF_DIR</c>, else
/// <c>&lt;repo&gt;/../shared/esp-idf-v5.5.4</c> (read there, never copied into the repository). A board.map clock line
/// names one of them: the firmware glue compiles it into the clock table (<c>NR_IDF_MODULE(x)</c>), so a name the chip's
/// IDF does not have stops the firmware build.
/// </summary>
public static partial class IdfModules
{
    /// <summary>The environment variable that points at an ESP-IDF v5.5.4 folder.</summary>
    public const string EnvironmentVariable = "NANOREMAP_IDF_DIR";

    /// <summary>The ESP-IDF folder: <c>NANOREMAP_IDF_DIR</c> if set, else <c>&lt;root&gt;/../shared/esp-idf-v5.5.4</c>.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>The folder path (it may not exist).</returns>
    public static string Resolve(string root)
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env) : Path.GetFullPath(Path.Combine(root, "..", "shared", "esp-idf-v5.5.4"));
    }

    /// <summary>The chip's <c>periph_defs.h</c> in an ESP-IDF folder.</summary>
    /// <param name="folder">The ESP-IDF folder.</param>
    /// <param name="chip">Chip name (esp32, esp32c6, ...).</param>
    /// <returns>The header path (it may not exist).</returns>
    public static string HeaderPath(string folder, string chip) =>
        Path.Combine(folder, "components", "soc", chip, "include", "soc", "periph_defs.h");

    /// <summary>What is missing for the seven chips' <c>periph_defs.h</c>, or null when all are there.</summary>
    /// <param name="folder">The ESP-IDF folder.</param>
    /// <returns>A message naming the missing folder or headers and how to point at an ESP-IDF folder, or null.</returns>
    public static string? Missing(string folder)
    {
        string how = $"set {EnvironmentVariable} to an ESP-IDF v5.5.4 folder (default: <repo>/../shared/esp-idf-v5.5.4)";
        if (!Directory.Exists(folder))
        {
            return $"no ESP-IDF folder at {folder}: {how}";
        }

        var missing = BoardGenerator.Chips.Where(c => !File.Exists(HeaderPath(folder, c))).ToList();
        return missing.Count == 0 ? null : $"{folder} lacks {string.Join(", ", missing.Select(c => Path.GetRelativePath(folder, HeaderPath(folder, c))))}: {how}";
    }

    /// <summary>The enumerators of <c>periph_module_t</c> in a <c>periph_defs.h</c> (every one, whatever <c>#if</c> it sits in).</summary>
    /// <param name="header">Path of the header.</param>
    /// <returns>The names, <c>PERIPH_MODULE_MAX</c> excluded.</returns>
    /// <exception cref="BoardMapException">The header has no <c>typedef enum { ... } periph_module_t;</c>.</exception>
    public static IReadOnlySet<string> Read(string header)
    {
        string text = File.ReadAllText(header);
        Match m = EnumBody().Match(text);
        if (!m.Success)
        {
            throw new BoardMapException($"{header}: no 'typedef enum {{ ... }} periph_module_t;'");
        }

        string body = Comments().Replace(m.Groups["body"].Value, " ");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match e in Enumerator().Matches(body))
        {
            string name = e.Groups["n"].Value;
            if (name != "PERIPH_MODULE_MAX")
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// The clock lines of the board maps whose module is not in their chip's <c>periph_defs.h</c>, one message each
    /// ("boards/esp32s3/board.map:95: clock MCPWM0 names PERIPH_MCPWM0_MODULE, which ESP-IDF v5.5.4's
    /// components/soc/esp32s3/include/soc/periph_defs.h does not have (did you mean PERIPH_PWM0_MODULE?)"), for the chips
    /// whose header is in <paramref name="folder"/>.
    /// </summary>
    /// <param name="root">Repository root.</param>
    /// <param name="folder">The ESP-IDF folder.</param>
    /// <returns>The messages; empty when every clock line names a module of its chip.</returns>
    /// <exception cref="BoardMapException">A board map that does not parse, or a header without <c>periph_module_t</c>.</exception>
    public static IReadOnlyList<string> Unknown(string root, string folder)
    {
        var bad = new List<string>();
        foreach (string chip in BoardGenerator.Chips)
        {
            if (File.Exists(HeaderPath(folder, chip)))
            {
                bad.AddRange(Unknown(BoardGenerator.Load(root, chip), folder));
            }
        }

        return bad;
    }

    /// <summary>The clock lines of one parsed board map whose module is not in its chip's <c>periph_defs.h</c> (see above).</summary>
    /// <param name="map">The parsed board map.</param>
    /// <param name="folder">The ESP-IDF folder holding the chip's header.</param>
    /// <returns>The messages; empty when every clock line names a module of the chip.</returns>
    /// <exception cref="BoardMapException">The header has no <c>periph_module_t</c>.</exception>
    /// <exception cref="IOException">The header cannot be read.</exception>
    public static IReadOnlyList<string> Unknown(BoardMapFile map, string folder)
    {
        string header = HeaderPath(folder, map.Chip);
        IReadOnlySet<string> modules = Read(header);
        var bad = new List<string>();
        foreach (BoardClock c in map.Clocks)
        {
            if (!modules.Contains(c.IdfModule))
            {
                var close = NameSuggestions.Closest(c.IdfModule, modules, 3);
                string hint = close.Count == 0 ? "" : $" (did you mean {string.Join(", ", close)}?)";
                bad.Add($"boards/{map.Chip}/board.map:{c.Line}: clock {c.Name} names {c.IdfModule}, which ESP-IDF v5.5.4's "
                    + $"{Path.GetRelativePath(folder, header).Replace('\\', '/')} does not have{hint}");
            }
        }

        return bad;
    }

    [GeneratedRegex(@"typedef\s+enum\s*\{(?<body>.*?)\}\s*periph_module_t\s*;", RegexOptions.Singleline)]
    private static partial Regex EnumBody();

    [GeneratedRegex(@"/\*.*?\*/|//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"^\s*(?<n>PERIPH_[A-Z0-9_]+)\s*(=[^,\n]*)?,?\s*$", RegexOptions.Multiline)]
    private static partial Regex Enumerator();
}
