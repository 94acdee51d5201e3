namespace NanoRemap.Tests.DeviceTests;

/// <summary>Where the nanoFramework projects and the device tests live in the repository.</summary>
internal static class DeviceTestPaths
{
    private static readonly Lazy<string> RootValue = new(() =>
    {
        for (DirectoryInfo d = new(AppContext.BaseDirectory); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "NanoRemap.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("NanoRemap.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root (holds NanoRemap.sln).</summary>
    public static string Root => RootValue.Value;

    /// <summary>A path under the root, given with forward slashes.</summary>
    public static string At(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));
}
