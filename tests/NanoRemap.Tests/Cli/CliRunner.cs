using System.CommandLine;
using NanoRemap.Cli;

namespace NanoRemap.Tests.Cli;

/// <summary>Runs the real command tree in-process with captured stdin, stdout, stderr and working directory.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int Exit, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }

    public static Outcome Run(string[] args, string stdin = "", string cwd = null)
    {
        var context = new CliContext
        {
            StdIn = () => new StringReader(stdin),
            CurrentDirectory = cwd ?? TempDir.EmptyWithDefaults(),
        };
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CommandDefinitions.Build(context).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new Outcome(exit, output.ToString(), error.ToString());
    }
}

/// <summary>Temporary directories for nf.config lookups; removed at process exit.</summary>
internal static class TempDir
{
    public static string Create()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nanoremap-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    // A directory holding an nf.config with the built-in defaults spelled out, so a test never depends on
    // an nf.config above the temp directory (or the repo's).
    public static string EmptyWithDefaults()
    {
        string dir = Create();
        File.WriteAllText(Path.Combine(dir, "nf.config"), "model = nommu\narch = ilp32\npage_shift = 12\nboard = esp32\n");
        return dir;
    }

    public static string WithFile(string name, string text)
    {
        string dir = Create();
        File.WriteAllText(Path.Combine(dir, name), text);
        return Path.Combine(dir, name);
    }
}
