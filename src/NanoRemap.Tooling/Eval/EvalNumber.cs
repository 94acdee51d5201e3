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
    /// <returns>Null on success, else what is wrong ("bad number" or "too wide" text).</returns>
    public static string? TryParseInt32(string text, out int value)
    {
        value = 0;
        bool negative = text.StartsWith('-');
        string body = negative ? text.Substring(1) : text;
        if (negative && body.StartsWith("0x", StringComparison.Ordinal))
        {
            return "a negative number must be decimal (hex is read as 32-bit two's complement)";
        }

        if (!TryParseUnsigned(body, out ulong magnitude, out bool overflow))
        {
            return "not a number";
        }

        bool hex = body.StartsWith("0x", StringComparison.Ordinal);
        ulong limit = hex ? uint.MaxValue : negative ? 0x80000000UL : int.MaxValue;
        if (overflow || magnitude > limit)
        {
            return hex ? "too wide for int (32-bit; hex up to 0xffffffff)" : "too wide for int (-2147483648..2147483647)";
        }

        value = hex ? unchecked((int)(uint)magnitude) : negative ? (int)-(long)magnitude : (int)magnitude;
        return null;
    }

    /// <summary>Lower-case <c>0x</c> hex without leading zeros: <c>0x3ff44</c>, <c>0x0</c>.</summary>
    public static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Decimal, invariant culture.</summary>
    public static string Dec(long value) => value.ToString(CultureInfo.InvariantCulture);
}
