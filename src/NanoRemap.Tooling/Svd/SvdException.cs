namespace NanoRemap.Tooling.Svd;

/// <summary>An SVD file or an svd-patches.txt line that cannot be imported; the message names file, line and element.</summary>
public sealed class SvdException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="line">The 1-based line at fault (0 when unknown).</param>
    /// <param name="element">The element at fault (an XML element path or a patch target).</param>
    /// <param name="message">What is wrong.</param>
    public SvdException(string file, int line, string element, string message)
        : base($"{file}:{line}: {element}: {message}")
    {
        File = file;
        Line = line;
        Element = element;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault.</summary>
    public int Line { get; }

    /// <summary>The element at fault.</summary>
    public string Element { get; }
}
