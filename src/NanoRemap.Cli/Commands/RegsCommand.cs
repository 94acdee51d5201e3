using System.CommandLine;
using System.Globalization;
using NanoRemap.Facts;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tooling.Facts;
using NanoRemap.Tooling.Svd;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// <c>nanoremap regs &lt;chip&gt; [PERIPH[.REG[.FIELD]]]</c>: looks registers up in boards/&lt;chip&gt;/registers.txt.
/// No name: the peripherals with base and register count; <c>PERIPH</c>: its registers (and ranges);
/// <c>PERIPH.REG</c>: the register with its policy, then its fields; <c>PERIPH.REG.FIELD</c>: the field with its address.
/// Names are the SVD's; a case-insensitive match is accepted. An unknown chip or name exits 2 and suggests the closest.
/// </summary>
internal static class RegsCommand
{
    public static Command Create(CliContext context)
    {
        var chip = new Argument<string>("chip") { Description = "Chip: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2" };
        var name = new Argument<string?>("name") { Description = "PERIPH, PERIPH.REG or PERIPH.REG.FIELD (SVD names, dim arrays expanded: GPIO.FUNC5_OUT_SEL_CFG)", Arity = ArgumentArity.ZeroOrOne };
        var root = new Option<DirectoryInfo?>("--root") { Description = "Repository root (default: found upward from the current directory)" };
        var command = new Command("regs", "Look up a chip's peripherals, registers and fields (from boards/<chip>/registers.txt)");
        command.Arguments.Add(chip);
        command.Arguments.Add(name);
        command.Options.Add(root);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            TextWriter error = parse.InvocationConfiguration.Error;
            string repo;
            try
            {
                repo = parse.GetValue(root)?.FullName ?? FindRoot(context.CurrentDirectory);
            }
            catch (DirectoryNotFoundException e)
            {
                error.WriteLine($"regs: {e.Message} (use --root)");
                return ExitCodes.CannotRun;
            }

            string c = parse.GetValue(chip)!;
            var chips = Directory.Exists(Path.Combine(repo, "boards"))
                ? Directory.GetDirectories(Path.Combine(repo, "boards")).Where(d => File.Exists(Path.Combine(d, "registers.txt"))).Select(Path.GetFileName).OfType<string>().Where(n => ChipFacts.IsName(n, false)).ToList()
                : new List<string>();

            // Only a known chip (a boards/<chip>/registers.txt of the repository): a name such as ../../x never reaches the file system.
            if (!chips.Contains(c, StringComparer.Ordinal))
            {
                string shown = ChipFacts.IsName(c, false) ? $"'{c}' ({SvdImporter.FactsPath(c).Replace('\\', '/')})" : $"'{NanoRemap.Tooling.Generated.GeneratedText.Visible(c)}' (not a chip name: letters, digits, '_')";
                error.WriteLine($"regs: no register facts for chip {shown}; chips: {string.Join(", ", chips.OrderBy(x => x, StringComparer.Ordinal))}");
                return ExitCodes.CannotRun;
            }

            string path = Path.Combine(repo, SvdImporter.FactsPath(c));

            ChipFacts facts;
            try
            {
                facts = ChipFacts.Load(path);
            }
            catch (Exception e) when (e is FactsException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"regs: {e.Message}");
                return ExitCodes.CannotRun;
            }

            return Print(facts, parse.GetValue(name), output, error);
        });
        return command;
    }

    /// <summary>Prints what <paramref name="query"/> names; returns the exit code.</summary>
    internal static int Print(ChipFacts facts, string? query, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrEmpty(query))
        {
            foreach (FactsPeripheral p in facts.Peripherals)
            {
                output.WriteLine($"{p.Name} base={Hex(p.Base)} size=0x{p.Size:X} registers={p.Registers.Count}" + (p.Ranges.Count > 0 ? $" ranges={p.Ranges.Count}" : string.Empty));
            }

            return ExitCodes.Ok;
        }

        string[] parts = query.Split('.');
        if (parts.Length > 3 || parts.Any(x => x.Length == 0))
        {
            error.WriteLine($"regs: '{query}' is not PERIPH, PERIPH.REG or PERIPH.REG.FIELD");
            return ExitCodes.CannotRun;
        }

        FactsPeripheral? periph = Match(facts.Peripherals, parts[0], x => x.Name);
        if (periph == null)
        {
            return Unknown(error, facts, "peripheral", query, facts.Peripherals.Select(x => x.Name));
        }

        if (parts.Length == 1)
        {
            foreach (FactsRange g in periph.Ranges)
            {
                output.WriteLine(RangeLine(g));
            }

            foreach (FactsRegister r in periph.Registers)
            {
                output.WriteLine($"{r.FullName} addr={Hex(r.Address)} offset=0x{r.Offset:X} access={FactsAccessNames.Token(r.Access)} reset={Hex(r.Reset)}");
            }

            return ExitCodes.Ok;
        }

        FactsRegister? reg = Match(periph.Registers, parts[1], x => x.Name);
        if (reg == null)
        {
            FactsRange? range = parts.Length == 2 ? Match(periph.Ranges, parts[1], x => x.Name) : null;
            if (range != null)
            {
                output.WriteLine(RangeLine(range) + $" policy={RegsPolicy.Describe(facts.Chip, range.Address)}");
                return ExitCodes.Ok;
            }

            return Unknown(error, facts, "register", query,
                periph.Registers.Select(x => x.FullName).Concat(periph.Ranges.Select(x => x.FullName)), periph.Name + "." + parts[1]);
        }

        if (parts.Length == 2)
        {
            output.WriteLine($"{reg.FullName} addr={Hex(reg.Address)} access={FactsAccessNames.Token(reg.Access)} reset={Hex(reg.Reset)}"
                + (reg.SizeBits != 32 ? $" size={reg.SizeBits}" : string.Empty) + (reg.ClearOnRead ? " cor" : string.Empty)
                + $" policy={RegsPolicy.Describe(facts.Chip, reg.Address)}");
            foreach (FactsField f in reg.Fields)
            {
                output.WriteLine(FieldLine(f, false));
            }

            return ExitCodes.Ok;
        }

        FactsField? field = Match(reg.Fields, parts[2], x => x.Name);
        if (field == null)
        {
            return Unknown(error, facts, "field", query, reg.Fields.Select(x => x.FullName), reg.FullName + "." + parts[2]);
        }

        output.WriteLine(FieldLine(field, true));
        return ExitCodes.Ok;
    }

    private static string FieldLine(FactsField f, bool withAddress) =>
        f.FullName + (withAddress ? $" addr={Hex(f.Register.Address)}" : string.Empty)
        + $" bit={f.Lsb.ToString(CultureInfo.InvariantCulture)} width={f.Width.ToString(CultureInfo.InvariantCulture)} access={FactsAccessNames.Token(f.Access)}"
        + (f.WriteOneToClear ? " w1c" : string.Empty) + (f.ClearOnRead ? " cor" : string.Empty);

    private static string RangeLine(FactsRange g) =>
        $"{g.FullName} addr={Hex(g.Address)} offset=0x{g.Offset:X} bytes=0x{g.Bytes:X} access={FactsAccessNames.Token(g.Access)} range elements={g.Elements}";

    private static T? Match<T>(IReadOnlyList<T> items, string name, Func<T, string> nameOf)
        where T : class =>
        items.FirstOrDefault(x => nameOf(x) == name) ?? items.FirstOrDefault(x => string.Equals(nameOf(x), name, StringComparison.OrdinalIgnoreCase));

    private static int Unknown(TextWriter error, ChipFacts facts, string what, string query, IEnumerable<string> candidates, string? compareAs = null)
    {
        var closest = NameSuggestions.Closest(compareAs ?? query, candidates);
        error.WriteLine($"regs: no {what} '{query}' on {facts.Chip}" + (closest.Count > 0 ? "; closest: " + string.Join(", ", closest) : string.Empty));
        return ExitCodes.CannotRun;
    }

    private static string Hex(uint v) => "0x" + v.ToString("X8", CultureInfo.InvariantCulture);

    private static string FindRoot(string cwd)
    {
        try
        {
            return BoardGenerator.FindRepoRoot(cwd);
        }
        catch (DirectoryNotFoundException)
        {
            return BoardGenerator.FindRepoRoot(AppContext.BaseDirectory);
        }
    }
}
