namespace NanoRemap.Tooling.Config;

/// <summary>The table of nf.config keys. Other tools add their keys here; order is the order of help.</summary>
public static class NfConfigKeys
{
    /// <summary><c>model</c>: nommu (the device) or mmu (the reference).</summary>
    public const string Model = "model";

    /// <summary><c>arch</c>: the C data model.</summary>
    public const string Arch = "arch";

    /// <summary><c>page_shift</c>: PAGE_SHIFT.</summary>
    public const string PageShift = "page_shift";

    /// <summary><c>board</c>: the board map for MMIO windows, the demo and the firmware build.</summary>
    public const string Board = "board";

    /// <summary>The boards nf.config accepts.</summary>
    public static readonly string[] Boards = NanoRemap.Boards.BoardMap.Names();

    /// <summary>Every key, with its default and its value check.</summary>
    public static readonly IReadOnlyList<NfConfigKey> All = new[]
    {
        new NfConfigKey(Model, "nommu", "nommu (what runs on the ESP32) or mmu (the reference to compare with)",
            v => ModelNames.TryParseModel(v, out _) ? null : NotOneOf(v, ModelNames.Models)),
        new NfConfigKey(Arch, "ilp32", "C data model: ilp32 (ESP32), ilp32-phys64 or lp64",
            v => ModelNames.TryParseArch(v, out _) ? null : NotOneOf(v, ModelNames.Arches)),
        // The upper bound depends on arch (1..BITS_PER_LONG-1); NfConfig checks it once both are known.
        new NfConfigKey(PageShift, "12", "PAGE_SHIFT, 1..BITS_PER_LONG-1 (decimal or 0x hex)",
            v => TryParsePageShift(v, out _) ? null : $"'{v}' is not a number in 1..63 (decimal or 0x hex)"),
        new NfConfigKey(Board, "esp32", "the board: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2 (ESP32-C3, ESP32C3 ... work too)",
            v => NanoRemap.Boards.BoardMap.ChipName(v) != null ? null : NotOneOf(v, Boards)),
    };

    /// <summary>The names of all keys, comma separated, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(k => k.Name));

    /// <summary>Finds a key by name; null if nf.config has no such key.</summary>
    public static NfConfigKey? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>Parses a page shift (decimal or 0x hex) into 1..63; the arch-specific bound is checked by the caller.</summary>
    public static bool TryParsePageShift(string text, out int pageShift)
    {
        pageShift = 0;
        if (!Eval.EvalNumber.TryParseUnsigned(text, out ulong v, out _) || v < 1 || v > 63)
        {
            return false;
        }

        pageShift = (int)v;
        return true;
    }

    private static string NotOneOf(string value, string[] allowed) =>
        $"'{value}' is not one of {string.Join(", ", allowed)}";
}
