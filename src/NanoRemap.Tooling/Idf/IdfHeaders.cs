using System.Globalization;
using System.Text.RegularExpressions;

namespace NanoRemap.Tooling.Idf;

/// <summary>
/// Reads a chip's ESP-IDF register headers (<c>components/soc/&lt;chip&gt;/{register,include}/soc/*_reg.h</c>) in
/// both comment styles: <c>/* LEDC_DUTY_LSCH0 : R/W ;bitpos:[24:0] ;default: 25'h0 ; */</c> (esp32, -S2, -S3, -C3)
/// and <c>/** LEDC_DUTY_CH0 : R/W; bitpos: [24:0]; default: 0;</c>. A register is the last <c>#define</c> before its
/// field comments that is not itself a field's (<c>NAME</c>, <c>NAME_M</c>, <c>_V</c>, <c>_S</c>); its address is
/// the define's expression evaluated with every define of the chip's headers (<see cref="IdfMacros"/>), a
/// function-like one (<c>UART_FIFO_REG(i)</c>) for i = 0..<see cref="MaxInstance"/>.
/// </summary>
public static partial class IdfHeaders
{
    /// <summary>The highest instance a function-like register macro is evaluated for.</summary>
    public const int MaxInstance = 7;

    /// <summary>The header folders of a chip, relative to the ESP-IDF root.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>The folders.</returns>
    public static IReadOnlyList<string> Folders(string chip) => new[]
    {
        $"components/soc/{chip}/register/soc", $"components/soc/{chip}/include/soc", $"components/soc/{chip}/include/modem",
    };

    /// <summary>
    /// Reads every register of a chip's <c>*_reg.h</c> headers. Registers whose address does not evaluate (an
    /// expression reading a register, such as <c>LPPERI_REG_OFFSET</c>) are left out; every instance 0..7 of a
    /// function-like macro whose address evaluates (to non-zero) is returned (<see cref="IdfCrossCheck"/> keeps the real ones).
    /// </summary>
    /// <param name="idfRoot">The ESP-IDF root (../shared/esp-idf-v5.5.4).</param>
    /// <param name="chip">Chip name.</param>
    /// <returns>The registers, in file and line order.</returns>
    public static List<IdfRegister> Read(string idfRoot, string chip)
    {
        var macros = new IdfMacros();
        var headers = new List<(string Rel, string Text)>();
        foreach (string folder in Folders(chip))
        {
            string dir = Path.Combine(idfRoot, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            // reg_base.h and soc.h first: the base addresses win over any later redefinition.
            foreach (string path in Directory.GetFiles(dir, "*.h").OrderBy(p => Path.GetFileName(p) switch { "reg_base.h" => 0, "soc.h" => 1, _ => 2 }).ThenBy(p => p, StringComparer.Ordinal))
            {
                string text = File.ReadAllText(path);
                macros.AddHeader(text);
                if (folder.EndsWith("/soc", StringComparison.Ordinal) && path.EndsWith("_reg.h", StringComparison.Ordinal))
                {
                    headers.Add((folder + "/" + Path.GetFileName(path), text));
                }
            }
        }

        var result = new List<IdfRegister>();
        foreach (var (rel, text) in headers.OrderBy(h => h.Rel, StringComparer.Ordinal))
        {
            result.AddRange(ReadHeader(rel, text, macros));
        }

        return result;
    }

    /// <summary>Reads the registers of one header.</summary>
    /// <param name="rel">Its path from the ESP-IDF root (for citations).</param>
    /// <param name="text">Its text.</param>
    /// <param name="macros">Every define of the chip.</param>
    /// <returns>The registers whose address evaluates.</returns>
    public static IEnumerable<IdfRegister> ReadHeader(string rel, string text, IdfMacros macros)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        var fieldNames = new HashSet<string>(StringComparer.Ordinal);
        var regs = new List<(string Name, string? Param, string Body, int Line, List<IdfField> Fields)>();
        (string Name, string? Param, string Body, int Line, List<IdfField> Fields)? current = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            Match fm = FieldComment().Match(line);
            if (fm.Success)
            {
                string name = fm.Groups[1].Value;
                fieldNames.Add(name);
                if (current is { } c)
                {
                    int hi = int.Parse(fm.Groups[3].Value, CultureInfo.InvariantCulture);
                    int lo = fm.Groups[4].Success ? int.Parse(fm.Groups[4].Value, CultureInfo.InvariantCulture) : hi;
                    if (lo > hi)
                    {
                        (lo, hi) = (hi, lo);
                    }

                    if (hi < 32)
                    {
                        c.Fields.Add(new IdfField(name, lo, hi - lo + 1, fm.Groups[2].Value.Replace(" ", string.Empty, StringComparison.Ordinal),
                            ParseDefault(fm.Groups[5].Value.Trim(), hi - lo + 1), i + 1));
                    }
                }

                continue;
            }

            Match dm = Define().Match(line);
            if (!dm.Success)
            {
                continue;
            }

            string dname = dm.Groups[1].Value;
            if (fieldNames.Contains(dname) || (dname.Length > 2 && dname[^2] == '_' && dname[^1] is 'M' or 'V' or 'S' && fieldNames.Contains(dname[..^2])))
            {
                continue;
            }

            string body = dm.Groups[3].Value;
            int l = i;
            while (body.TrimEnd().EndsWith('\\') && l + 1 < lines.Length)
            {
                body = body.TrimEnd()[..^1] + " " + lines[++l];
            }

            string? param = dm.Groups[2].Success ? dm.Groups[2].Value.Trim() : null;
            if (param != null && (param.Length == 0 || param.Contains(',', StringComparison.Ordinal)))
            {
                current = null;
                continue;
            }

            current = (dname, param, body, i + 1, new List<IdfField>());
            regs.Add(current.Value);
        }

        foreach (var (name, param, body, line, fields) in regs)
        {
            if (fields.Count == 0)
            {
                continue;
            }

            fields.Sort((a, b) => a.Lsb.CompareTo(b.Lsb));
            if (param == null)
            {
                if (macros.TryEvaluate(body, out long a) && a > 0 && a <= uint.MaxValue && (a & 3) == 0)
                {
                    yield return new IdfRegister(name, (uint)a, rel, line, fields, -1);
                }

                continue;
            }

            for (int k = 0; k <= MaxInstance; k++)
            {
                string inst = Regex.Replace(body, @"\b" + Regex.Escape(param) + @"\b", "(" + k.ToString(CultureInfo.InvariantCulture) + ")");
                if (macros.TryEvaluate(inst, out long a) && a > 0 && a <= uint.MaxValue && (a & 3) == 0)
                {
                    yield return new IdfRegister(name + "(" + k.ToString(CultureInfo.InvariantCulture) + ")", (uint)a, rel, line, fields, k);
                }
            }
        }
    }

    /// <summary>A field default as the headers write it: <c>25'h0</c>, <c>1'b1</c>, <c>2'd3</c>, <c>~1'b0</c>, <c>0</c>; null for <c>x</c> or nothing.</summary>
    /// <param name="text">The text after <c>default:</c>.</param>
    /// <param name="width">The field's width.</param>
    /// <returns>The value masked to the width, or null.</returns>
    public static uint? ParseDefault(string text, int width)
    {
        ulong mask = width >= 32 ? 0xFFFFFFFFUL : (1UL << width) - 1;
        bool not = text.StartsWith('~');
        string t = (not ? text[1..] : text).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        ulong v;
        Match m = Verilog().Match(t);
        if (m.Success)
        {
            string digits = m.Groups[3].Value;
            int radix = char.ToLowerInvariant(m.Groups[2].Value[0]) switch { 'h' => 16, 'b' => 2, _ => 10 };
            try
            {
                v = Convert.ToUInt64(digits, radix);
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
            {
                return null;
            }
        }
        else if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && ulong.TryParse(t.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong h))
        {
            v = h;
        }
        else if (ulong.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out ulong d))
        {
            v = d;
        }
        else
        {
            return null;
        }

        return (uint)((not ? ~v : v) & mask);
    }

    [GeneratedRegex(@"^\s*/\*\*?\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([A-Za-z/ ]+?)\s*;\s*bitpos\s*:\s*\[\s*(\d+)\s*(?::\s*(\d+))?\s*\]\s*;\s*default\s*:\s*([^;]*);")]
    private static partial Regex FieldComment();

    [GeneratedRegex(@"^\s*#\s*define\s+([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?\s+(.+)$")]
    private static partial Regex Define();

    [GeneratedRegex(@"^(\d+)'([hHbBdD])([0-9a-fA-F]+)$")]
    private static partial Regex Verilog();
}
