using System.CommandLine;
using NanoRemap.Tooling.Eval;

namespace NanoRemap.Cli.Commands;

/// <summary><c>nanoremap eval [FILE...]</c>: the line contract over files or stdin.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = Strings.EvalFiles, Arity = ArgumentArity.ZeroOrMore, HelpName = "FILE" };
        var vectors = new Option<bool>("--vectors") { Description = Strings.VectorsOption };
        var reenter = new Option<bool>("--reenter-prepare") { Description = Strings.ReenterOption };
        var command = new Command("eval", Strings.Eval);
        command.Arguments.Add(files);
        command.Options.Add(vectors);
        command.Options.Add(reenter);
        KernelOptions kernel = KernelOptions.AddTo(command);
        command.SetAction(parse =>
        {
            EvalSettings? defaults = kernel.Resolve(parse, context);
            if (defaults == null)
            {
                return ExitCodes.CannotRun;
            }

            var evaluator = new Evaluator(defaults) { SimpleIoremapReentersPrepare = parse.GetValue(reenter) };
            string[] paths = parse.GetValue(files) is { Length: > 0 } given ? given : new[] { "-" };
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            return parse.GetValue(vectors)
                ? CheckVectors(evaluator, paths, context, output, error)
                : Evaluate(evaluator, paths, context, output, error);
        });
        return command;
    }

    private static int Evaluate(Evaluator evaluator, string[] paths, CliContext context, TextWriter output, TextWriter error)
    {
        int malformed = 0;
        bool unreadable = false;
        foreach (string path in paths)
        {
            try
            {
                using TextReader reader = context.OpenLines(path);
                malformed += evaluator.Run(reader, path == "-" ? "<stdin>" : path, output, error);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"nanoremap eval: cannot read {path}: {e.Message}");
                unreadable = true;
            }
        }

        return unreadable ? ExitCodes.CannotRun : malformed > 0 ? ExitCodes.Malformed : ExitCodes.Ok;
    }

    private static int CheckVectors(Evaluator evaluator, string[] paths, CliContext context, TextWriter output, TextWriter error)
    {
        int passed = 0;
        int failed = 0;
        bool unreadable = false;
        foreach (string path in paths)
        {
            List<VectorCase> cases;
            try
            {
                string[] lines = context.ReadLines(path);
                cases = VectorFile.Parse(lines, path == "-" ? "<stdin>" : path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"nanoremap eval: cannot read {path}: {e.Message}");
                unreadable = true;
                continue;
            }

            foreach (VectorCase v in cases)
            {
                if (v.FormatError != null)
                {
                    failed++;
                    output.WriteLine($"{v.Location}: {v.FormatError}");
                    continue;
                }

                string actual = evaluator.EvalLine(v.Case)?.Output ?? "(not a case)";
                if (actual == v.Expected)
                {
                    passed++;
                    continue;
                }

                failed++;
                output.WriteLine($"{v.Location}: {v.Case}");
                output.WriteLine($"  expected: {v.Expected}");
                output.WriteLine($"  actual:   {actual}");
            }
        }

        output.WriteLine($"vectors: {passed} passed, {failed} failed");
        return unreadable ? ExitCodes.CannotRun : failed > 0 ? ExitCodes.Malformed : ExitCodes.Ok;
    }
}
