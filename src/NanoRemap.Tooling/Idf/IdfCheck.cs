using NanoRemap.Facts;
using NanoRemap.Tooling.Svd;

namespace NanoRemap.Tooling.Idf;

/// <summary>
/// The ESP-IDF cross-check of one chip (<c>nanoremap boards check-idf</c>): compares the committed facts with
/// ESP-IDF's headers (<see cref="IdfCrossCheck"/>) and resolves every disagreement against
/// boards/&lt;chip&gt;/idf-reviewed.txt. What svd-patches.txt corrects no longer disagrees.
/// </summary>
public sealed class IdfCheck
{
    /// <summary>Chip name.</summary>
    public required string Chip { get; init; }

    /// <summary>Registers compared (facts registers with an IDF register at their address).</summary>
    public required int Compared { get; init; }

    /// <summary>Each disagreement with the rule that reviews it (null: unresolved).</summary>
    public required List<(IdfDifference Difference, IdfReviewRule? Rule)> Differences { get; init; }

    /// <summary>Errors of the review file: a difference two rules match, a rule that matches nothing.</summary>
    public required List<string> Errors { get; init; }

    /// <summary>The unresolved disagreements.</summary>
    public IEnumerable<IdfDifference> Unresolved => Differences.Where(x => x.Rule == null).Select(x => x.Difference);

    /// <summary>Runs the check of one chip.</summary>
    /// <param name="root">Repository root.</param>
    /// <param name="idfRoot">ESP-IDF root.</param>
    /// <param name="chip">Chip name.</param>
    /// <param name="facts">The facts to check (default: the committed boards/&lt;chip&gt;/registers.txt).</param>
    /// <returns>The result.</returns>
    public static IdfCheck Run(string root, string idfRoot, string chip, ChipFacts? facts = null)
    {
        facts ??= ChipFacts.Load(Path.Combine(root, SvdImporter.FactsPath(chip)));
        List<IdfRegister> idf = IdfHeaders.Read(idfRoot, chip);
        IdfReviewFile review = IdfReviewFile.Load(root, chip);
        IdfCrossCheck cmp = IdfCrossCheck.Compare(facts, idf, review.Instances);
        var used = new HashSet<IdfReviewRule>();
        var errors = new List<string>();
        var list = new List<(IdfDifference, IdfReviewRule?)>();
        foreach (IdfDifference d in cmp.Differences)
        {
            var rules = review.Rules.Where(r => r.Covers(d)).ToList();
            if (rules.Count > 1)
            {
                errors.Add($"{review.File}:{rules[0].Line} and :{rules[1].Line} both review {d}");
            }

            IdfReviewRule? rule = rules.Count > 0 ? rules[0] : null;
            if (rule != null)
            {
                used.Add(rule);
            }

            list.Add((d, rule));
        }

        foreach (IdfReviewRule r in review.Rules.Where(r => !used.Contains(r)))
        {
            errors.Add($"{review.File}:{r.Line}: 'review {r.Kind} {r.Glob}' matches no disagreement (stale: remove it)");
        }

        return new IdfCheck { Chip = chip, Compared = cmp.Matches.Count, Differences = list, Errors = errors };
    }

    /// <summary>One summary line: registers compared, disagreements per class and reason, unresolved.</summary>
    /// <returns>The line.</returns>
    public string Summary()
    {
        string Count(Func<(IdfDifference D, IdfReviewRule? R), bool> p) => Differences.Count(p).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var classes = new[] { "field-range", "missing-field", "access", "reset" };
        string per = string.Join(", ", classes.Select(c => $"{c} {Count(x => IdfDifference.ClassOf(x.D.Kind) == c)}"));
        return $"{Chip}: {Compared} registers compared; reviewed {Count(x => x.R != null)} ({per}; modelling {Count(x => x.R?.Reason == "modelling")}, idf-slip {Count(x => x.R?.Reason == "idf-slip")}, svd-kept {Count(x => x.R?.Reason == "svd-kept")}, known-error {Count(x => x.R?.Reason == "known-error")}); unresolved {Count(x => x.R == null)}";
    }
}
