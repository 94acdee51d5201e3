using System.Globalization;
using System.Text.RegularExpressions;
using NanoRemap.Facts;

namespace NanoRemap.Tooling.Facts;

/// <summary>One register array of a peripheral: registers whose names differ only in one decimal index 0..Count-1, at a constant stride.</summary>
/// <param name="Name">The array's name: the register name without its index (<c>LSTIMER%s_CONF</c> → <c>LSTIMER_CONF</c>).</param>
/// <param name="Elements">The registers, by index.</param>
/// <param name="Stride">Bytes from one element to the next.</param>
/// <param name="Fields">The fields every element has at the same bits, by their name without the index and the array's
/// own word (<c>LSTIMER0_DUTY_RES</c>, <c>TICK_SEL_LSTIMER0</c> → <c>DUTY_RES</c>, <c>TICK_SEL</c>), with the field of element 0.</param>
public sealed record RegisterArray(string Name, IReadOnlyList<FactsRegister> Elements, uint Stride, IReadOnlyList<(string Name, FactsField Field)> Fields);

/// <summary>
/// Finds a peripheral's register arrays in its facts: the SVD's <c>dim</c> arrays after expansion
/// (<c>FUNC%s_OUT_SEL_CFG</c>) and the arrays the SVD writes out register by register (the ESP32's
/// <c>LSTIMER0_CONF</c> .. <c>LSTIMER3_CONF</c>, <c>LSCH0_CONF0</c> .. <c>LSCH7_CONF0</c>). A candidate is every decimal
/// number in a register name; indices must run 0, 1, .. N-1 (N ≥ 2) at one positive stride. Larger arrays claim their
/// registers first and a register belongs to one array at most, so <c>LSCH0_CONF0</c> is element 0 of <c>LSCH_CONF0</c>
/// (8 channels) and not of <c>LSCH0_CONF</c> (CONF0, CONF1).
/// </summary>
public static class RegisterArrays
{
    private static readonly Regex Digits = new(@"\d+", RegexOptions.CultureInvariant);

    /// <summary>The arrays of one peripheral, in the order of their first register.</summary>
    /// <param name="peripheral">The peripheral's facts.</param>
    /// <returns>The arrays.</returns>
    public static IReadOnlyList<RegisterArray> Find(FactsPeripheral peripheral)
    {
        var candidates = new Dictionary<string, List<(int Index, FactsRegister Register)>>(StringComparer.Ordinal);
        foreach (FactsRegister r in peripheral.Registers)
        {
            foreach (Match m in Digits.Matches(r.Name))
            {
                if (m.Length > 1 && m.Value[0] == '0')
                {
                    continue; // "01" is a name, not an index
                }

                string key = r.Name[..m.Index] + "%s" + r.Name[(m.Index + m.Length)..];
                if (!candidates.TryGetValue(key, out var list))
                {
                    candidates[key] = list = new List<(int, FactsRegister)>();
                }

                list.Add((int.Parse(m.Value, CultureInfo.InvariantCulture), r));
            }
        }

        var claimed = new HashSet<FactsRegister>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var arrays = new List<RegisterArray>();
        foreach (var (key, list) in candidates.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            if (list.Count < 2)
            {
                continue;
            }

            list.Sort((a, b) => a.Index.CompareTo(b.Index));
            bool ok = list[0].Register.Address < list[1].Register.Address && list.All(e => !claimed.Contains(e.Register));
            uint stride = list[1].Register.Address - list[0].Register.Address;
            for (int i = 0; ok && i < list.Count; i++)
            {
                ok = list[i].Index == i && list[i].Register.Address == list[0].Register.Address + (uint)i * stride;
            }

            if (!ok)
            {
                continue;
            }

            string word = Word(key);
            string name = Tidy(key.Replace("%s", string.Empty, StringComparison.Ordinal));
            if (!names.Add(name))
            {
                continue; // a larger array has the name (CH%s_CONF and CH_CONF%s): one name, one array
            }

            foreach (var e in list)
            {
                claimed.Add(e.Register);
            }

            arrays.Add(new RegisterArray(name, list.Select(e => e.Register).ToList(), stride, CommonFields(list, word)));
        }

        return arrays.OrderBy(a => a.Elements[0].Address).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    // The letters right before the index (LSTIMER%s_CONF → LSTIMER; FUNC%s_OUT_SEL_CFG → FUNC).
    private static string Word(string key)
    {
        int end = key.IndexOf("%s", StringComparison.Ordinal);
        int start = end;
        while (start > 0 && char.IsLetter(key[start - 1]))
        {
            start--;
        }

        return key[start..end];
    }

    // Fields present in every element at the same bits once the element's index is taken out of their names.
    private static List<(string, FactsField)> CommonFields(List<(int Index, FactsRegister Register)> elements, string word)
    {
        var result = new List<(string, FactsField)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (FactsField f in elements[0].Register.Fields)
        {
            string generic = Generic(f.Name, 0, word);
            if (generic.Length == 0 || !seen.Add(generic))
            {
                continue;
            }

            bool everywhere = elements.All(e => e.Register.Fields.Count(g => Generic(g.Name, e.Index, word) == generic
                && g.Lsb == f.Lsb && g.Width == f.Width && g.Access == f.Access) == 1);
            if (everywhere)
            {
                result.Add((generic, f));
            }
        }

        return result;
    }

    // A field name without the element's index and without the array's word: LSTIMER1_DUTY_RES → DUTY_RES, TICK_SEL_LSTIMER1 → TICK_SEL,
    // FUNC_OUT_SEL (C6, no index) → OUT_SEL.
    private static string Generic(string field, int index, string word)
    {
        string idx = index.ToString(CultureInfo.InvariantCulture);
        string s = Digits.Replace(field, m => m.Value == idx ? "\u0001" : m.Value);
        if (word.Length > 0)
        {
            s = s.Replace(word + "\u0001", "\u0001", StringComparison.Ordinal);
        }

        s = Tidy(s.Replace("\u0001", string.Empty, StringComparison.Ordinal));
        return word.Length > 0 && s.Length > word.Length + 1 && s.StartsWith(word + "_", StringComparison.Ordinal)
            ? s[(word.Length + 1)..] // FUNC_OUT_SEL of FUNC%s_OUT_SEL_CFG → OUT_SEL, as the ESP32's FUNC2_OUT_SEL
            : s;
    }

    private static string Tidy(string s)
    {
        while (s.Contains("__", StringComparison.Ordinal))
        {
            s = s.Replace("__", "_", StringComparison.Ordinal);
        }

        return s.Trim('_');
    }
}
