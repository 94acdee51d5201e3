using NanoRemap.Tooling.Boards;

namespace NanoRemap.Tests.Hostile;

/// <summary>The repository the tests run in, and throwaway copies of its boards/ for generator tests.</summary>
internal static class BoardGeneratorFixture
{
    public static string RepoRoot() => BoardGenerator.FindRepoRoot(AppContext.BaseDirectory);

    /// <summary>A temporary repository: NanoRemap.sln and a copy of boards/ (no generated C# yet).</summary>
    public static string CopyOfBoards()
    {
        string root = RepoRoot();
        string dir = NanoRemap.Tests.Cli.TempDir.Create();
        File.Copy(Path.Combine(root, "NanoRemap.sln"), Path.Combine(dir, "NanoRemap.sln"));
        foreach (string file in Directory.GetFiles(Path.Combine(root, "boards"), "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, rel))!);
            File.Copy(file, Path.Combine(dir, rel));
        }

        return dir;
    }
}
