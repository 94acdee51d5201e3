using System.CommandLine;
using NanoRemap.Mm;
using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Eval;

namespace NanoRemap.Cli;

/// <summary>
/// The options that choose the kernel a case runs on when the case does not say: <c>--model</c>,
/// <c>--arch</c>, <c>--page-shift</c> override nf.config (<c>--config PATH</c>, else the nearest nf.config
/// from the current directory up, else nommu / ilp32 / 12).
/// </summary>
internal sealed class KernelOptions
{
    private KernelOptions()
    {
    }

    public Option<string?> Model { get; } = new Option<string?>("--model") { Description = Strings.ModelOption, HelpName = "nommu|mmu" }.AcceptOnlyFromAmong(ModelNames.Models);

    public Option<string?> Arch { get; } = new Option<string?>("--arch") { Description = Strings.ArchOption, HelpName = "ilp32|ilp32-phys64|lp64" }.AcceptOnlyFromAmong(ModelNames.Arches);

    public Option<int?> PageShift { get; } = new("--page-shift") { Description = Strings.PageShiftOption, HelpName = "N" };

    public Option<string?> Config { get; } = new("--config") { Description = Strings.ConfigOption, HelpName = "PATH" };

    /// <summary>Creates the options and adds them to <paramref name="command"/>.</summary>
    public static KernelOptions AddTo(Command command)
    {
        var o = new KernelOptions();
        command.Options.Add(o.Model);
        command.Options.Add(o.Arch);
        command.Options.Add(o.PageShift);
        command.Options.Add(o.Config);
        return o;
    }

    /// <summary>
    /// The defaults cases start from, or null after writing why not to stderr (bad nf.config, a page shift
    /// out of range for the arch).
    /// </summary>
    public EvalSettings? Resolve(ParseResult parse, CliContext context)
    {
        TextWriter err = parse.InvocationConfiguration.Error;
        NfConfig config;
        try
        {
            string? path = parse.GetValue(Config);
            config = path != null ? NfConfig.Load(path) : NfConfig.Find(context.CurrentDirectory);
        }
        catch (NfConfigException e)
        {
            err.WriteLine($"nanoremap: {e.Message}");
            return null;
        }

        EvalSettings s = EvalSettings.From(config);
        if (parse.GetValue(Model) is { } m && ModelNames.TryParseModel(m, out KernelModel model))
        {
            s = s with { Model = model };
        }

        if (parse.GetValue(Arch) is { } a && ModelNames.TryParseArch(a, out WordModel arch))
        {
            s = s with { Arch = arch };
        }

        if (parse.GetValue(PageShift) is { } ps)
        {
            s = s with { PageShift = ps };
        }

        if (!ModelNames.IsValidPageShift(s.Arch, s.PageShift))
        {
            string from = parse.GetValue(PageShift) != null ? "--page-shift" : config.SourcePath ?? "the default";
            err.WriteLine($"nanoremap: page shift {s.PageShift} (from {from}) is out of range for arch {ModelNames.Name(s.Arch)} (1..{ModelNames.LongBits(s.Arch) - 1})");
            return null;
        }

        return s;
    }
}
