using System.Globalization;

namespace NanoRemap.Tooling.Eval;

/// <summary>
/// Numbers of the eval contract: decimal or <c>0x</c> hex (hex digits in any case) in, lower-case
/// <c>0x</c> hex without leading zeros (<c>0x0</c> for zero) or decimal out.
/// </summary>
public static class EvalNumber
{
    /// <summary>
    /// Parses an unsigned decimal or <c>0x</c> hex number. Fails on anything else (a sign, an empty
    /// number, a stray character); reports <paramref name="overflow"/> when it is well formed but wider
    /// than 64 bits.
    /// </summary>
    public static bool TryParseUnsigned(string text, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        bool hex = text.StartsWith("0x", StringComparison.Ordinal);
        string digits = hex ? text.Substring(2) : text;
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (char c in digits)
        {
            bool ok = hex ? char.IsAsciiHexDigit(c) : char.IsAsciiDigit(c);
            if (!ok)
            {
                return false;
            }
        }

        overflow = !ulong.TryParse(digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (overflow)
        {
            value = 0;
        }

        return true;
    }

    /// <summary>
    /// Parses a C <c>int</c> as the contract allows for <c>error_override</c> and <c>mapped_rc</c>: decimal,
    /// possibly negative (<c>-12</c>), in int range; or <c>0x</c> hex up to <c>0xffffffff</c>, read as a
    /// 32-bit two's-complement int.
    /// </summary>
    /// <param name="text">The value as written.</param>
    /// <param name="value">The int on success.</param>
    /// <param name="problem">On failure, what is wrong (for a message).</param>
    /// <param name="tooWide">On failure, whether the number was well formed but outside int.</param>
    /// <returns>True on success.</returns>
    public static bool TryParseInt32(string text, out int value, out string problem, out bool tooWide)
    {
        value = 0;
        problem = string.Empty;
        tooWide = false;
        bool negative = text.StartsWith('-');
        string body = negative ? text.Substring(1) : text;
        if (negative && body.StartsWith("0x", StringComparison.Ordinal))
        {
            problem = "a negative number must be decimal; hex is read as 32-bit two's complement, e.g. 0xfffffff4";
            return false;
        }

        if (!TryParseUnsigned(body, out ulong magnitude, out bool overflow))
        {
            problem = "expected decimal, negative decimal or 0x hex";
            return false;
        }

        bool hex = body.StartsWith("0x", StringComparison.Ordinal);
        ulong limit = hex ? uint.MaxValue : negative ? 0x80000000UL : int.MaxValue;
        if (overflow || magnitude > limit)
        {
            tooWide = true;
            problem = hex ? "int is 32-bit: hex up to 0xffffffff" : "int is 32-bit: -2147483648..2147483647";
            return false;
        }

        value = hex ? unchecked((int)(uint)magnitude) : negative ? (int)-(long)magnitude : (int)magnitude;
        return true;
    }

    /// <summary>Lower-case <c>0x</c> hex without leading zeros: <c>0x3ff44</c>, <c>0x0</c>.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Decimal, invariant culture.</summary>
    public static string Dec(long value) => value.ToString(CultureInfo.InvariantCulture);
}
