using System.Globalization;
using System.Text;
using NanoRemap.Tooling.Generated;
using NanoRemap.Tooling.IO;
using NanoRemap.Facts;

namespace NanoRemap.Tooling.Facts;

/// <summary>
/// Generates the typed register definitions of a chip from its facts (boards/&lt;chip&gt;/registers.txt): one static
/// class per chip (<c>NanoRemap.Chips.Esp32</c>) with one nested static class per peripheral (<c>Esp32.Gpio</c>,
/// Pascal case of the SVD name) holding only constants: <c>BASE</c>, <c>SIZE</c>, each register's byte offset from
/// <c>BASE</c> under its SVD name (<c>OUT_W1TS</c>), each range's offset, and each field as a packed
/// <c>(width &lt;&lt; 8) | lsb</c> constant named <c>REG_FIELD</c> (<c>LSTIMER0_CONF_DUTY_RES</c>; <c>REG_FIELD_FIELD</c> where
/// a register has that name) for
/// <c>MmioWindow.GetField/SetField(offset, field)</c>. A field that is its whole register under the register's own
/// name adds nothing and is left out. Each register array (<see cref="RegisterArrays"/>) adds <c>NAME_COUNT</c>,
/// <c>NAME_STRIDE</c> and its common fields under the array's name (<c>LSTIMER_CONF_COUNT</c>, <c>LSTIMER_CONF_STRIDE</c>,
/// <c>LSTIMER_CONF_DUTY_RES</c>), so a driver indexes a channel or a pin. The MetadataProcessor drops const fields from the .pe and keeps every type, so
/// a chip costs its 1 + peripherals types on the device. The file goes to
/// src/NanoRemap.Chips/NanoRemap.&lt;Chip&gt;/&lt;Chip&gt;.g.cs, compiled into the chip's own assembly (device) and
/// into NanoRemap.Host.
/// </summary>
public static class ChipDefinitionsGenerator
{
    /// <summary>The C# class name of a chip: esp32 → Esp32, esp32s3 → Esp32S3, esp32c6 → Esp32C6.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>The class name.</returns>
    public static string ClassName(string chip)
    {
        var sb = new StringBuilder();
        bool upper = true;
        foreach (char c in chip)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = char.IsDigit(c);
        }

        return sb.ToString();
    }

    /// <summary>Pascal case of an SVD peripheral name: GPIO → Gpio, RTC_CNTL → RtcCntl, I2C0 → I2c0.</summary>
    /// <param name="svdName">The SVD name.</param>
    /// <returns>The class name.</returns>
    public static string PascalCase(string svdName)
    {
        var sb = new StringBuilder();
        foreach (string part in svdName.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            sb.Append(char.ToUpperInvariant(part[0]));
            sb.Append(part[1..].ToLowerInvariant());
        }

        string s = sb.ToString();
        return s.Length > 0 && char.IsDigit(s[0]) ? "P" + s : s;
    }

    /// <summary>The generated file of a chip, relative to the repository root.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>src/NanoRemap.Chips/NanoRemap.&lt;Chip&gt;/&lt;Chip&gt;.g.cs.</returns>
    public static string RelativePath(string chip)
    {
        string cls = ClassName(chip);
        return $"src/NanoRemap.Chips/NanoRemap.{cls}/{cls}.g.cs";
    }

    /// <summary>The chips that have facts (boards/&lt;chip&gt;/registers.txt), sorted.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>Chip names.</returns>
    public static IReadOnlyList<string> Chips(string root) =>
        Directory.GetDirectories(Path.Combine(root, "boards"))
            .Where(d => File.Exists(Path.Combine(d, "registers.txt")))
            .Select(d => Path.GetFileName(d)!)
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();

    /// <summary>Renders the definitions of one chip.</summary>
    /// <param name="facts">The chip's facts.</param>
    /// <param name="factsPath">The facts file named in the header (repository-relative).</param>
    /// <returns>The C# source.</returns>
    /// <exception cref="InvalidOperationException">Two constants of one peripheral, or two peripheral classes, would get the same name.</exception>
    public static string Render(ChipFacts facts, string factsPath) => Render(facts, factsPath, Array.Empty<FieldValue>());

    /// <summary>Renders the definitions of one chip with its named field values (<see cref="FieldValues"/>).</summary>
    /// <param name="facts">The chip's facts.</param>
    /// <param name="factsPath">The facts file named in the header (repository-relative).</param>
    /// <param name="values">Named field values: each becomes <c>FIELD_NAME</c> in its peripheral's class.</param>
    /// <returns>The C# source.</returns>
    /// <exception cref="InvalidOperationException">A name clash, or a value whose field is not generated or does not fit it.</exception>
    public static string Render(ChipFacts facts, string factsPath, IReadOnlyList<FieldValue> values)
    {
        var used = new HashSet<FieldValue>();
        string cls = ClassName(facts.Chip);
        string Comment(string text)
        {
            try
            {
                return GeneratedText.Comment(text, factsPath);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{facts.Chip}: {e.Message}: refused in a comment of generated C#");
            }
        }

        Comment(factsPath);
        var sb = new StringBuilder();
        sb.Append("// <auto-generated>\n");
        sb.Append($"// Generated by `nanoremap boards generate-chips` from {factsPath}; do not edit, regenerate.\n");
        foreach (string h in facts.Header)
        {
            sb.Append("// facts: ").Append(Comment(h)).Append('\n');
        }

        sb.Append("// </auto-generated>\n");
        sb.Append("namespace NanoRemap.Chips\n{\n");
        sb.Append("    /// <summary>\n");
        sb.Append($"    /// Register definitions of the {facts.Chip} from the vendor SVD ({factsPath}): one nested class per peripheral with\n");
        sb.Append("    /// <c>BASE</c>, <c>SIZE</c>, register offsets from <c>BASE</c> (SVD names) and fields packed as <c>(width &lt;&lt; 8) | lsb</c>\n");
        sb.Append("    /// for <c>MmioWindow.GetField/SetField(offset, field)</c>. Constants only: free on the device.\n");
        sb.Append("    /// </summary>\n");
        sb.Append($"    public static partial class {cls}\n    {{\n");
        var classes = new HashSet<string>(StringComparer.Ordinal) { cls };
        bool first = true;
        foreach (FactsPeripheral p in facts.Peripherals)
        {
            string pc = PascalCase(p.Name);
            pc = pc.Length > 0 && char.IsAsciiDigit(pc[0]) ? "_" + pc : pc;
            if (!CSharpNames.IsIdentifier(pc))
            {
                throw new InvalidOperationException($"{facts.Chip}: peripheral {p.Name} gives no C# class name ('{pc}')");
            }

            if (!classes.Add(pc))
            {
                throw new InvalidOperationException($"{facts.Chip}: peripheral {p.Name} would be class {cls}.{pc} a second time");
            }

            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            var names = new HashSet<string>(StringComparer.Ordinal) { pc };
            var packedFields = new Dictionary<string, uint>(StringComparer.Ordinal);
            void Field(string name, uint packed, string doc)
            {
                packedFields[name] = packed;
                Const(name, "0x" + packed.ToString("X4", CultureInfo.InvariantCulture), doc);
            }

            void Const(string name, string value, string doc)
            {
                // A name starting with a digit gets '_', a C# keyword '@' (register 'class' is @class, as svd2rust writes r#type).
                string id = CSharpNames.Escape(char.IsAsciiDigit(name[0]) ? "_" + name : name);
                if (!names.Add(id))
                {
                    throw new InvalidOperationException($"{facts.Chip}: {p.Name}.{name} would be declared twice in {cls}.{pc}");
                }

                sb.Append("            /// <summary>").Append(doc).Append("</summary>\n");
                sb.Append("            public const uint ").Append(id).Append(" = ").Append(value).Append(";\n");
            }

            sb.Append($"        /// <summary>{p.Name} at 0x{p.Base:X8}, 0x{p.Size:X} bytes.</summary>\n");
            sb.Append($"        public static class {pc}\n        {{\n");
            Const("BASE", Hex8(p.Base), "Base address.");
            Const("SIZE", Hex(p.Size), "Span of the register block in bytes.");
            foreach (FactsRange g in p.Ranges)
            {
                Const(g.Name, Hex(g.Offset), $"{g.Name}: 0x{g.Bytes:X} bytes at 0x{g.Address:X8}, {FactsAccessNames.Token(g.Access)} (an array of {g.Elements} kept whole).");
            }

            foreach (FactsRegister r in p.Registers)
            {
                Const(r.Name, Hex(r.Offset), $"{r.Name} at 0x{r.Address:X8}: {FactsAccessNames.Token(r.Access)}, reset 0x{r.Reset:X8}"
                    + (r.SizeBits != 32 ? $", {r.SizeBits} bits" : string.Empty) + (r.ClearOnRead ? ", clear on read" : string.Empty) + ".");
            }

            foreach (FactsRegister r in p.Registers)
            {
                foreach (FactsField f in r.Fields)
                {
                    if (f.Lsb == 0 && f.Width == r.SizeBits && f.Name == r.Name)
                    {
                        continue; // the whole register under its own name: nothing to add
                    }

                    uint packed = ((uint)f.Width << 8) | (uint)f.Lsb;
                    string constName = r.Name + "_" + f.Name;
                    if (p.FindRegister(constName) != null || p.FindRange(constName) != null)
                    {
                        constName += "_FIELD"; // LP_IO.STATUS.INTERRUPT next to the register LP_IO.STATUS_INTERRUPT
                    }

                    Field(constName, packed,
                        $"{r.Name}.{f.Name}: bit {f.Lsb}, width {f.Width}, {FactsAccessNames.Token(f.Access)}"
                        + (f.WriteOneToClear ? ", write 1 to clear" : string.Empty) + (f.ClearOnRead ? ", clear on read" : string.Empty) + ".");
                }
            }

            foreach (RegisterArray a in RegisterArrays.Find(p))
            {
                string count = a.Name + "_COUNT", stride = a.Name + "_STRIDE";
                if (names.Contains(count) || names.Contains(stride))
                {
                    continue; // a register or field already has the name: no array constants rather than a clash
                }

                string range = $"{a.Elements[0].Name} .. {a.Elements[^1].Name}";
                Const(count, a.Elements.Count.ToString(CultureInfo.InvariantCulture), $"Register array {a.Name}: {a.Elements.Count} registers, {range}.");
                Const(stride, Hex(a.Stride), $"Register array {a.Name}: bytes from one register to the next ({a.Elements[0].Name} + n * {stride}).");
                foreach (var (fieldName, f) in a.Fields)
                {
                    string constName = a.Name + "_" + fieldName;
                    if (names.Contains(constName) || (f.Lsb == 0 && f.Width == a.Elements[0].SizeBits))
                    {
                        continue;
                    }

                    Field(constName, ((uint)f.Width << 8) | (uint)f.Lsb,
                        $"{fieldName} of every register of {a.Name} ({a.Elements[0].Name}.{f.Name} ..): bit {f.Lsb}, width {f.Width}, {FactsAccessNames.Token(f.Access)}.");
                }
            }

            foreach (FieldValue v in values.Where(v => v.Peripheral == p.Name))
            {
                if (!packedFields.TryGetValue(v.Field, out uint packed))
                {
                    throw new InvalidOperationException($"{FieldValues.RelativePath(facts.Chip)}:{v.Line}: {p.Name} has no field constant {v.Field}");
                }

                int width = (int)(packed >> 8);
                if (width < 32 && v.Value >> width != 0)
                {
                    throw new InvalidOperationException($"{FieldValues.RelativePath(facts.Chip)}:{v.Line}: {v.Value} does not fit {p.Name}.{v.Field} ({width} bits)");
                }

                used.Add(v);
                Const(v.Field + "_" + v.Name, v.Value.ToString(CultureInfo.InvariantCulture), $"{v.Field} = {v.Value}: {v.Name} ({System.Security.SecurityElement.Escape(v.Source)}; {FieldValues.RelativePath(facts.Chip)}).");
            }

            sb.Append("        }\n");
        }

        FieldValue? unused = values.FirstOrDefault(v => !used.Contains(v));
        if (unused != null)
        {
            throw new InvalidOperationException($"{FieldValues.RelativePath(facts.Chip)}:{unused.Line}: {facts.Chip} has no peripheral {unused.Peripheral}");
        }

        sb.Append("    }\n}\n");
        return sb.ToString();
    }

    /// <summary>Renders every chip's definitions from the committed facts.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>Relative path and contents of each generated file.</returns>
    public static IReadOnlyList<(string RelativePath, string Contents)> RenderAll(string root) =>
        Chips(root).Select(c =>
        {
            string facts = $"boards/{c}/registers.txt";
            return (RelativePath(c), Render(ChipFacts.Load(Path.Combine(root, facts)), facts, FieldValues.Load(root, c)));
        }).ToList();

    /// <summary>Writes the generated files that differ from a fresh generation.</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>Relative paths written.</returns>
    public static IReadOnlyList<string> Write(string root)
    {
        // Every file is rendered first, then the changed ones are written all or none.
        var changed = RenderAll(root).Where(f =>
        {
            string path = Path.Combine(root, f.RelativePath);
            return !File.Exists(path) || File.ReadAllText(path) != f.Contents;
        }).ToList();
        SafeFile.WriteAllText(changed.Select(f => (Path.Combine(root, f.RelativePath), f.Contents)));
        return changed.Select(f => f.RelativePath).ToList();
    }

    /// <summary>The generated files whose committed contents differ from a fresh generation (missing ones included).</summary>
    /// <param name="root">Repository root.</param>
    /// <returns>Relative paths of stale files.</returns>
    public static IReadOnlyList<string> Stale(string root) =>
        RenderAll(root).Where(f =>
        {
            string path = Path.Combine(root, f.RelativePath);
            return !File.Exists(path) || File.ReadAllText(path).Replace("\r\n", "\n") != f.Contents;
        }).Select(f => f.RelativePath).ToList();

    private static string Hex8(uint v) => "0x" + v.ToString("X8", CultureInfo.InvariantCulture);

    private static string Hex(uint v) => "0x" + v.ToString("X", CultureInfo.InvariantCulture);
}
