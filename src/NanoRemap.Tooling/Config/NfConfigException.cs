namespace NanoRemap.Tooling.Config;

/// <summary>
/// nf.config could not be read or is malformed. The message names the file, the line (when there is
/// one) and what is wrong, e.g. <c>nf.config:4: unknown key 'modle' (keys: model, arch, page_shift, board)</c>.
/// </summary>
public sealed class NfConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">1-based line number, or 0 when the problem is not on one line.</param>
    /// <param name="problem">What is wrong, without the location.</param>
    /// <param name="inner">The underlying I/O exception, if any.</param>
    public NfConfigException(string path, int line, string problem, Exception? inner = null)
        : base((line > 0 ? $"{path}:{line}: " : $"{path}: ") + problem, inner)
    {
        Path = path;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file that was being read.</summary>
    public string Path { get; }

    /// <summary>1-based line number of the problem, or 0.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
