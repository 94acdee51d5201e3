using System.CommandLine;
using NanoRemap.Boards;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tooling.Facts;
using NanoRemap.Tooling.Svd;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// <c>nanoremap boards</c>: <c>generate</c> rewrites the files generated from boards/&lt;chip&gt;/board.map
/// (managed tables, native allow-lists, probe files); <c>check</c> fails when they are stale; <c>list</c>
/// prints a board's blocks; <c>import-svd</c> writes boards/&lt;chip&gt;/registers.txt from a vendor SVD.
/// </summary>
internal static class BoardsCommand
{
    /// <summary>Builds the <c>boards</c> command and its subcommands.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var root = new Option<DirectoryInfo?>("--root")
        {
            Description = "Repository root (default: found upward from the current directory)",
        };

        var generate = new Command("generate", "Regenerate the managed tables, native allow-lists, policy, clocks and probe files from boards/<chip>/registers.txt (facts) and board.map (policy)");
        generate.Options.Add(root);
        generate.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                string dir = Root(parse.GetValue(root));
                var written = BoardGenerator.Write(dir);
                foreach (string f in written)
                {
                    output.WriteLine($"wrote {f}");
                }

                output.WriteLine(written.Count == 0 ? "boards: all generated files are up to date" : $"boards: {written.Count} file(s) regenerated");
                return 0;
            }
            catch (Exception e) when (e is BoardMapException or NanoRemap.Facts.FactsException or InvalidOperationException or ArgumentException
                or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                // Every file is rendered before any is written, and the set is written all or none.
                parse.InvocationConfiguration.Error.WriteLine($"boards generate: {e.Message}");
                parse.InvocationConfiguration.Error.WriteLine("boards generate: no file written");
                return 1;
            }
        });

        var check = new Command("check", "Fail (exit 1) when a generated board file differs from a fresh generation, or (with ESP-IDF v5.5.4 at $NANOREMAP_IDF_DIR, else <repo>/../shared/esp-idf-v5.5.4) when a clock line names a module its chip's soc/periph_defs.h does not have");
        check.Options.Add(root);
        check.SetAction(parse =>
        {
            try
            {
                string dir = Root(parse.GetValue(root));
                var stale = BoardGenerator.Stale(dir);
                foreach (string f in stale)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"stale: {f} (run 'nanoremap boards generate')");
                }

                if (stale.Count == 0)
                {
                    parse.InvocationConfiguration.Output.WriteLine("boards: generated files match the board maps");
                }

                string idf = IdfModules.Resolve(dir);
                string? missing = IdfModules.Missing(idf);
                IReadOnlyList<string> unknown = missing == null ? IdfModules.Unknown(dir, idf) : Array.Empty<string>();
                foreach (string u in unknown)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"unknown module: {u}");
                }

                if (missing != null)
                {
                    parse.InvocationConfiguration.Output.WriteLine($"boards: clock module names not checked against ESP-IDF ({missing})");
                }
                else if (unknown.Count == 0)
                {
                    parse.InvocationConfiguration.Output.WriteLine("boards: every clock line names a module of its chip's ESP-IDF v5.5.4 periph_defs.h");
                }

                return stale.Count == 0 && unknown.Count == 0 ? 0 : 1;
            }
            catch (Exception e) when (e is BoardMapException or NanoRemap.Facts.FactsException or InvalidOperationException or ArgumentException
                or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"boards check: {e.Message}");
                return 1;
            }
        });

        var board = new Argument<string>("board") { Description = "esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2" };
        board.AcceptChips();
        var list = new Command("list", "Print a board's peripheral blocks, register policy and clocks");
        list.Arguments.Add(board);
        list.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            BoardMap map = BoardMap.Get(parse.GetValue(board)!);
            output.WriteLine($"{map.Chip}: peripheral bus 0x{map.BusBase:X8} .. 0x{map.BusBase + map.BusSize - 1:X8}");
            if (map.HasDport)
            {
                output.WriteLine($"  DPORT range 0x{map.DportFirst:X8} .. 0x{map.DportLast:X8}: reads via DPORT_REG_READ");
            }

            for (int i = 0; i < map.FifoCount; i++)
            {
                output.WriteLine($"  FIFO 0x{map.GetFifoAddress(i):X8} {map.GetFifoName(i)}: reads refused (errata CPU-3.21)");
            }

            for (int i = 0; i < map.BlockCount; i++)
            {
                var b = map.GetBlock(i);
                output.WriteLine($"  {b.Name,-20} 0x{b.Base:X8} +0x{b.Size:X4}  {(b.Allowed ? "allow" : "DENIED by default")}");
            }

            for (int i = 0; i < map.PolicyCount; i++)
            {
                RegisterPolicy kind = map.GetPolicy(i, out uint address, out uint size, out uint mask);
                string what = kind switch
                {
                    RegisterPolicy.ReadOnly => "read-only (writes refused)",
                    RegisterPolicy.Deny => "denied",
                    _ => $"protect 0x{mask:X8} (a write changing these bits is refused)",
                };
                output.WriteLine($"  policy 0x{address:X8} +0x{size:X}  {map.FindBlock(address)!.Name}: {what}");
            }

            for (int i = 0; i < map.ClockCount; i++)
            {
                PeripheralClock c = map.GetClock(i);
                output.WriteLine($"  clock {c.Name,-8} enable 0x{c.EnableRegister:X8} &0x{c.EnableMask:X8}, reset 0x{c.ResetRegister:X8} &0x{c.ResetMask:X8} ({map.FindBlock(c.EnableRegister)!.Name})");
            }

            return 0;
        });

        var svd = new Argument<FileInfo>("svd") { Description = "The vendor's CMSIS-SVD file (e.g. ../shared/svd/esp32c6.svd)" };
        var chip = new Option<string?>("--chip") { Description = "Chip name (default: the SVD's file name, e.g. esp32c6)" };
        var import = new Command("import-svd", "Write boards/<chip>/registers.txt (register facts) from a vendor SVD and boards/<chip>/svd-patches.txt");
        import.Arguments.Add(svd);
        import.Options.Add(chip);
        import.Options.Add(root);
        import.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            try
            {
                FileInfo file = parse.GetValue(svd)!;
                if (!file.Exists)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"boards import-svd: {file.FullName}: no such file");
                    return 2;
                }

                var (facts, written) = SvdImporter.Write(file.FullName, Root(parse.GetValue(root)), parse.GetValue(chip));
                output.WriteLine($"wrote {written}: {facts.Peripherals.Count} peripherals, {facts.Registers.Count} registers, {facts.Fields.Count} fields, {facts.Ranges.Count} ranges");
                return 0;
            }
            catch (SvdException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"boards import-svd: {e.Message}");
                parse.InvocationConfiguration.Error.WriteLine("boards import-svd: nothing written");
                return 1;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"boards import-svd: {e.Message}");
                return 2;
            }
        });

        var svdDir = new Option<DirectoryInfo?>("--svd-dir") { Description = "SVD folder (default: $NANOREMAP_SVD_DIR, else <repo>/../shared/svd)" };
        var checkFacts = new Command("check-facts", "Fail (exit 1) when a boards/<chip>/registers.txt differs from a fresh import of its SVD; exit 0 with a note when the SVDs are missing");
        checkFacts.Options.Add(svdDir);
        checkFacts.Options.Add(root);
        checkFacts.SetAction(parse =>
        {
            try
            {
                string dir = Root(parse.GetValue(root));
                string folder = parse.GetValue(svdDir)?.FullName ?? SvdFolder.Resolve(dir);
                string? missing = SvdFolder.Missing(folder);
                if (missing != null && !Directory.Exists(folder))
                {
                    parse.InvocationConfiguration.Output.WriteLine($"boards check-facts: skipped: {missing}");
                    return 0;
                }

                if (missing != null)
                {
                    parse.InvocationConfiguration.Output.WriteLine($"boards check-facts: note: {missing}");
                }

                var stale = SvdFolder.StaleFacts(dir, folder);
                foreach (string f in stale)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"stale: {f} (run 'nanoremap boards import-svd {folder}/<chip>.svd')");
                }

                if (stale.Count == 0)
                {
                    parse.InvocationConfiguration.Output.WriteLine("boards: register facts match the SVDs and patches");
                }

                return stale.Count == 0 ? 0 : 1;
            }
            catch (SvdException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"boards check-facts: {e.Message}");
                return 1;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"boards check-facts: {e.Message}");
                return 2;
            }
        });

        var generateChips = new Command("generate-chips", "Regenerate the typed register definitions src/NanoRemap.Chips/NanoRemap.<Chip>/<Chip>.g.cs from boards/<chip>/registers.txt");
        var checkChips = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a generated file is stale" };
        generateChips.Options.Add(root);
        generateChips.Options.Add(checkChips);
        generateChips.SetAction(parse =>
        {
            try
            {
                string dir = Root(parse.GetValue(root));
                if (parse.GetValue(checkChips))
                {
                    var stale = ChipDefinitionsGenerator.Stale(dir);
                    foreach (string f in stale)
                    {
                        parse.InvocationConfiguration.Error.WriteLine($"stale: {f} (run 'nanoremap boards generate-chips')");
                    }

                    if (stale.Count == 0)
                    {
                        parse.InvocationConfiguration.Output.WriteLine("boards: chip definitions match the register facts");
                    }

                    return stale.Count == 0 ? 0 : 1;
                }

                var written = ChipDefinitionsGenerator.Write(dir);
                foreach (string f in written)
                {
                    parse.InvocationConfiguration.Output.WriteLine($"wrote {f}");
                }

                parse.InvocationConfiguration.Output.WriteLine(written.Count == 0 ? "boards: chip definitions are up to date" : $"boards: {written.Count} chip definition file(s) regenerated");
                return 0;
            }
            catch (Exception e) when (e is NanoRemap.Facts.FactsException or InvalidOperationException or ArgumentException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"boards generate-chips: {e.Message}");
                return 1;
            }
        });

        var generateIdf = new Command("generate-idf", "Regenerate each chip's ESP-IDF constants src/NanoRemap.Chips/NanoRemap.<Chip>/<Chip>.Idf.g.cs (GPIO matrix signals, IO_MUX functions, soc_caps.h sizes) from the ESP-IDF headers");
        var idf = new Option<string?>("--idf") { Description = $"The ESP-IDF folder (default: {IdfConstantsGenerator.DefaultIdfDir} from the repository root)", HelpName = "DIR" };
        var checkIdf = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a generated file is stale" };
        generateIdf.Options.Add(root);
        generateIdf.Options.Add(idf);
        generateIdf.Options.Add(checkIdf);
        generateIdf.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                string dir = Root(parse.GetValue(root));
                string idfDir = parse.GetValue(idf) ?? Path.GetFullPath(Path.Combine(dir, IdfConstantsGenerator.DefaultIdfDir));
                if (!Directory.Exists(idfDir))
                {
                    error.WriteLine($"boards generate-idf: no ESP-IDF folder at {idfDir} (pass --idf DIR: an ESP-IDF {IdfConstantsGenerator.IdfVersion} checkout)");
                    return 2;
                }

                if (parse.GetValue(checkIdf))
                {
                    var stale = IdfConstantsGenerator.Stale(dir, idfDir);
                    foreach (string f in stale)
                    {
                        error.WriteLine($"stale: {f} (run 'nanoremap boards generate-idf')");
                    }

                    if (stale.Count == 0)
                    {
                        output.WriteLine("boards: ESP-IDF constants match the headers");
                    }

                    return stale.Count == 0 ? 0 : 1;
                }

                var written = IdfConstantsGenerator.Write(dir, idfDir);
                foreach (string f in written)
                {
                    output.WriteLine($"wrote {f}");
                }

                output.WriteLine(written.Count == 0 ? "boards: ESP-IDF constants are up to date" : $"boards: {written.Count} ESP-IDF constant file(s) regenerated");
                return 0;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or IOException)
            {
                error.WriteLine($"boards generate-idf: {e.Message}");
                return 1;
            }
        });

        var command = new Command("boards", "Board maps of the ESP32 family: list them, regenerate or check the generated files");
        command.Subcommands.Add(generate);
        command.Subcommands.Add(check);
        command.Subcommands.Add(list);
        command.Subcommands.Add(import);
        command.Subcommands.Add(checkFacts);
        command.Subcommands.Add(generateChips);
        command.Subcommands.Add(BoardsCheckIdfCommand.Create(root));
        command.Subcommands.Add(generateIdf);
        return command;
    }

    private static string Root(DirectoryInfo? given) =>
        given != null ? given.FullName : BoardGenerator.FindRepoRoot(Directory.GetCurrentDirectory());
}
