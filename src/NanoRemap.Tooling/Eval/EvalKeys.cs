namespace NanoRemap.Tooling.Eval;

/// <summary>Every key the eval contract knows, with its C type.</summary>
public static class EvalKeys
{
    /// <summary>Keys every line may carry (<c>op</c> is required).</summary>
    public static readonly string[] Common = { "op", "model", "arch", "page_shift" };

    private static readonly Dictionary<string, EvalKeyKind> Kinds = new()
    {
        ["op"] = EvalKeyKind.Word,
        ["model"] = EvalKeyKind.Word,
        ["arch"] = EvalKeyKind.Word,
        ["page_shift"] = EvalKeyKind.PageShift,
        ["action"] = EvalKeyKind.Word,
        ["vm_len"] = EvalKeyKind.ULong,
        ["vm_start"] = EvalKeyKind.ULong,
        ["vm_end"] = EvalKeyKind.ULong,
        ["pgoff"] = EvalKeyKind.ULong,
        ["flags"] = EvalKeyKind.ULong,
        ["start"] = EvalKeyKind.ULong,
        ["pfn"] = EvalKeyKind.ULong,
        ["size"] = EvalKeyKind.ULong,
        ["len"] = EvalKeyKind.ULong,
        ["addr"] = EvalKeyKind.ULong,
        ["nr_pages"] = EvalKeyKind.ULong,
        ["phys"] = EvalKeyKind.Phys,
        ["prot"] = EvalKeyKind.U64,
        ["error_override"] = EvalKeyKind.Int32,
        ["mapped_rc"] = EvalKeyKind.Int32,
        ["raw_type"] = EvalKeyKind.UInt32,
        ["skip_prepare"] = EvalKeyKind.Bool01,
        ["merged"] = EvalKeyKind.Bool01,
        ["flow"] = EvalKeyKind.Word,
    };

    /// <summary>Whether <paramref name="key"/> is a key of the contract (of any op).</summary>
    public static bool IsKnown(string key) => Kinds.ContainsKey(key);

    /// <summary>The C type of a known key.</summary>
    public static EvalKeyKind KindOf(string key) => Kinds[key];

    /// <summary>The C type name of a numeric key for a message, e.g. <c>unsigned long (32-bit on ilp32)</c>.</summary>
    public static string TypeName(EvalKeyKind kind, NanoRemap.Mm.WordModel arch) => kind switch
    {
        EvalKeyKind.ULong => $"unsigned long ({Config.ModelNames.LongBits(arch)}-bit on {Config.ModelNames.Name(arch)})",
        EvalKeyKind.Phys => $"phys_addr_t ({Config.ModelNames.PhysBits(arch)}-bit on {Config.ModelNames.Name(arch)})",
        EvalKeyKind.U64 => "pgprot_t (64-bit)",
        EvalKeyKind.Int32 => "int (32-bit)",
        EvalKeyKind.UInt32 => "enum mmap_action_type (32-bit unsigned)",
        _ => kind.ToString(),
    };
}
