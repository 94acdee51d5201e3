using System.Diagnostics;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// Finds the nanoFramework mscorlib.dll (package nanoFramework.CoreLibrary) in the NuGet global packages
/// folder: an explicit path wins, then <c>NUGET_PACKAGES</c>, then <c>dotnet nuget locals global-packages -l</c>,
/// then <c>~/.nuget/packages</c> (NuGet's documented default).
/// </summary>
public static class MscorlibLocator
{
    /// <summary>The CoreLibrary version the library is built and gated against.</summary>
    public const string CoreLibraryVersion = "1.17.11";

    /// <summary>Returns the path of mscorlib.dll, or throws <see cref="FileNotFoundException"/> naming every place tried.</summary>
    /// <param name="explicitPath">A path given by the caller (<c>--mscorlib</c>); used as is when not null.</param>
    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            if (!File.Exists(explicitPath))
            {
                throw new FileNotFoundException($"mscorlib not found at '{explicitPath}'", explicitPath);
            }
            return Path.GetFullPath(explicitPath);
        }

        var tried = new List<string>();
        foreach (string root in CandidateRoots())
        {
            string candidate = Path.Combine(root, "nanoframework.corelibrary", CoreLibraryVersion, "lib", "mscorlib.dll");
            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            "nanoFramework mscorlib " + CoreLibraryVersion + " not found; restore src/NanoRemap (dotnet restore) or pass --mscorlib. Tried: " +
            string.Join(", ", tried));
    }

    private static IEnumerable<string> CandidateRoots()
    {
        string? env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrEmpty(env))
        {
            yield return env;
        }

        string? fromCli = QueryDotnetGlobalPackages();
        if (!string.IsNullOrEmpty(fromCli))
        {
            yield return fromCli;
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(home))
        {
            yield return Path.Combine(home, ".nuget", "packages");
        }
    }

    // "global-packages: /root/.nuget/packages/" is the documented output of `dotnet nuget locals global-packages -l`.
    private static string? QueryDotnetGlobalPackages()
    {
        try
        {
            var psi = new ProcessStartInfo("dotnet", "nuget locals global-packages -l")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi);
            if (p is null)
            {
                return null;
            }
            string output = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(60_000))
            {
                p.Kill();
                return null;
            }
            const string prefix = "global-packages:";
            foreach (string line in output.Split('\n'))
            {
                string t = line.Trim();
                if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return t.Substring(prefix.Length).Trim();
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no dotnet on PATH: fall through to the default location
        }
        return null;
    }
}
