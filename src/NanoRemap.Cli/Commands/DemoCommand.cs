using System.CommandLine;
using NanoRemap.Boards;
using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Demo;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// <c>nanoremap demo [--board esp32|esp32s2|esp32s3|esp32c3|esp32c5|esp32c6|esp32h2] [--model nommu|mmu]</c>: the MMIO story on a simulated
/// board. Defaults come from nf.config (<c>board</c>, <c>model</c>); the options override them.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Builds the <c>demo</c> command.</summary>
    /// <param name="context">Where nf.config is looked up from; the process's working directory when null.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext? context = null)
    {
        context ??= new CliContext();
        var board = new Option<string?>("--board") { Description = "Board map to run on (default: nf.config 'board')", HelpName = "esp32|esp32s2|esp32s3|esp32c3|esp32c5|esp32c6|esp32h2" };
        board.AcceptChips();
        var model = new Option<string?>("--model") { Description = "nommu (the ESP32) or mmu (the reference) (default: nf.config 'model')", HelpName = "nommu|mmu" };
        model.AcceptOnlyFromAmong(ModelNames.Models);
        var command = new Command("demo", "A driver's mmap_prepare on the GPIO block: rejected by nommu with a WARN, then mapped directly and driven through W1TS/W1TC");
        command.Options.Add(board);
        command.Options.Add(model);
        command.SetAction(parse =>
        {
            TextWriter error = parse.InvocationConfiguration.Error;
            NfConfig config;
            try
            {
                config = NfConfig.Find(context.CurrentDirectory);
            }
            catch (NfConfigException e)
            {
                error.WriteLine($"nanoremap demo: {e.Message}");
                return ExitCodes.CannotRun;
            }

            string chip = parse.GetValue(board) is string given ? BoardMap.ChipName(given) ?? given : config.Board;
            string modelName = parse.GetValue(model) ?? ModelNames.Name(config.Model);
            if (!ModelNames.TryParseModel(modelName, out KernelModel kernel))
            {
                error.WriteLine($"nanoremap demo: unknown model '{modelName}' (nommu or mmu)");
                return ExitCodes.CannotRun;
            }

            try
            {
                return DemoRunner.Run(parse.InvocationConfiguration.Output, chip, kernel == KernelModel.Mmu) == 0 ? ExitCodes.Ok : ExitCodes.Malformed;
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"nanoremap demo: {e.Message}");
                return ExitCodes.CannotRun;
            }
        });
        return command;
    }
}
