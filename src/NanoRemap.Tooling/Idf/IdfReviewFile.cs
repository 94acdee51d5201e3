using System.Text.RegularExpressions;

namespace NanoRemap.Tooling.Idf;

/// <summary>
/// boards/&lt;chip&gt;/idf-reviewed.txt: the disagreements with ESP-IDF's headers that are reviewed and kept, each
/// under a reason. One rule a line, <c>#</c> starts the explanation, which every rule must have:
/// <code>
/// review &lt;kind|*&gt; &lt;PERIPH.REG[.FIELD] glob&gt; &lt;modelling|idf-slip&gt; # why (ESP-IDF file or evidence)
/// instances &lt;header.h&gt; &lt;0-2|2,3|none&gt;                                # which instances of NAME_REG(i) exist
/// </code>
/// <c>*</c> in the glob matches any run of characters (dots included). Every disagreement must match exactly one
/// rule, and every rule at least one disagreement (a rule that matches nothing is stale).
/// </summary>
public sealed class IdfReviewFile
{
    /// <summary>The reasons a difference may be kept for.</summary>
    public static readonly IReadOnlyList<string> Reasons = new[] { "modelling", "idf-slip", "svd-kept", "known-error" };

    /// <summary>The file name used in messages.</summary>
    public required string File { get; init; }

    /// <summary>Per header file name (<c>spi_reg.h</c>), the instances of its function-like register macros that are real.</summary>
    public Dictionary<string, HashSet<int>> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>The rules in file order.</summary>
    public List<IdfReviewRule> Rules { get; } = new();

    /// <summary>The review file of a chip, relative to the repository root.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>boards/&lt;chip&gt;/idf-reviewed.txt.</returns>
    public static string PathOf(string chip) => Path.Combine("boards", chip, "idf-reviewed.txt");

    /// <summary>Reads the review file of a chip (empty when there is none).</summary>
    /// <param name="root">Repository root.</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="FormatException">A malformed line (file and line named).</exception>
    public static IdfReviewFile Load(string root, string chip)
    {
        string rel = PathOf(chip).Replace('\\', '/');
        string path = Path.Combine(root, rel);
        return System.IO.File.Exists(path) ? Parse(System.IO.File.ReadAllText(path), rel) : new IdfReviewFile { File = rel };
    }

    /// <summary>Parses review rules.</summary>
    /// <param name="text">The text.</param>
    /// <param name="file">The name used in messages.</param>
    /// <returns>The rules.</returns>
    /// <exception cref="FormatException">A malformed line (file and line named).</exception>
    public static IdfReviewFile Parse(string text, string file)
    {
        var result = new IdfReviewFile { File = file };
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            int hash = line.IndexOf('#');
            string body = (hash >= 0 ? line[..hash] : line).Trim();
            if (body.Length == 0)
            {
                continue;
            }

            string why = hash >= 0 ? line[(hash + 1)..].Trim() : string.Empty;
            string[] f = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            FormatException Err(string m) => new($"{file}:{i + 1}: {m}");
            if (f[0] == "instances" && f.Length == 3)
            {
                if (why.Length == 0)
                {
                    throw Err("an 'instances' line needs its explanation after '#' (e.g. the soc_caps.h count)");
                }

                var set = new HashSet<int>();
                foreach (string part in f[2] == "none" ? Array.Empty<string>() : f[2].Split(','))
                {
                    string[] ab = part.Split('-');
                    if (ab.Length is < 1 or > 2 || !int.TryParse(ab[0], out int a) || !int.TryParse(ab[^1], out int b) || b < a)
                    {
                        throw Err($"'{f[2]}' is not a list of instances (0-2, 2,3, none)");
                    }

                    for (int k = a; k <= b; k++)
                    {
                        set.Add(k);
                    }
                }

                if (!result.Instances.TryAdd(f[1], set))
                {
                    throw Err($"instances of {f[1]} given twice");
                }

                continue;
            }

            if (f[0] != "review" || f.Length != 4)
            {
                throw Err("expected 'review <kind|*> <PERIPH.REG[.FIELD] glob> <modelling|idf-slip> # why'");
            }

            if (f[1] != "*" && !IdfDifference.Kinds.Contains(f[1]))
            {
                throw Err($"unknown kind '{f[1]}' ({string.Join(", ", IdfDifference.Kinds)}, *)");
            }

            if (!Reasons.Contains(f[3]))
            {
                throw Err($"unknown reason '{f[3]}' ({string.Join(", ", Reasons)})");
            }

            if (why.Length == 0)
            {
                throw Err("a review rule needs its explanation after '#'");
            }

            string pattern = "^" + Regex.Escape(f[2]).Replace("\\*", ".*", StringComparison.Ordinal) + "$";
            result.Rules.Add(new IdfReviewRule(f[1], f[2], new Regex(pattern, RegexOptions.CultureInvariant), f[3], why, i + 1));
        }

        return result;
    }
}

/// <summary>One <c>review</c> line.</summary>
/// <param name="Kind">The kind it covers, or <c>*</c>.</param>
/// <param name="Glob">The target glob as written.</param>
/// <param name="Pattern">The glob as a regular expression.</param>
/// <param name="Reason"><c>modelling</c> or <c>idf-slip</c>.</param>
/// <param name="Why">The explanation.</param>
/// <param name="Line">Its line.</param>
public sealed record IdfReviewRule(string Kind, string Glob, Regex Pattern, string Reason, string Why, int Line)
{
    /// <summary>Whether the rule covers a difference.</summary>
    /// <param name="d">The difference.</param>
    /// <returns>True when kind and target match.</returns>
    public bool Covers(IdfDifference d) => (Kind == "*" || Kind == d.Kind) && Pattern.IsMatch(d.Target);
}
