namespace NanoRemap.Cli;

/// <summary>Words the failure to read an assembly (nfcheck, native-checksum): what is wrong with the file, no stack trace.</summary>
internal static class AssemblyErrors
{
    /// <summary>One sentence for an exception from reading a PE file and its metadata.</summary>
    /// <param name="e">A BadImageFormatException, InvalidOperationException (no metadata) or IOException.</param>
    /// <returns>The sentence.</returns>
    public static string Describe(Exception e) => e switch
    {
        BadImageFormatException b => $"not a valid .NET assembly (empty, text, truncated or malformed metadata): {b.Message}",
        InvalidOperationException i => $"not a .NET assembly (no managed metadata): {i.Message}",
        _ => $"cannot read: {e.Message}",
    };
}
