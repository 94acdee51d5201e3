using System;
using System.IO;

namespace NanoRemap.DeviceTests.HostRun
{
    internal static class RepoRoot
    {
        // The directory holding NanoRemap.sln, found upward from the test binaries.
        public static string Find()
        {
            for (DirectoryInfo d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "NanoRemap.sln")))
                {
                    return d.FullName;
                }
            }

            throw new InvalidOperationException("NanoRemap.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
