namespace NanoRemap.Cli;

/// <summary>
/// What a command reads from its environment besides its arguments: standard input and the directory
/// nf.config is looked up from. Tests substitute both; output goes through
/// <c>ParseResult.InvocationConfiguration.Output</c> / <c>.Error</c>.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Standard input (read when eval has no file or the file <c>-</c>).</summary>
    public Func<TextReader> StdIn { get; init; } = () => Console.In;

    /// <summary>Where the nf.config lookup starts.</summary>
    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The lines of a case file, or of standard input for <c>-</c>.</summary>
    public string[] ReadLines(string path)
    {
        if (path != "-")
        {
            return File.ReadAllLines(path);
        }

        var lines = new List<string>();
        TextReader reader = StdIn();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lines.Add(line);
        }

        return lines.ToArray();
    }
}
