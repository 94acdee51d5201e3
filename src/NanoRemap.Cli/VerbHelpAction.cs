using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NanoRemap.Cli;

/// <summary>
/// The default help, followed by a longer section for the verbs that have one (eval's line contract,
/// explain's example), so the root's verb list keeps one line per verb.
/// </summary>
internal sealed class VerbHelpAction : SynchronousCommandLineAction
{
    private readonly HelpAction _default;
    private readonly Dictionary<Command, string> _sections;

    public VerbHelpAction(HelpAction defaultHelp, Dictionary<Command, string> sections)
    {
        _default = defaultHelp;
        _sections = sections;
    }

    /// <summary>Installs the action on the root's <c>--help</c> option.</summary>
    public static void Install(RootCommand root, Dictionary<Command, string> sections)
    {
        HelpOption? option = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (option?.Action is HelpAction help)
        {
            option.Action = new VerbHelpAction(help, sections);
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        int rc = _default.Invoke(parseResult);
        if (_sections.TryGetValue(parseResult.CommandResult.Command, out string? section))
        {
            parseResult.InvocationConfiguration.Output.WriteLine(section);
            parseResult.InvocationConfiguration.Output.WriteLine();
        }

        return rc;
    }
}
