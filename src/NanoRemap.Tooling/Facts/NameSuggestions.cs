namespace NanoRemap.Tooling.Facts;

/// <summary>The closest names to a mistyped one (edit distance, case-insensitive), for "did you mean" messages.</summary>
public static class NameSuggestions
{
    /// <summary>Up to <paramref name="count"/> candidates closest to <paramref name="name"/>; names that contain it or that it contains come first.</summary>
    /// <param name="name">The name the user gave.</param>
    /// <param name="candidates">The names that exist.</param>
    /// <param name="count">How many to return.</param>
    /// <returns>The closest candidates, best first.</returns>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int count = 5)
    {
        string n = name.ToUpperInvariant();
        return candidates
            .Select(c => (Name: c, Upper: c.ToUpperInvariant()))
            .Select(c => (c.Name, Score: Distance(n, c.Upper) - (c.Upper.Contains(n, StringComparison.Ordinal) || n.Contains(c.Upper, StringComparison.Ordinal) ? 100 : 0)))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Levenshtein distance.</summary>
    /// <param name="a">One string.</param>
    /// <param name="b">The other.</param>
    /// <returns>The number of single-character edits between them.</returns>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
