using NanoRemap.Mm;

namespace NanoRemap.Tooling.Config;

/// <summary>
/// The spellings of models and word models shared by nf.config, the eval contract and the CLI options
/// (<c>nommu|mmu</c>, <c>ilp32|ilp32-phys64|lp64</c>), and the widths they imply.
/// </summary>
public static class ModelNames
{
    /// <summary>The accepted model names, in help order.</summary>
    public static readonly string[] Models = { "nommu", "mmu" };

    /// <summary>The accepted arch (word model) names, in help order.</summary>
    public static readonly string[] Arches = { "ilp32", "ilp32-phys64", "lp64" };

    /// <summary>Parses <c>nommu</c> or <c>mmu</c> (exact, lower case).</summary>
    public static bool TryParseModel(string text, out KernelModel model)
    {
        switch (text)
        {
            case "nommu": model = KernelModel.Nommu; return true;
            case "mmu": model = KernelModel.Mmu; return true;
            default: model = KernelModel.Nommu; return false;
        }
    }

    /// <summary>Parses <c>ilp32</c>, <c>ilp32-phys64</c> or <c>lp64</c> (exact, lower case).</summary>
    public static bool TryParseArch(string text, out WordModel arch)
    {
        switch (text)
        {
            case "ilp32": arch = WordModel.Ilp32; return true;
            case "ilp32-phys64": arch = WordModel.Ilp32Phys64; return true;
            case "lp64": arch = WordModel.Lp64; return true;
            default: arch = WordModel.Ilp32; return false;
        }
    }

    /// <summary>The contract spelling of a model.</summary>
    public static string Name(KernelModel model) => model == KernelModel.Mmu ? "mmu" : "nommu";

    /// <summary>The contract spelling of a word model.</summary>
    public static string Name(WordModel arch) => arch switch
    {
        WordModel.Ilp32Phys64 => "ilp32-phys64",
        WordModel.Lp64 => "lp64",
        _ => "ilp32",
    };

    /// <summary><c>BITS_PER_LONG</c> of a word model: the width of <c>unsigned long</c>, <c>pgoff_t</c> and pfns.</summary>
    public static int LongBits(WordModel arch) => arch == WordModel.Lp64 ? 64 : 32;

    /// <summary>The width of <c>phys_addr_t</c> in a word model.</summary>
    public static int PhysBits(WordModel arch) => arch == WordModel.Ilp32 ? 32 : 64;

    /// <summary>
    /// Whether <paramref name="pageShift"/> is a valid <c>PAGE_SHIFT</c> for <paramref name="arch"/>:
    /// 1 .. BITS_PER_LONG - 1, the range <see cref="MmEngine"/> accepts.
    /// </summary>
    public static bool IsValidPageShift(WordModel arch, long pageShift) => pageShift >= 1 && pageShift < LongBits(arch);
}
