using System.Globalization;
using System.Text.RegularExpressions;

namespace NanoRemap.Tooling.Idf;

/// <summary>
/// The <c>#define</c>s of a chip's ESP-IDF register headers (object-like and function-like), and an evaluator of
/// the integer C expressions register addresses are written in: <c>(DR_REG_LEDC_BASE + 0x00A8)</c>,
/// <c>(REG_I2C_BASE(i) + 0x0004)</c> with <c>REG_I2C_BASE(i)</c> itself a macro, <c>((i)==2) ? ... : (0)</c>.
/// An expression that names something undefined (a register read such as <c>REG_GET_FIELD</c>) does not evaluate.
/// </summary>
public sealed partial class IdfMacros
{
    private readonly Dictionary<string, (string[]? Params, string Body)> _defines = new(StringComparer.Ordinal);

    /// <summary>Adds the defines of one header's text (later definitions of a name do not replace the first).</summary>
    /// <param name="text">Header text.</param>
    public void AddHeader(string text)
    {
        foreach (string raw in Joined(text))
        {
            Match m = DefineLine().Match(raw);
            if (!m.Success)
            {
                continue;
            }

            string name = m.Groups[1].Value;
            string[]? ps = m.Groups[2].Success ? m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null;
            string body = StripComments(m.Groups[3].Value).Trim();
            _defines.TryAdd(name, (ps, body));
        }
    }

    /// <summary>Whether a macro is defined.</summary>
    /// <param name="name">Macro name.</param>
    /// <returns>True when defined.</returns>
    public bool IsDefined(string name) => _defines.ContainsKey(name);

    /// <summary>Evaluates an expression after macro expansion.</summary>
    /// <param name="expression">C expression text.</param>
    /// <param name="value">The value (64-bit, unsigned wrap-around as in C's unsigned arithmetic).</param>
    /// <returns>False when it names an undefined identifier or is not an integer expression.</returns>
    public bool TryEvaluate(string expression, out long value)
    {
        value = 0;
        List<string> tokens;
        try
        {
            tokens = Expand(Tokenize(expression), new HashSet<string>(StringComparer.Ordinal), 0);
            var p = new Parser(tokens);
            value = p.Ternary();
            return p.AtEnd;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The lines of a header with backslash continuations joined.</summary>
    /// <param name="text">Header text.</param>
    /// <returns>Logical lines.</returns>
    internal static IEnumerable<string> Joined(string text)
    {
        string pending = string.Empty;
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            yield return pending + line;
            pending = string.Empty;
        }
    }

    private static string StripComments(string s)
    {
        s = Regex.Replace(s, @"/\*.*?(\*/|$)", " ");
        int c = s.IndexOf("//", StringComparison.Ordinal);
        return c >= 0 ? s[..c] : s;
    }

    private static List<string> Tokenize(string s)
    {
        var t = new List<string>();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int j = i;
                while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
                {
                    j++;
                }

                t.Add(s[i..j]);
                i = j;
            }
            else if (char.IsDigit(c))
            {
                int j = i;
                while (j < s.Length && (char.IsLetterOrDigit(s[j]) || s[j] == '_'))
                {
                    j++;
                }

                t.Add(s[i..j]);
                i = j;
            }
            else
            {
                string two = i + 1 < s.Length ? s.Substring(i, 2) : string.Empty;
                if (two is "<<" or ">>" or "==" or "!=" or "<=" or ">=" or "&&" or "||")
                {
                    t.Add(two);
                    i += 2;
                }
                else
                {
                    t.Add(c.ToString());
                    i++;
                }
            }
        }

        return t;
    }

    private List<string> Expand(List<string> tokens, HashSet<string> active, int depth)
    {
        if (depth > 32)
        {
            throw new FormatException("macro expansion too deep");
        }

        var result = new List<string>();
        for (int i = 0; i < tokens.Count; i++)
        {
            string tok = tokens[i];
            if (!(char.IsLetter(tok[0]) || tok[0] == '_') || active.Contains(tok) || !_defines.TryGetValue(tok, out var def))
            {
                result.Add(tok);
                continue;
            }

            List<string> body = Tokenize(def.Body);
            if (def.Params != null)
            {
                if (i + 1 >= tokens.Count || tokens[i + 1] != "(")
                {
                    result.Add(tok);
                    continue;
                }

                var args = new List<List<string>> { new() };
                int level = 0;
                int j = i + 2;
                for (; j < tokens.Count; j++)
                {
                    string a = tokens[j];
                    if (a == "(")
                    {
                        level++;
                    }
                    else if (a == ")")
                    {
                        if (level == 0)
                        {
                            break;
                        }

                        level--;
                    }
                    else if (a == "," && level == 0)
                    {
                        args.Add(new());
                        continue;
                    }

                    args[^1].Add(a);
                }

                if (j >= tokens.Count)
                {
                    throw new FormatException("unbalanced macro call");
                }

                i = j;
                var substituted = new List<string>();
                foreach (string b in body)
                {
                    int k = Array.IndexOf(def.Params, b);
                    if (k >= 0 && k < args.Count)
                    {
                        substituted.Add("(");
                        substituted.AddRange(args[k]);
                        substituted.Add(")");
                    }
                    else
                    {
                        substituted.Add(b);
                    }
                }

                body = substituted;
            }

            active.Add(tok);
            result.AddRange(Expand(body, active, depth + 1));
            active.Remove(tok);
        }

        return result;
    }

    [GeneratedRegex(@"^\s*#\s*define\s+([A-Za-z_][A-Za-z0-9_]*)(?:\(([^)]*)\))?(.*)$")]
    private static partial Regex DefineLine();

    private sealed class Parser
    {
        private readonly List<string> _t;
        private int _i;

        public Parser(List<string> tokens) => _t = tokens;

        public bool AtEnd => _i == _t.Count;

        public long Ternary()
        {
            long c = Binary(0);
            if (Peek() == "?")
            {
                _i++;
                long a = Ternary();
                Expect(":");
                long b = Ternary();
                return c != 0 ? a : b;
            }

            return c;
        }

        private static readonly string[][] Levels =
        {
            new[] { "||" }, new[] { "&&" }, new[] { "|" }, new[] { "^" }, new[] { "&" }, new[] { "==", "!=" },
            new[] { "<", ">", "<=", ">=" }, new[] { "<<", ">>" }, new[] { "+", "-" }, new[] { "*", "/", "%" },
        };

        private long Binary(int level)
        {
            if (level == Levels.Length)
            {
                return Unary();
            }

            long left = Binary(level + 1);
            while (Peek() is string op && Array.IndexOf(Levels[level], op) >= 0)
            {
                _i++;
                long right = Binary(level + 1);
                left = op switch
                {
                    "||" => (left != 0 || right != 0) ? 1 : 0,
                    "&&" => (left != 0 && right != 0) ? 1 : 0,
                    "|" => left | right,
                    "^" => left ^ right,
                    "&" => left & right,
                    "==" => left == right ? 1 : 0,
                    "!=" => left != right ? 1 : 0,
                    "<" => left < right ? 1 : 0,
                    ">" => left > right ? 1 : 0,
                    "<=" => left <= right ? 1 : 0,
                    ">=" => left >= right ? 1 : 0,
                    "<<" => left << (int)right,
                    ">>" => (long)((ulong)left >> (int)right),
                    "+" => left + right,
                    "-" => left - right,
                    "*" => left * right,
                    "/" => right == 0 ? throw new FormatException("division by zero") : left / right,
                    _ => right == 0 ? throw new FormatException("division by zero") : left % right,
                };
            }

            return left;
        }

        private long Unary()
        {
            string? t = Peek();
            switch (t)
            {
                case "-":
                    _i++;
                    return -Unary();
                case "+":
                    _i++;
                    return Unary();
                case "~":
                    _i++;
                    return ~Unary() & 0xFFFFFFFFL;
                case "!":
                    _i++;
                    return Unary() == 0 ? 1 : 0;
                case "(":
                    _i++;
                    if (Peek() is "uint32_t" or "int" or "uint8_t" or "uint16_t" or "unsigned" && _i + 1 < _t.Count && _t[_i + 1] == ")")
                    {
                        _i += 2;
                        return Unary() & 0xFFFFFFFFL;
                    }

                    long v = Ternary();
                    Expect(")");
                    return v;
                case null:
                    throw new FormatException("unexpected end");
                default:
                    _i++;
                    return Number(t);
            }
        }

        private static long Number(string t)
        {
            string s = t.TrimEnd('u', 'U', 'l', 'L');
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long h))
            {
                return h;
            }

            if (s.Length > 0 && char.IsDigit(s[0]) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long d))
            {
                return d;
            }

            throw new FormatException("not a number: " + t);
        }

        private string? Peek() => _i < _t.Count ? _t[_i] : null;

        private void Expect(string s)
        {
            if (Peek() != s)
            {
                throw new FormatException("expected " + s);
            }

            _i++;
        }
    }
}
