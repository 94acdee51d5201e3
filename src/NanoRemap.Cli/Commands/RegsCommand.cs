using System.CommandLine;
using System.Globalization;
using NanoRemap.Facts;
using NanoRemap.Tooling.Boards;
using NanoRemap.Tooling.Facts;
using NanoRemap.Tooling.Svd;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// <c>nanoremap regs &lt;chip&gt; [PERIPH[.REG[.FIELD]]]</c>: looks registers up in boards/&lt;chip&gt;/registers.txt.
/// No name: the peripherals with base and register count; <c>PERIPH</c>: the block's policy (allow / deny / skip, and
/// who owns it), then its registers (and ranges), each with its policy and the board.map line that classifies it;
/// <c>PERIPH.REG</c>: the register with its policy, then its fields (<c>protected</c> when a write changing it is
/// refused), the line that classifies it (owner, reason) and the block's policy; <c>PERIPH.REG.FIELD</c>: the field
/// with its address.
/// Names are the SVD's; a case-insensitive match is accepted. An unknown chip or name exits 2 and suggests the closest.
/// </summary>
internal static class RegsCommand
{
    public static Command Create(CliContext context)
    {
        var chip = new Argument<string>("chip") { Description = "Chip: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2" };
        var name = new Argument<string?>("name") { Description = "PERIPH, PERIPH.REG or PERIPH.REG.FIELD (SVD names, dim arrays expanded: GPIO.FUNC5_OUT_SEL_CFG)", Arity = ArgumentArity.ZeroOrOne };
        var root = new Option<DirectoryInfo?>("--root") { Description = "Repository root (default: found upward from the current directory)" };
        var command = new Command("regs", "Look up a chip's peripherals, registers and fields (boards/<chip>/registers.txt) with their policy and owner (boards/<chip>/board.map)");
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

            string given = parse.GetValue(chip)!;
            string c = ChipName(given);
            var chips = Directory.Exists(Path.Combine(repo, "boards"))
                ? Directory.GetDirectories(Path.Combine(repo, "boards")).Where(d => File.Exists(Path.Combine(d, "registers.txt"))).Select(Path.GetFileName).OfType<string>().Where(n => ChipFacts.IsName(n, false)).ToList()
                : new List<string>();

            // Only a known chip (a boards/<chip>/registers.txt of the repository): a name such as ../../x never reaches the file system.
            if (!chips.Contains(c, StringComparer.Ordinal))
            {
                error.WriteLine($"regs: unknown chip '{NanoRemap.Tooling.Generated.GeneratedText.Visible(given)}'; chips: {string.Join(", ", chips.OrderBy(x => x, StringComparer.Ordinal))} (also written ESP32-C3, esp32c3, ESP32C3)");
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

            RegsOwnership? ownership;
            try
            {
                ownership = RegsOwnership.Load(repo, facts);
            }
            catch (BoardMapException e)
            {
                error.WriteLine($"regs: {e.Message}");
                return ExitCodes.CannotRun;
            }

            return Print(facts, parse.GetValue(name), output, error, ownership);
        });
        return command;
    }

    /// <summary>A chip name as people write it (<c>ESP32-C3</c>, <c>esp32c3</c>, <c>ESP32C3</c>, <c>esp32_c3</c>) in the boards/ folder's form (<c>esp32c3</c>).</summary>
    /// <param name="given">The name as given.</param>
    /// <returns>Lower case without '-', '_' and blanks.</returns>
    internal static string ChipName(string given) =>
        new string(given.Trim().ToLowerInvariant().Where(ch => ch != '-' && ch != '_' && ch != ' ').ToArray());

    /// <summary>Prints what <paramref name="query"/> names; returns the exit code.</summary>
    internal static int Print(ChipFacts facts, string? query, TextWriter output, TextWriter error, RegsOwnership? ownership = null)
    {
        if (!string.IsNullOrEmpty(query) && query.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return PrintAddress(facts, query, output, error);
        }

        if (!string.IsNullOrEmpty(query) && !query.Contains('.', StringComparison.Ordinal) && Match(facts.Peripherals, query, x => x.Name) == null)
        {
            int idf = PrintIdf(facts, query, output);
            if (idf >= 0)
            {
                return idf;
            }
        }

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
            if (ownership != null)
            {
                output.WriteLine(ownership.BlockLine(periph));
            }

            foreach (FactsRange g in periph.Ranges)
            {
                output.WriteLine(RangeLine(g) + $" policy={RegsPolicy.Describe(facts.Chip, g.Address)}");
            }

            foreach (FactsRegister r in periph.Registers)
            {
                output.WriteLine($"{r.FullName} addr={Hex(r.Address)} offset=0x{r.Offset:X} access={FactsAccessNames.Token(r.Access)} reset={Hex(r.Reset)}"
                    + $" policy={RegsPolicy.Describe(facts.Chip, r.Address)}" + (ownership != null ? " " + ownership.RuleWords(r) : string.Empty)
                    + (r.IdfName != null ? " idf=" + r.IdfName : string.Empty));
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
            PrintRegister(facts, reg, output, ownership);
            if (ownership != null)
            {
                output.WriteLine($"{ownership.RuleWords(reg)}" + (ownership.Reason(reg) is { } why ? $": {why}" : string.Empty));
                output.WriteLine(ownership.BlockLine(periph));
            }

            return ExitCodes.Ok;
        }

        FactsField? field = Match(reg.Fields, parts[2], x => x.Name);
        if (field == null)
        {
            return Unknown(error, facts, "field", query, reg.Fields.Select(x => x.FullName), reg.FullName + "." + parts[2]);
        }

        output.WriteLine(FieldLine(field, true) + (ownership != null && ownership.IsProtected(field) ? " protected" : string.Empty));
        return ExitCodes.Ok;
    }

    private static void PrintRegister(ChipFacts facts, FactsRegister reg, TextWriter output, RegsOwnership? ownership = null)
    {
        output.WriteLine($"{reg.FullName} addr={Hex(reg.Address)} access={FactsAccessNames.Token(reg.Access)} reset={Hex(reg.Reset)}"
            + (reg.SizeBits != 32 ? $" size={reg.SizeBits}" : string.Empty) + (reg.ClearOnRead ? " cor" : string.Empty)
            + $" policy={RegsPolicy.Describe(facts.Chip, reg.Address)}"
            + (reg.IdfName != null ? " idf=" + reg.IdfName : " idf=-")
            + " from=" + From(reg.Patched));
        foreach (FactsField f in reg.Fields)
        {
            output.WriteLine(FieldLine(f, false) + (ownership != null && ownership.IsProtected(f) ? " protected" : string.Empty));
        }
    }

    /// <summary>Where a value came from: <c>svd</c>, or <c>patch(what)</c> (svd-patches.txt, which cites ESP-IDF).</summary>
    private static string From(string? patched) => patched == null ? "svd" : "patch(" + patched + ")";

    private static string FieldLine(FactsField f, bool withAddress)
    {
        string kinds = ChipFacts.KindTokens(f.Kinds).Trim();
        return f.FullName + (withAddress ? $" addr={Hex(f.Register.Address)}" : string.Empty)
            + $" bit={f.Lsb.ToString(CultureInfo.InvariantCulture)} width={f.Width.ToString(CultureInfo.InvariantCulture)} access={FactsAccessNames.Token(f.Access)}"
            + (kinds.Length > 0 ? " " + kinds.Replace(' ', ',') : string.Empty)
            + (f.IdfName != null ? " idf=" + f.IdfName : " idf=-")
            + (f.IdfAccess != null ? " idfaccess=" + f.IdfAccess : string.Empty)
            + " from=" + From(f.Patched) + (f.IdfAccess != null && (f.SelfClearing || f.SetByHardware || f.WriteTrigger || f.WriteOneToSet) ? "+esp-idf(kinds)" : string.Empty);
    }

    /// <summary>An address: the register holding it (and its fields), a range, or the peripheral it falls in.</summary>
    private static int PrintAddress(ChipFacts facts, string query, TextWriter output, TextWriter error)
    {
        if (!uint.TryParse(query.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint a))
        {
            error.WriteLine($"regs: '{query}' is not a 32-bit hex address");
            return ExitCodes.CannotRun;
        }

        FactsRegister? reg = facts.Registers.FirstOrDefault(r => a >= r.Address && a - r.Address < (uint)(r.SizeBits / 8));
        if (reg != null)
        {
            if (a != reg.Address)
            {
                output.WriteLine($"0x{a:X8} is byte {a - reg.Address} of {reg.FullName}");
            }

            PrintRegister(facts, reg, output);
            return ExitCodes.Ok;
        }

        FactsRange? range = facts.Ranges.FirstOrDefault(g => a >= g.Address && a - g.Address < g.Bytes);
        if (range != null)
        {
            output.WriteLine($"0x{a:X8} is byte 0x{a - range.Address:X} of the range {range.FullName}");
            output.WriteLine(RangeLine(range) + $" policy={RegsPolicy.Describe(facts.Chip, range.Address)}");
            return ExitCodes.Ok;
        }

        FactsPeripheral? p = facts.Peripherals.FirstOrDefault(x => a >= x.Base && a - x.Base < x.Size);
        error.WriteLine(p != null
            ? $"regs: no register at 0x{a:X8} on {facts.Chip}: offset 0x{a - p.Base:X} of {p.Name} (base {Hex(p.Base)}) holds none"
            : $"regs: no register at 0x{a:X8} on {facts.Chip}: outside every peripheral");
        return ExitCodes.CannotRun;
    }

    /// <summary>
    /// An ESP-IDF register or field name (<c>LEDC_LSTIMER0_CONF_REG</c>, <c>LEDC_LSTIMER0_CONF</c>, <c>LEDC_DUTY_LSCH0</c>,
    /// <c>UART_FIFO_REG</c>: IDF drops the instance, so every UARTn matches and all are listed). Returns -1 when nothing matches.
    /// </summary>
    private static int PrintIdf(ChipFacts facts, string query, TextWriter output)
    {
        static string Base(string n) => n.IndexOf('(') is int i and > 0 ? n[..i] : n;
        string q = query.Trim();
        var regs = facts.Registers.Where(r => r.IdfName != null
            && (string.Equals(r.IdfName, q, StringComparison.OrdinalIgnoreCase) || string.Equals(Base(r.IdfName), q, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Base(r.IdfName), q + "_REG", StringComparison.OrdinalIgnoreCase))).ToList();
        if (regs.Count > 0)
        {
            if (regs.Count > 1)
            {
                output.WriteLine($"ESP-IDF's {q} names {regs.Count} registers on {facts.Chip} (one per instance): {string.Join(", ", regs.Select(r => r.FullName))}");
            }

            foreach (FactsRegister r in regs)
            {
                PrintRegister(facts, r, output);
            }

            return ExitCodes.Ok;
        }

        var fields = facts.Fields.Where(f => f.IdfName != null && string.Equals(f.IdfName, q, StringComparison.OrdinalIgnoreCase)).ToList();
        if (fields.Count == 0)
        {
            return -1;
        }

        if (fields.Count > 1)
        {
            output.WriteLine($"ESP-IDF's field {q} is {fields.Count} fields on {facts.Chip}: {string.Join(", ", fields.Select(f => f.FullName))}");
        }

        foreach (FactsField f in fields)
        {
            output.WriteLine(FieldLine(f, true) + $" reg.idf={f.Register.IdfName}");
        }

        return ExitCodes.Ok;
    }

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
