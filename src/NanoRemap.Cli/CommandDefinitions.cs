using System.CommandLine;
using NanoRemap.Cli.Commands;

namespace NanoRemap.Cli;

/// <summary>Builds the command tree; one file per verb under Commands/, their text in Strings.cs.</summary>
internal static class CommandDefinitions
{
    /// <summary>The root command with every verb.</summary>
    /// <param name="context">Standard input and working directory; the process's when null.</param>
    public static RootCommand Build(CliContext? context = null)
    {
        context ??= new CliContext();
        var root = new RootCommand(Strings.Root);
        root.Subcommands.Add(DemoCommand.Create(context));
        Command eval = EvalCommand.Create(context);
        Command explain = ExplainCommand.Create(context);
        root.Subcommands.Add(eval);
        root.Subcommands.Add(explain);
        root.Subcommands.Add(BoardsCommand.Create());
        root.Subcommands.Add(RegsCommand.Create(context));
        root.Subcommands.Add(NfCheckCommand.Create());
        root.Subcommands.Add(NativeChecksumCommand.Create());
        // The verb list shows one line per verb; `eval --help` and `explain --help` add the long text.
        VerbHelpAction.Install(root, new Dictionary<Command, string> { [eval] = Strings.EvalContract, [explain] = Strings.ExplainMore });
        return root;
    }
}
