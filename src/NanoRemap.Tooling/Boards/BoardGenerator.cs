using NanoRemap.Facts;
using NanoRemap.Tooling.IO;

namespace NanoRemap.Tooling.Boards;

/// <summary>One file the generator writes: its path relative to the repository root and its contents.</summary>
public sealed record GeneratedFile(string RelativePath, string Contents);

/// <summary>
/// <c>nanoremap boards generate</c>: for every chip, from boards/&lt;chip&gt;/registers.txt (facts) and board.map
/// (policy), writes the managed table, the native allow-list, policy and clocks (.h and .c), the probe file, and
/// the typed register definitions (src/NanoRemap.Chips). The generated files are committed; a test proves they
/// equal a fresh generation.
/// </summary>
public static class BoardGenerator
{
    /// <summary>The chips with a board map, in the order the files are generated.</summary>
    public static readonly IReadOnlyList<string> Chips = new[] { "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };

    /// <summary>Finds the repository root: the nearest ancestor of <paramref name="start"/> with boards/ and NanoRemap.sln.</summary>
    /// <param name="start">A directory inside the repository.</param>
    /// <returns>The root directory.</returns>
    /// <exception cref="DirectoryNotFoundException">No ancestor is a repository root.</exception>
    public static string FindRepoRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, "boards")) && File.Exists(Path.Combine(d.FullName, "NanoRemap.sln")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no NanoRemap repository (boards/ and NanoRemap.sln) at or above {start}");
    }

    /// <summary>Parses one chip's board.map.</summary>
    /// <param name="root">Repository root.</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>The parsed map.</returns>
    /// <exception cref="BoardMapException">A malformed policy line, or facts that cannot be read.</exception>
    public static BoardMapFile Load(string root, string chip)
    {
        string factsPath = Path.Combine(root, "boards", chip, "registers.txt");
        ChipFacts facts;
        try
        {
            facts = ChipFacts.Load(factsPath);
        }
        catch (FactsException e)
        {
            throw new BoardMapException(e.Message);
        }
        catch (IOException e)
        {
            throw new BoardMapException($"{factsPath}: {e.Message} (run 'nanoremap boards import-svd' first)");
        }

        var map = BoardMapParser.ParseFile(Path.Combine(root, "boards", chip, "board.map"), facts);
        if (map.Chip != chip)
        {
            throw new BoardMapException($"boards/{chip}/board.map says 'chip {map.Chip}'");
        }

        return map;
    }

    /// <summary>Renders every generated file from the board maps under <paramref name="root"/>, without writing.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<GeneratedFile> Render(string root)
    {
        var files = new List<GeneratedFile>();
        foreach (string chip in Chips)
        {
            var map = Load(root, chip);
            string src = $"boards/{chip}/board.map";
            files.Add(new GeneratedFile($"src/NanoRemap.Boards/{ManagedTableEmitter.ClassName(chip)}.g.cs", ManagedTableEmitter.Emit(map, src, $"boards/{chip}/registers.txt")));
            files.Add(new GeneratedFile($"boards/{chip}/native/nanoremap_board_{chip}.h", NativeTableEmitter.EmitHeader(map, src)));
            files.Add(new GeneratedFile($"boards/{chip}/native/nanoremap_board_{chip}.c", NativeTableEmitter.EmitSource(map, src)));
            files.Add(new GeneratedFile($"boards/{chip}/native/probes.txt", ProbeEmitter.Emit(map, src)));
        }

        // The typed register definitions (helper svd's generator): 'boards generate' / 'check' cover them too.
        files.AddRange(NanoRemap.Tooling.Facts.ChipDefinitionsGenerator.RenderAll(root).Select(f => new GeneratedFile(f.RelativePath, f.Contents)));
        return files;
    }

    /// <summary>Writes the generated files that differ from what is on disk.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>The relative paths of the files written (empty when all were up to date).</returns>
    /// <exception cref="IOException">A file cannot be written, or a target is not a regular file: no file was changed.</exception>
    public static IReadOnlyList<string> Write(string root)
    {
        // Every file is rendered first; the changed ones are then written all or none (temporary files renamed over
        // the targets; a failure deletes them and changes no target; a target that is not a regular file is refused).
        var changed = Render(root).Where(f =>
        {
            string path = Path.Combine(root, f.RelativePath);
            return !File.Exists(path) || File.ReadAllText(path) != f.Contents;
        }).ToList();
        SafeFile.WriteAllText(changed.Select(f => (Path.Combine(root, f.RelativePath), f.Contents)));
        return changed.Select(f => f.RelativePath).ToList();
    }

    /// <summary>The generated files whose committed contents differ from a fresh generation (missing files included).</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>Relative paths of stale files.</returns>
    public static IReadOnlyList<string> Stale(string root) =>
        Render(root).Where(f =>
        {
            string path = Path.Combine(root, f.RelativePath);
            return !File.Exists(path) || File.ReadAllText(path).Replace("\r\n", "\n") != f.Contents;
        }).Select(f => f.RelativePath).ToList();
}
