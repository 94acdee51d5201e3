using System.CommandLine;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tooling.Idf;
using NanoRemap.Tooling.Svd;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// <c>nanoremap boards check-idf</c>: the ESP-IDF cross-check of the facts. Compares every boards/&lt;chip&gt;/registers.txt
/// with ESP-IDF's register headers by address (fields, access, reset) and fails (exit 1) on a disagreement that
/// boards/&lt;chip&gt;/idf-reviewed.txt does not review (svd-patches.txt corrects the others). Exit 0 with a note
/// when ESP-IDF is missing.
/// </summary>
internal static class BoardsCheckIdfCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="root">The shared <c>--root</c> option.</param>
    /// <returns>The command.</returns>
    public static Command Create(Option<DirectoryInfo?> root)
    {
        var idfDir = new Option<DirectoryInfo?>("--idf-dir") { Description = "ESP-IDF v5.5.4 tree (default: $NANOREMAP_IDF_DIR, else <repo>/../shared/esp-idf-v5.5.4)" };
        var chipOpt = new Option<string?>("--chip") { Description = "Check one chip (default: all seven)" };
        var all = new Option<bool>("--all") { Description = "List every disagreement with the rule that reviews it, not only the unresolved ones" };
        var command = new Command("check-idf", "Cross-check the register facts with ESP-IDF's register headers (fields, access, reset by address); exit 1 on a disagreement neither svd-patches.txt nor idf-reviewed.txt resolves");
        command.Options.Add(idfDir);
        command.Options.Add(chipOpt);
        command.Options.Add(all);
        command.Options.Add(root);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                string dir = parse.GetValue(root)?.FullName ?? BoardGenerator.FindRepoRoot(Directory.GetCurrentDirectory());
                string idf = parse.GetValue(idfDir)?.FullName ?? IdfFolder.Resolve(dir);
                string? one = parse.GetValue(chipOpt);
                if (one != null && !SvdFolder.Chips.Contains(one))
                {
                    error.WriteLine($"boards check-idf: unknown chip '{one}' ({string.Join(", ", SvdFolder.Chips)})");
                    return 2;
                }

                int failed = 0;
                foreach (string chip in one != null ? new[] { one } : SvdFolder.Chips)
                {
                    string? missing = IdfFolder.Missing(idf, chip);
                    if (missing != null)
                    {
                        output.WriteLine($"boards check-idf: skipped {chip}: {missing}");
                        continue;
                    }

                    IdfCheck c = IdfCheck.Run(dir, idf, chip);
                    foreach (var (d, rule) in c.Differences)
                    {
                        if (rule == null)
                        {
                            error.WriteLine($"unresolved: {chip} {d}");
                        }
                        else if (parse.GetValue(all))
                        {
                            output.WriteLine($"reviewed ({rule.Reason}, {IdfReviewFile.PathOf(chip).Replace('\\', '/')}:{rule.Line}): {chip} {d}");
                        }
                    }

                    foreach (string e in c.Errors)
                    {
                        error.WriteLine(e);
                    }

                    output.WriteLine(c.Summary());
                    if (c.Errors.Count > 0 || c.Unresolved.Any())
                    {
                        failed++;
                    }
                }

                if (failed > 0)
                {
                    error.WriteLine($"boards check-idf: {failed} chip(s) with unresolved disagreements: patch the facts in boards/<chip>/svd-patches.txt (citing the ESP-IDF file and line) or review the difference in boards/<chip>/idf-reviewed.txt");
                    return 1;
                }

                return 0;
            }
            catch (Exception e) when (e is FormatException or NanoRemap.Facts.FactsException or IOException or DirectoryNotFoundException)
            {
                error.WriteLine($"boards check-idf: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
