namespace NanoRemap.Tooling.Eval;

/// <summary>
/// The eval contract over lines and streams: blank and <c>#</c> lines are skipped, every case line gives
/// exactly one output line (the result, or <c>error=...</c>), and the rest still run after a malformed one.
/// </summary>
public sealed class Evaluator
{
    /// <summary>Creates an evaluator with the defaults for model, arch and page_shift.</summary>
    public Evaluator(EvalSettings defaults)
    {
        Defaults = defaults;
    }

    /// <summary>The defaults cases start from.</summary>
    public EvalSettings Defaults { get; }

    /// <summary>v1/v2 behaviour of simple_ioremap_prepare (re-enter prepare once); same results.</summary>
    public bool SimpleIoremapReentersPrepare { get; init; }

    /// <summary>Whether <paramref name="line"/> holds a case (is not blank or only a comment).</summary>
    public static bool IsCase(string line) => EvalCaseParser.StripComment(line).Length != 0;

    /// <summary>Evaluates one line; null if it is blank or a comment.</summary>
    public EvalLineResult? EvalLine(string line)
    {
        if (!IsCase(line))
        {
            return null;
        }

        EvalCase c;
        try
        {
            c = EvalCaseParser.Parse(line, Defaults);
        }
        catch (EvalCaseException e)
        {
            return new EvalLineResult("error=" + e.Message, null, e.Message);
        }

        EvalResult r = EvalRunner.Run(c, null, SimpleIoremapReentersPrepare);
        return new EvalLineResult(r.Format(), r, null);
    }

    /// <summary>
    /// Evaluates every line of <paramref name="input"/>, writing one line per case to <paramref name="output"/>.
    /// Each malformed line is also reported as <c>source:line: error: ...</c> on <paramref name="diagnostics"/>.
    /// </summary>
    /// <param name="input">The case lines.</param>
    /// <param name="sourceName">The file name (or <c>&lt;stdin&gt;</c>) for diagnostics.</param>
    /// <param name="output">Where result lines go (stdout).</param>
    /// <param name="diagnostics">Where located errors go (stderr), or null.</param>
    /// <returns>How many lines were malformed.</returns>
    public int Run(TextReader input, string sourceName, TextWriter output, TextWriter? diagnostics)
    {
        int malformed = 0;
        int lineNo = 0;
        string? line;
        while ((line = input.ReadLine()) != null)
        {
            lineNo++;
            EvalLineResult? r = EvalLine(line);
            if (r == null)
            {
                continue;
            }

            output.WriteLine(r.Output);
            if (r.IsError)
            {
                malformed++;
                diagnostics?.WriteLine($"{sourceName}:{lineNo}: error: {r.Error}");
            }
        }

        return malformed;
    }
}
