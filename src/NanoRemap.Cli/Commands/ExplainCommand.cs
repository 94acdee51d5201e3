using System.CommandLine;
using NanoRemap.Tooling.Eval;
using NanoRemap.Tooling.Explain;
using NanoRemap.Tooling.Explain.Drawing;

namespace NanoRemap.Cli.Commands;

/// <summary><c>nanoremap explain &lt;case...&gt;</c> or <c>--file F</c>: a case step by step, for a person.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var tokens = new Argument<string[]>("case") { Description = Strings.ExplainCase, Arity = ArgumentArity.ZeroOrMore, HelpName = "key=value" };
        var file = new Option<string?>("--file") { Description = Strings.ExplainFile, HelpName = "FILE" };
        var reenter = new Option<bool>("--reenter-prepare") { Description = Strings.ReenterOption };
        var svgFile = new Option<string?>("--svg") { Description = Strings.SvgOption, HelpName = "FILE" };
        var pngFile = new Option<string?>("--png") { Description = Strings.PngOption, HelpName = "FILE" };
        var command = new Command("explain", Strings.Explain);
        command.Arguments.Add(tokens);
        command.Options.Add(file);
        command.Options.Add(reenter);
        command.Options.Add(svgFile);
        command.Options.Add(pngFile);
        KernelOptions kernel = KernelOptions.AddTo(command);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            string[] caseTokens = parse.GetValue(tokens) ?? Array.Empty<string>();
            string? path = parse.GetValue(file);
            if ((caseTokens.Length == 0) == (path == null))
            {
                error.WriteLine("nanoremap explain: give either a case (e.g. 'nanoremap explain op=prep vm_len=0x1000 phys=0x3ff44000 size=0x1000') or --file FILE");
                return ExitCodes.CannotRun;
            }

            EvalSettings? defaults = kernel.Resolve(parse, context);
            if (defaults == null)
            {
                return ExitCodes.CannotRun;
            }

            bool v2 = parse.GetValue(reenter);
            string? svg = parse.GetValue(svgFile);
            string? png = parse.GetValue(pngFile);
            if ((svg != null || png != null) && path != null)
            {
                error.WriteLine("nanoremap explain: --svg/--png draw one case: give the case on the command line, not --file");
                return ExitCodes.CannotRun;
            }

            if (path == null)
            {
                string line = string.Join(' ', caseTokens);
                if (svg == null && png == null)
                {
                    return ExplainLine(line, defaults, v2, output) ? ExitCodes.Ok : ExitCodes.Malformed;
                }

                return ExplainToPictures(line, defaults, v2, svg, png, output, error);
            }

            string[] lines;
            try
            {
                lines = context.ReadLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"nanoremap explain: cannot read {path}: {e.Message}");
                return ExitCodes.CannotRun;
            }

            return ExplainFile(lines, path, defaults, v2, output, error);
        });
        return command;
    }

    // One case, explained on stdout and drawn into svgPath and/or pngPath. Nothing is written for a malformed
    // case or a failed rendering; each file is written whole (to a temporary file beside it, then moved).
    private static int ExplainToPictures(string line, EvalSettings defaults, bool v2, string? svgPath, string? pngPath, TextWriter output, TextWriter error)
    {
        string targets = string.Join(" and ", new[] { svgPath, pngPath }.Where(p => p != null));
        EvalCase c;
        try
        {
            c = EvalCaseParser.Parse(line, defaults);
        }
        catch (EvalCaseException e)
        {
            output.WriteLine($"case:    {EvalCaseParser.StripComment(line)}");
            output.WriteLine($"error={e.Message}");
            error.WriteLine($"nanoremap explain: {targets} not written: the case is malformed: {e.Message}");
            return ExitCodes.Malformed;
        }

        ExplainReport report = Explainer.Explain(c, v2);
        string text = ExplainDrawing.ToSvgText(report);
        var files = new List<(string Path, byte[] Bytes)>();
        if (svgPath != null)
        {
            files.Add((svgPath, new System.Text.UTF8Encoding(false).GetBytes(text)));
        }

        if (pngPath != null)
        {
            if (!PngRenderer.TryRender(text, 2f, out byte[]? png, out string? why))
            {
                error.WriteLine($"nanoremap explain: {targets} not written: {why}");
                return ExitCodes.CannotRun;
            }

            files.Add((pngPath, png!));
        }

        string? problem = CheckWritable(files.Select(f => f.Path));
        if (problem != null)
        {
            error.WriteLine($"nanoremap explain: {problem}");
            return ExitCodes.CannotRun;
        }

        try
        {
            // All or none, through temporary files renamed over the targets (SafeFile refuses a target that is not a regular file).
            NanoRemap.Tooling.IO.SafeFile.WriteAll(files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"nanoremap explain: cannot write {targets}: {e.Message}");
            return ExitCodes.CannotRun;
        }

        foreach (string l in report.Lines)
        {
            output.WriteLine(l);
        }

        foreach ((string path, _) in files)
        {
            output.WriteLine($"{(path == svgPath ? "svg" : "png")}:     {path}");
        }

        return ExitCodes.Ok;
    }

    // A reason the pictures cannot be written (a missing directory, a directory in the way), or null.
    private static string? CheckWritable(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return $"cannot write {path}: {e.Message}";
            }

            string dir = Path.GetDirectoryName(full) ?? ".";
            if (!Directory.Exists(dir))
            {
                return $"cannot write {path}: directory {dir} does not exist";
            }

            if (Directory.Exists(full))
            {
                return $"cannot write {path}: it is a directory";
            }

            // Only a regular file is replaced: never a FIFO, device or socket, nor a symbolic link (renamed over, it
            // would be replaced by a regular file).
            if (NanoRemap.Tooling.IO.FileKind.WhyNotReplaceable(full) is { } why)
            {
                return $"cannot write {path}: {why}";
            }
        }

        return null;
    }

    // One case; false if it was malformed.
    private static bool ExplainLine(string line, EvalSettings defaults, bool v2, TextWriter output)
    {
        return Explain(line, defaults, v2, output) != null;
    }

    // Returns the eval output line of a well-formed case, or null after printing the error.
    private static string? Explain(string line, EvalSettings defaults, bool v2, TextWriter output)
    {
        EvalCase c;
        try
        {
            c = EvalCaseParser.Parse(line, defaults);
        }
        catch (EvalCaseException e)
        {
            output.WriteLine($"case:    {EvalCaseParser.StripComment(line)}");
            output.WriteLine($"kernel:  {defaults} (defaults)");
            output.WriteLine($"error={e.Message}");
            return null;
        }

        ExplainReport report = Explainer.Explain(c, v2);
        foreach (string l in report.Lines)
        {
            output.WriteLine(l);
        }

        return report.Result.Format();
    }

    private static int ExplainFile(string[] lines, string path, EvalSettings defaults, bool v2, TextWriter output, TextWriter error)
    {
        bool bad = false;
        string? last = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (VectorFile.IsExpectation(line))
            {
                string expected = line.TrimStart().Substring(VectorFile.ExpectPrefix.Length).Trim();
                bool match = expected == last;
                bad |= !match;
                output.WriteLine($"expected: {expected} ({(match ? "matches" : "DIFFERS")})");
                last = null;
                continue;
            }

            if (!Evaluator.IsCase(line))
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"== {path}:{i + 1} ==");
            last = Explain(line, defaults, v2, output);
            if (last == null)
            {
                bad = true;
                error.WriteLine($"{path}:{i + 1}: error: malformed case");
                last = "(malformed)";
            }
        }

        return bad ? ExitCodes.Malformed : ExitCodes.Ok;
    }
}
