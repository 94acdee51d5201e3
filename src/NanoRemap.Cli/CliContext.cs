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
}
