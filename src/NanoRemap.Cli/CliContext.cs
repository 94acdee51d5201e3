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

    /// <summary>The longest case line read (16 Ki characters; a case line is under 200).</summary>
    public const int MaxLineChars = 16 * 1024;

    /// <summary>The most characters read from one case file or standard input (64 Mi).</summary>
    public const long MaxInputChars = 64L * 1024 * 1024;

    /// <summary>
    /// A bounded reader of a case file, or of standard input for <c>-</c>: a line longer than
    /// <see cref="MaxLineChars"/> or an input longer than <see cref="MaxInputChars"/> (/dev/zero, an endless pipe)
    /// is an <see cref="NanoRemap.IO.InputLimitException"/> (an IOException: the verb cannot run, exit 2).
    /// </summary>
    public TextReader OpenLines(string path) => path == "-"
        ? new NanoRemap.IO.BoundedReader(StdIn(), "<stdin>", MaxLineChars, MaxInputChars, leaveOpen: true)
        : NanoRemap.IO.BoundedReader.OpenFile(path, MaxLineChars, MaxInputChars);

    /// <summary>The lines of a case file, or of standard input for <c>-</c> (bounded as <see cref="OpenLines"/>).</summary>
    public string[] ReadLines(string path)
    {
        var lines = new List<string>();
        using TextReader reader = OpenLines(path);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lines.Add(line);
        }

        return lines.ToArray();
    }
}
