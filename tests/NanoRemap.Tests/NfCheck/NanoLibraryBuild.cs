using System.Diagnostics;

namespace NanoRemap.Tests.NfCheck;

/// <summary>
/// The nanoFramework builds of src/NanoRemap and src/NanoRemap.Mmio (netstandard2.0 placeholder TFM, /nostdlib against mscorlib 1.17.11):
/// the Release output CI's nano-build step leaves, used when it is newer than every source file; otherwise the
/// library is built here (Release, into a private output folder) so the test never checks a stale DLL.
/// </summary>
internal static class NanoLibraryBuild
{
    private static readonly Lazy<string> Built = new(() => Locate("NanoRemap"));
    private static readonly Lazy<string> BuiltMmio = new(() => Locate("NanoRemap.Mmio"));

    /// <summary>The repository root (the folder holding NanoRemap.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NanoRemap.sln")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("NanoRemap.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Path of an up-to-date nano NanoRemap.dll (the engine).</summary>
    public static string Dll => Built.Value;

    /// <summary>Path of an up-to-date nano NanoRemap.Mmio.dll (the MMIO windows and the InternalCalls).</summary>
    public static string MmioDll => BuiltMmio.Value;

    private static string Locate(string name)
    {
        string project = Path.Combine(RepoRoot, "src", name);
        string release = Path.Combine(project, "bin", "Release", "netstandard2.0", name + ".dll");
        DateTime newest = NewestSource(project, name);
        if (name != "NanoRemap")
        {
            DateTime engine = NewestSource(Path.Combine(RepoRoot, "src", "NanoRemap"), "NanoRemap");
            newest = engine > newest ? engine : newest;
        }
        if (File.Exists(release) && File.GetLastWriteTimeUtc(release) >= newest)
        {
            return release;
        }

        string output = Path.Combine(Path.GetTempPath(), "nanoremap-nfcheck", "nano-build-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (string a in new[] { "build", Path.Combine(project, name + ".csproj"), "-c", "Release", "--nologo", "-o", output })
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(600_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build src/{name} timed out");
        }
        string built = Path.Combine(output, name + ".dll");
        if (p.ExitCode != 0 || !File.Exists(built))
        {
            throw new InvalidOperationException($"dotnet build src/{name} failed ({p.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
        return built;
    }

    private static DateTime NewestSource(string project, string name)
    {
        var newest = File.GetLastWriteTimeUtc(Path.Combine(project, name + ".csproj"));
        foreach (string f in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
        {
            if (f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) ||
                f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            {
                continue;
            }
            var t = File.GetLastWriteTimeUtc(f);
            if (t > newest)
            {
                newest = t;
            }
        }
        return newest;
    }
}
