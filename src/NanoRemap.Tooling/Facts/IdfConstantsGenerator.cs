using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoRemap.Tooling.Facts;

/// <summary>
/// Generates a chip's ESP-IDF constants for drivers from the ESP-IDF v5.5.4 headers in <c>../shared</c>: the GPIO
/// matrix signal indices (<c>soc/gpio_sig_map.h</c>: <c>U0TXD_OUT_IDX</c>, <c>LEDC_LS_SIG_OUT0_IDX</c>, <c>SIG_GPIO_OUT_IDX</c>),
/// the IO_MUX function numbers and pad bits (<c>soc/io_mux_reg.h</c>: <c>PIN_FUNC_GPIO</c>, <c>MCU_SEL_S</c>, <c>FUN_IE</c>) and
/// the sizes in <c>soc/soc_caps.h</c> (<c>SOC_UART_FIFO_LEN</c>, <c>SOC_LEDC_CHANNEL_NUM</c>, <c>SOC_GPIO_PIN_COUNT</c>) and the
/// clock frequencies and register bases of <c>soc/soc.h</c> (<c>APB_CLK_FREQ</c>, <c>DR_REG_LEDC_BASE</c>), under
/// their ESP-IDF names, as constants of the chip's class (<c>Esp32C3.U0TXD_OUT_IDX</c>): free on the device, no new type.
/// Every object-like <c>#define</c> whose value is a constant expression (numbers, <c>BIT(n)</c>, earlier macros,
/// <c>+ - * | &amp; &lt;&lt; &gt;&gt; ~</c> and parentheses) outside an <c>#if</c> block is taken; function-like macros, register
/// addresses built from other headers and conditional definitions are not. The file goes to
/// src/NanoRemap.Chips/NanoRemap.&lt;Chip&gt;/&lt;Chip&gt;.Idf.g.cs and names each header it came from.
/// </summary>
public static class IdfConstantsGenerator
{
    /// <summary>The ESP-IDF folder the committed files are generated from, relative to the repository root.</summary>
    public const string DefaultIdfDir = "../shared/esp-idf-v5.5.4";

    /// <summary>The ESP-IDF version named in the generated files.</summary>
    public const string IdfVersion = "v5.5.4";

    private static readonly Regex Define = new(@"^\s*#\s*define\s+([A-Za-z_][A-Za-z0-9_]*)(\(?)(.*)$", RegexOptions.CultureInvariant);

    /// <summary>The headers read for a chip, relative to the ESP-IDF folder, in the order their names are taken.</summary>
    /// <param name="chip">Chip name (<c>esp32c3</c>).</param>
    /// <returns>The four header paths.</returns>
    public static IReadOnlyList<string> Headers(string chip) => new[]
    {
        $"components/soc/{chip}/include/soc/gpio_sig_map.h",
        $"components/soc/{chip}/register/soc/io_mux_reg.h",
        $"components/soc/{chip}/include/soc/soc_caps.h",
        $"components/soc/{chip}/include/soc/soc.h",
    };

    /// <summary>The generated file of a chip, relative to the repository root.</summary>
    /// <param name="chip">Chip name.</param>
    /// <returns>src/NanoRemap.Chips/NanoRemap.&lt;Chip&gt;/&lt;Chip&gt;.Idf.g.cs.</returns>
    public static string RelativePath(string chip)
    {
        string cls = ChipDefinitionsGenerator.ClassName(chip);
        return $"src/NanoRemap.Chips/NanoRemap.{cls}/{cls}.Idf.g.cs";
    }

    /// <summary>The constants of one header: name, value, 1-based line, in file order.</summary>
    /// <param name="lines">The header's lines.</param>
    /// <param name="known">Values of macros of the headers read before, extended with this header's.</param>
    /// <returns>The constants taken from this header.</returns>
    public static IReadOnlyList<(string Name, uint Value, int Line)> Parse(IReadOnlyList<string> lines, Dictionary<string, uint> known)
    {
        var result = new List<(string, uint, int)>();
        var defines = new List<(string Name, string Text, int Line)>();
        int depth = 0;
        string? guard = null;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = StripComments(lines, ref i, out int first);
            string t = line.Trim();
            if (Regex.IsMatch(t, @"^#\s*if"))
            {
                Match g = Regex.Match(t, @"^#\s*ifndef\s+(\w+)\s*$");
                bool isGuard = g.Success && guard == null && depth == 0
                    && (g.Groups[1].Value.EndsWith("_H_", StringComparison.Ordinal) || g.Groups[1].Value.EndsWith("_H", StringComparison.Ordinal));
                if (isGuard)
                {
                    guard = g.Groups[1].Value; // the include guard is no condition
                    continue;
                }

                depth++;
                continue;
            }

            if (Regex.IsMatch(t, @"^#\s*endif"))
            {
                if (depth > 0)
                {
                    depth--;
                }

                continue;
            }

            Match m = Define.Match(line);
            if (!m.Success || depth > 0 || m.Groups[2].Value == "(" || m.Groups[1].Value == guard)
            {
                continue;
            }

            defines.Add((m.Groups[1].Value, m.Groups[3].Value, first + 1));
        }

        // Evaluated after reading the whole file: a macro may use one defined below it (FUN_IE_M uses FUN_IE_V).
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in defines)
        {
            texts.TryAdd(d.Name, d.Text);
        }

        var evaluating = new HashSet<string>(StringComparer.Ordinal);
        bool Resolve(string id, out uint v)
        {
            if (known.TryGetValue(id, out v))
            {
                return true;
            }

            if (!texts.TryGetValue(id, out string? text) || !evaluating.Add(id))
            {
                return false;
            }

            bool ok = Expression.TryEvaluate(text, Resolve, out v);
            evaluating.Remove(id);
            return ok;
        }

        var local = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var (name, text, line) in defines)
        {
            if (known.ContainsKey(name) || local.ContainsKey(name) || !Resolve(name, out uint value))
            {
                continue;
            }

            local[name] = value;
            result.Add((name, value, line));
        }

        foreach (var (name, value) in local)
        {
            known[name] = value;
        }

        return result;
    }

    /// <summary>Renders the constants of one chip.</summary>
    /// <param name="chip">Chip name.</param>
    /// <param name="idfDir">The ESP-IDF folder.</param>
    /// <returns>The C# source.</returns>
    /// <exception cref="FileNotFoundException">A header is missing.</exception>
    public static string Render(string chip, string idfDir)
    {
        string cls = ChipDefinitionsGenerator.ClassName(chip);
        var known = new Dictionary<string, uint>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("// <auto-generated>\n");
        sb.Append($"// Generated by `nanoremap boards generate-idf` from ESP-IDF {IdfVersion} (Apache-2.0, Espressif Systems); do not edit, regenerate.\n");
        var parts = new List<(string Header, IReadOnlyList<(string Name, uint Value, int Line)> Constants)>();
        foreach (string header in Headers(chip))
        {
            string path = Path.Combine(idfDir, header);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{chip}: ESP-IDF header {header} not found under {idfDir}", path);
            }

            var constants = Parse(File.ReadAllLines(path), known);
            parts.Add((header, constants));
            sb.Append($"// from: {header} ({constants.Count} constants)\n");
        }

        sb.Append("// </auto-generated>\n");
        sb.Append("namespace NanoRemap.Chips\n{\n");
        sb.Append($"    public static partial class {cls}\n    {{\n");
        bool firstPart = true;
        foreach (var (header, constants) in parts)
        {
            if (!firstPart)
            {
                sb.Append('\n');
            }

            firstPart = false;
            string file = header[(header.LastIndexOf('/') + 1)..];
            foreach (var (name, value, line) in constants)
            {
                sb.Append($"        /// <summary><c>{name}</c> ({file}:{line}).</summary>\n");
                sb.Append($"        public const uint {name} = {value.ToString(CultureInfo.InvariantCulture)};\n");
            }
        }

        sb.Append("    }\n}\n");
        return sb.ToString();
    }

    /// <summary>Renders every chip's constants.</summary>
    /// <param name="root">Repository root (chips: those with boards/&lt;chip&gt;/registers.txt).</param>
    /// <param name="idfDir">The ESP-IDF folder.</param>
    /// <returns>Relative path and contents of each generated file.</returns>
    public static IReadOnlyList<(string RelativePath, string Contents)> RenderAll(string root, string idfDir) =>
        ChipDefinitionsGenerator.Chips(root).Select(c => (RelativePath(c), Render(c, idfDir))).ToList();

    /// <summary>Writes the generated files that differ from a fresh generation.</summary>
    /// <param name="root">Repository root.</param>
    /// <param name="idfDir">The ESP-IDF folder.</param>
    /// <returns>Relative paths written.</returns>
    public static IReadOnlyList<string> Write(string root, string idfDir)
    {
        var written = new List<string>();
        foreach (var (rel, contents) in RenderAll(root, idfDir))
        {
            string path = Path.Combine(root, rel);
            if (File.Exists(path) && File.ReadAllText(path) == contents)
            {
                continue;
            }

            File.WriteAllText(path, contents);
            written.Add(rel);
        }

        return written;
    }

    /// <summary>The generated files whose committed contents differ from a fresh generation (missing ones included).</summary>
    /// <param name="root">Repository root.</param>
    /// <param name="idfDir">The ESP-IDF folder.</param>
    /// <returns>Relative paths of stale files.</returns>
    public static IReadOnlyList<string> Stale(string root, string idfDir) =>
        RenderAll(root, idfDir).Where(f =>
        {
            string path = Path.Combine(root, f.RelativePath);
            return !File.Exists(path) || File.ReadAllText(path).Replace("\r\n", "\n") != f.Contents;
        }).Select(f => f.RelativePath).ToList();

    // The line without comments; a /* comment */ that spans lines is consumed (i moves on). first: the line the text starts on.
    private static string StripComments(IReadOnlyList<string> lines, ref int i, out int first)
    {
        first = i;
        var sb = new StringBuilder();
        string line = lines[i];
        int k = 0;
        while (true)
        {
            if (k >= line.Length)
            {
                if (line.EndsWith('\\') && i + 1 < lines.Count)
                {
                    sb.Length = Math.Max(0, sb.Length - 1);
                    line = lines[++i];
                    k = 0;
                    continue;
                }

                break;
            }

            if (line[k] == '/' && k + 1 < line.Length && line[k + 1] == '/')
            {
                break;
            }

            if (line[k] == '/' && k + 1 < line.Length && line[k + 1] == '*')
            {
                int end = line.IndexOf("*/", k + 2, StringComparison.Ordinal);
                while (end < 0 && i + 1 < lines.Count)
                {
                    line = lines[++i];
                    end = line.IndexOf("*/", StringComparison.Ordinal);
                    k = -2;
                }

                if (end < 0)
                {
                    break;
                }

                sb.Append(' ');
                k = end + 2;
                continue;
            }

            sb.Append(line[k]);
            k++;
        }

        return sb.ToString();
    }

    /// <summary>A C constant expression over 32-bit unsigned values: what the macros above are made of.</summary>
    private sealed class Expression
    {
        private readonly string _s;
        private readonly Resolver _resolve;
        private int _p;

        public delegate bool Resolver(string name, out uint value);

        private Expression(string s, Resolver resolve)
        {
            _s = s;
            _resolve = resolve;
        }

        public static bool TryEvaluate(string text, Resolver resolve, out uint value)
        {
            value = 0;
            if (string.IsNullOrWhiteSpace(text))
            {
                return false;
            }

            var e = new Expression(text, resolve);
            try
            {
                ulong v = e.Or();
                e.Skip();
                if (e._p != text.Length || v > uint.MaxValue)
                {
                    return false;
                }

                value = (uint)v;
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private ulong Or()
        {
            ulong v = And();
            while (Eat("|"))
            {
                v |= And();
            }

            return v;
        }

        private ulong And()
        {
            ulong v = Shift();
            while (Eat("&"))
            {
                v &= Shift();
            }

            return v;
        }

        private ulong Shift()
        {
            ulong v = Sum();
            while (true)
            {
                if (Eat("<<"))
                {
                    int n = (int)Sum();
                    v = n < 64 ? (v << n) & 0xFFFFFFFF : 0;
                }
                else if (Eat(">>"))
                {
                    int n = (int)Sum();
                    v = n < 64 ? v >> n : 0;
                }
                else
                {
                    return v;
                }
            }
        }

        private ulong Sum()
        {
            ulong v = Product();
            while (true)
            {
                if (Eat("+"))
                {
                    v = (v + Product()) & 0xFFFFFFFF;
                }
                else if (Eat("-"))
                {
                    v = (v - Product()) & 0xFFFFFFFF;
                }
                else
                {
                    return v;
                }
            }
        }

        private ulong Product()
        {
            ulong v = Unary();
            while (Eat("*"))
            {
                v = (v * Unary()) & 0xFFFFFFFF;
            }

            return v;
        }

        private ulong Unary()
        {
            if (Eat("~"))
            {
                return ~Unary() & 0xFFFFFFFF;
            }

            if (Eat("("))
            {
                ulong v = Or();
                if (!Eat(")"))
                {
                    throw new FormatException();
                }

                return v;
            }

            Skip();
            Match n = Regex.Match(_s[_p..], @"^(0[xX][0-9A-Fa-f]+|[0-9]+)[uUlL]*");
            if (n.Success)
            {
                _p += n.Length;
                string d = n.Groups[1].Value;
                return d.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                    ? ulong.Parse(d[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                    : d.Length > 1 && d[0] == '0' ? Convert.ToUInt64(d, 8) : ulong.Parse(d, CultureInfo.InvariantCulture);
            }

            Match id = Regex.Match(_s[_p..], @"^[A-Za-z_][A-Za-z0-9_]*");
            if (!id.Success)
            {
                throw new FormatException();
            }

            _p += id.Length;
            if (id.Value == "BIT")
            {
                if (!Eat("("))
                {
                    throw new FormatException();
                }

                ulong bit = Or();
                if (!Eat(")") || bit > 31)
                {
                    throw new FormatException();
                }

                return 1UL << (int)bit;
            }

            return _resolve(id.Value, out uint resolved) ? resolved : throw new FormatException();
        }

        private bool Eat(string token)
        {
            Skip();
            if (string.CompareOrdinal(_s, _p, token, 0, token.Length) != 0)
            {
                return false;
            }

            // "|" and "&" must not be the first half of "||" / "&&": a logical expression is not a constant we take.
            if ((token == "|" || token == "&") && _p + 1 < _s.Length && _s[_p + 1] == token[0])
            {
                return false;
            }

            _p += token.Length;
            return true;
        }

        private void Skip()
        {
            while (_p < _s.Length && char.IsWhiteSpace(_s[_p]))
            {
                _p++;
            }
        }
    }
}
