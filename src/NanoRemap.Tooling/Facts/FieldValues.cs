using System.Globalization;
using System.Text.RegularExpressions;

namespace NanoRemap.Tooling.Facts;

/// <summary>One named value of a field: <c>value LEDC.CONF_APB_CLK_SEL APB 1 # source</c>.</summary>
/// <param name="Peripheral">SVD peripheral name (<c>LEDC</c>).</param>
/// <param name="Field">The field's generated constant (<c>CONF_APB_CLK_SEL</c>, <c>LSTIMER_CONF_TICK_SEL</c>).</param>
/// <param name="Name">The value's name (<c>APB</c>): the constant is <c>Field_Name</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Source">The ESP-IDF file and line and the quoted words that give it.</param>
/// <param name="Line">1-based line in the values file.</param>
public sealed record FieldValue(string Peripheral, string Field, string Name, uint Value, string Source, int Line);

/// <summary>
/// boards/&lt;chip&gt;/field-values.txt: the field values a driver writes, by name (clock sources, modes), hand-written
/// because neither the SVDs (no <c>enumeratedValues</c> in any of the seven) nor the register headers name them in a
/// form a tool can take; each line cites the ESP-IDF register header and line whose description gives the value, with
/// the quoted words, which a test finds there. Format: <c>value PERIPH.FIELD_CONSTANT NAME N # path:line "quoted words"</c>.
/// </summary>
public static class FieldValues
{
    private static readonly Regex Line = new(
        @"^value\s+([A-Z0-9_]+)\.([A-Z0-9_]+)\s+([A-Z][A-Z0-9_]*)\s+(\d+)\s+#\s*(\S+:\d+\s+"".+"".*)$", RegexOptions.CultureInvariant);

    /// <summary>The values file of a chip, relative to the repository root.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>boards/&lt;chip&gt;/field-values.txt.</returns>
    public static string RelativePath(string chip) => $"boards/{chip}/field-values.txt";

    /// <summary>Reads a chip's values; none when the file does not exist.</summary>
    /// <param name="root">Repository root.</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>The values, in file order.</returns>
    /// <exception cref="FormatException">A malformed line (the message names file and line).</exception>
    public static IReadOnlyList<FieldValue> Load(string root, string chip)
    {
        string rel = RelativePath(chip);
        string path = Path.Combine(root, rel);
        return File.Exists(path) ? Parse(File.ReadAllLines(path), rel) : Array.Empty<FieldValue>();
    }

    /// <summary>Parses a values file.</summary>
    /// <param name="lines">Its lines.</param>
    /// <param name="file">Its name, for messages.</param>
    /// <returns>The values.</returns>
    /// <exception cref="FormatException">A malformed line (the message names file and line).</exception>
    public static IReadOnlyList<FieldValue> Parse(IReadOnlyList<string> lines, string file)
    {
        var values = new List<FieldValue>();
        for (int i = 0; i < lines.Count; i++)
        {
            string t = lines[i].Trim();
            if (t.Length == 0 || t[0] == '#')
            {
                continue;
            }

            Match m = Line.Match(t);
            if (!m.Success || !uint.TryParse(m.Groups[4].Value, NumberStyles.None, CultureInfo.InvariantCulture, out uint v))
            {
                throw new FormatException($"{file}:{i + 1}: expected 'value PERIPH.FIELD_CONSTANT NAME N # path:line \"quoted words\"', got '{t}'");
            }

            values.Add(new FieldValue(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, v, m.Groups[5].Value, i + 1));
        }

        return values;
    }
}
