using NanoRemap.Tooling.Eval;

namespace NanoRemap.Tooling.DeviceTests;

/// <summary>One case of a .vec file: the case line, its expected output line, and where they are.</summary>
/// <param name="Line">1-based line of the case.</param>
/// <param name="CaseText">The case line, comment removed.</param>
/// <param name="ExpectedText">The expected output, without the <c>=&gt; </c> prefix and comment.</param>
public sealed record VectorLine(int Line, string CaseText, string ExpectedText);

/// <summary>
/// Reads the conformance vector format (eval contract, "Conformance vector files"): case lines, each followed
/// by its expected output prefixed with <c>=&gt; </c>; <c>#</c> comments and blank lines anywhere.
/// </summary>
public static class VectorFileReader
{
    /// <summary>Reads every case/expected pair of a file's text.</summary>
    /// <param name="fileName">The file name, for messages.</param>
    /// <param name="text">The file's contents.</param>
    /// <returns>The pairs, in file order.</returns>
    /// <exception cref="FormatException">A case without an expected line, or an expected line without a case.</exception>
    public static IReadOnlyList<VectorLine> Read(string fileName, string text)
    {
        var result = new List<VectorLine>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        int pendingLine = 0;
        string? pending = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = EvalCaseParser.StripComment(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("=>", StringComparison.Ordinal))
            {
                if (pending == null)
                {
                    throw new FormatException($"{fileName}:{i + 1}: expected output without a case line before it");
                }

                result.Add(new VectorLine(pendingLine, pending, line.Substring(2).Trim()));
                pending = null;
                continue;
            }

            if (pending != null)
            {
                throw new FormatException($"{fileName}:{pendingLine}: case line has no '=> ' expected output after it");
            }

            pending = line;
            pendingLine = i + 1;
        }

        if (pending != null)
        {
            throw new FormatException($"{fileName}:{pendingLine}: case line has no '=> ' expected output after it");
        }

        return result;
    }
}
