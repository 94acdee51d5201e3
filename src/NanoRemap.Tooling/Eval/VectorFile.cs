namespace NanoRemap.Tooling.Eval;

/// <summary>
/// Reads conformance vector files (<c>tests/vectors/*.vec</c>): case lines, each followed by its expected
/// output line prefixed with <c>=&gt; </c>; <c>#</c> comments and blank lines are free.
/// </summary>
public static class VectorFile
{
    /// <summary>The prefix of an expected-output line.</summary>
    public const string ExpectPrefix = "=>";

    /// <summary>Whether a line is an expected-output line (<c>=&gt; ...</c>).</summary>
    public static bool IsExpectation(string line) => line.TrimStart().StartsWith(ExpectPrefix, StringComparison.Ordinal);

    /// <summary>Reads one file.</summary>
    public static List<VectorCase> Read(string path) => Parse(File.ReadAllLines(path), Path.GetFileName(path));

    /// <summary>
    /// Parses the lines of a vector file. A case without a following <c>=&gt;</c> line, or a <c>=&gt;</c>
    /// line without a case before it, becomes an entry with <see cref="VectorCase.FormatError"/> set, so a
    /// test run reports it rather than skipping it.
    /// </summary>
    public static List<VectorCase> Parse(IReadOnlyList<string> lines, string fileName)
    {
        var cases = new List<VectorCase>();
        int pendingLine = 0;
        string? pending = null;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            int lineNo = i + 1;
            if (IsExpectation(line))
            {
                string expected = line.TrimStart().Substring(ExpectPrefix.Length).Trim();
                if (pending == null)
                {
                    cases.Add(new VectorCase(fileName, lineNo, string.Empty, null, $"'=>' line without a case line before it: {line.Trim()}"));
                }
                else
                {
                    cases.Add(new VectorCase(fileName, pendingLine, pending, expected, null));
                    pending = null;
                }

                continue;
            }

            if (!Evaluator.IsCase(line))
            {
                continue;
            }

            if (pending != null)
            {
                cases.Add(new VectorCase(fileName, pendingLine, pending, null, "case line not followed by a '=> expected' line"));
            }

            pending = line.Trim();
            pendingLine = lineNo;
        }

        if (pending != null)
        {
            cases.Add(new VectorCase(fileName, pendingLine, pending, null, "case line not followed by a '=> expected' line (end of file)"));
        }

        return cases;
    }
}
