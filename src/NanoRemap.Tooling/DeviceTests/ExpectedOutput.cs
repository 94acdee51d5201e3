using System.Globalization;
using NanoRemap.Tooling.Eval;

namespace NanoRemap.Tooling.DeviceTests;

/// <summary>
/// An expected output line of a vector, parsed and checked against the contract's output rules for its
/// case: exactly the keys the contract prints for that op, rc and type, in its order.
/// </summary>
public sealed class ExpectedOutput
{
    /// <summary>Type names of the contract, by value of <c>enum mmap_action_type</c>.</summary>
    public static readonly string[] TypeNames = { "nothing", "remap_pfn", "io_remap_pfn", "simple_ioremap", "map_kernel_pages" };

    /// <summary><c>rc=</c>.</summary>
    public int Rc { get; private init; }

    /// <summary><c>pfn=</c>, 0 when not printed.</summary>
    public ulong Pfn { get; private init; }

    /// <summary><c>pgoff=</c>, 0 when not printed.</summary>
    public ulong Pgoff { get; private init; }

    /// <summary><c>flags=</c>, 0 when not printed.</summary>
    public ulong Flags { get; private init; }

    /// <summary><c>prepare=</c> (mmap) when it ran; 0 for <c>skip</c>.</summary>
    public int Prepare { get; private init; }

    /// <summary><c>prepare=skip</c> (mmap).</summary>
    public bool PrepareSkipped { get; private init; }

    /// <summary><c>complete=</c> (mmap) when it ran; 0 for <c>skip</c>.</summary>
    public int Complete { get; private init; }

    /// <summary><c>complete=skip</c> (mmap).</summary>
    public bool CompleteSkipped { get; private init; }

    /// <summary><c>type=</c> (mmap) as the 32-bit pattern of the action type.</summary>
    public int Type { get; private init; }

    /// <summary><c>warns=</c> (mmap).</summary>
    public int Warns { get; private init; }

    /// <summary>Parses <paramref name="text"/> as the output of <paramref name="c"/>.</summary>
    /// <param name="c">The case it belongs to.</param>
    /// <param name="text">The expected line without <c>=&gt; </c>.</param>
    /// <returns>The values.</returns>
    /// <exception cref="FormatException">A malformed token or number, or keys other than the contract prints.</exception>
    public static ExpectedOutput Parse(EvalCase c, string text)
    {
        var keys = new List<string>();
        var values = new Dictionary<string, string>();
        foreach (string token in text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = token.IndexOf('=');
            if (eq <= 0 || eq == token.Length - 1)
            {
                throw new FormatException($"'{token}' is not key=value");
            }

            string key = token.Substring(0, eq);
            if (!values.TryAdd(key, token.Substring(eq + 1)))
            {
                throw new FormatException($"duplicate key '{key}'");
            }

            keys.Add(key);
        }

        int rc = Dec(values, "rc");
        ExpectedOutput o;
        string[] order;
        if (c.Op == EvalOp.Prep)
        {
            order = rc == 0 ? new[] { "rc", "pfn" } : new[] { "rc" };
            o = new ExpectedOutput { Rc = rc, Pfn = HexOr0(values, "pfn") };
        }
        else if (c.Op == EvalOp.Iomap)
        {
            order = rc == 0 ? new[] { "rc", "pfn", "pgoff", "flags" } : new[] { "rc" };
            o = new ExpectedOutput { Rc = rc, Pfn = HexOr0(values, "pfn"), Pgoff = HexOr0(values, "pgoff"), Flags = HexOr0(values, "flags") };
        }
        else if (c.Op == EvalOp.RemapPfnRange)
        {
            order = rc == 0 ? new[] { "rc", "pgoff", "flags" } : new[] { "rc" };
            o = new ExpectedOutput { Rc = rc, Pgoff = HexOr0(values, "pgoff"), Flags = HexOr0(values, "flags") };
        }
        else
        {
            int type = TypeValue(Get(values, "type"));
            bool pfn = type == 1 || type == 2;
            order = pfn
                ? new[] { "rc", "prepare", "complete", "type", "pfn", "pgoff", "flags", "warns" }
                : new[] { "rc", "prepare", "complete", "type", "pgoff", "flags", "warns" };
            o = new ExpectedOutput
            {
                Rc = rc,
                Prepare = Step(values, "prepare"),
                PrepareSkipped = Get(values, "prepare") == "skip",
                Complete = Step(values, "complete"),
                CompleteSkipped = Get(values, "complete") == "skip",
                Type = type,
                Pfn = HexOr0(values, "pfn"),
                Pgoff = HexOr0(values, "pgoff"),
                Flags = HexOr0(values, "flags"),
                Warns = Dec(values, "warns"),
            };
        }

        if (!keys.SequenceEqual(order))
        {
            throw new FormatException($"keys {string.Join(" ", keys)} are not what the contract prints for op={c.Op.Name} here ({string.Join(" ", order)})");
        }

        return o;
    }

    private static string Get(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out string? v) ? v : throw new FormatException($"missing {key}=");

    private static int Dec(Dictionary<string, string> values, string key)
    {
        string v = Get(values, key);
        if (!int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int result))
        {
            throw new FormatException($"{key}={v} is not a decimal int");
        }

        return result;
    }

    private static int Step(Dictionary<string, string> values, string key) =>
        Get(values, key) == "skip" ? 0 : Dec(values, key);

    private static ulong HexOr0(Dictionary<string, string> values, string key)
    {
        if (!values.TryGetValue(key, out string? v))
        {
            return 0; // absence is checked against the contract's key order
        }

        if (!v.StartsWith("0x", StringComparison.Ordinal) || !ulong.TryParse(v.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong result))
        {
            throw new FormatException($"{key}={v} is not 0x hex");
        }

        return result;
    }

    // nothing..map_kernel_pages, or the decimal (unsigned) value of a type outside the enum.
    private static int TypeValue(string name)
    {
        int i = Array.IndexOf(TypeNames, name);
        if (i >= 0)
        {
            return i;
        }

        if (!uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out uint raw))
        {
            throw new FormatException($"type={name} is neither a type name nor a number");
        }

        return unchecked((int)raw);
    }
}
