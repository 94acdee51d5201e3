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
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        return root;
    }
}
