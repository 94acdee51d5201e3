using NanoRemap.Mm;

namespace NanoRemap.Tooling.Eval;

/// <summary>
/// What one case computed, and its output line per the contract (<see cref="Format"/>). Fields that an op
/// does not print are left at their defaults.
/// </summary>
public sealed class EvalResult
{
    /// <summary>The case that ran.</summary>
    public required EvalCase Case { get; init; }

    /// <summary><c>rc</c>: 0 or a negative errno.</summary>
    public int Rc { get; init; }

    /// <summary><c>pfn</c>: prep's <c>*pfnp</c>, iomap's pfn passed to remap_pfn_range, mmap's <c>action-&gt;remap.start_pfn</c>.</summary>
    public ulong Pfn { get; init; }

    /// <summary><c>pgoff</c>: of the VMA (iomap, remap_pfn_range) or of the desc after prepare (mmap).</summary>
    public ulong Pgoff { get; init; }

    /// <summary><c>flags</c>: of the VMA (iomap, remap_pfn_range) or of the desc after prepare (mmap).</summary>
    public ulong Flags { get; init; }

    /// <summary>mmap: prepare's result (meaningful when <see cref="PrepareRan"/>; any int, <c>int.MinValue</c> included).</summary>
    public int Prepare { get; init; }

    /// <summary>mmap: whether prepare ran (else it prints <c>prepare=skip</c>).</summary>
    public bool PrepareRan { get; init; }

    /// <summary>mmap: complete's result (meaningful when <see cref="CompleteRan"/>; any int, <c>int.MinValue</c> included).</summary>
    public int Complete { get; init; }

    /// <summary>mmap: whether complete ran (else it prints <c>complete=skip</c>).</summary>
    public bool CompleteRan { get; init; }

    /// <summary>mmap: the action type after prepare (may be outside the enum).</summary>
    public MmapActionType Type { get; init; }

    /// <summary>WARN_ON_ONCE hits during the case, every site.</summary>
    public int Warns { get; init; }

    /// <summary>The WARN lines the case printed (first hits only), in order. Not part of the output line.</summary>
    public IReadOnlyList<string> WarnLines { get; init; } = Array.Empty<string>();

    /// <summary>The contract's name of an action type: <c>nothing</c>, <c>remap_pfn</c>, ..., or the decimal number outside the enum.</summary>
    public static string TypeName(MmapActionType type) => type switch
    {
        MmapActionType.Nothing => "nothing",
        MmapActionType.RemapPfn => "remap_pfn",
        MmapActionType.IoRemapPfn => "io_remap_pfn",
        MmapActionType.SimpleIoRemap => "simple_ioremap",
        MmapActionType.MapKernelPages => "map_kernel_pages",
        // enum mmap_action_type has no negative values, so C stores it as unsigned int.
        _ => EvalNumber.Dec(unchecked((uint)(int)type)),
    };

    /// <summary>The output line, exactly as the contract orders and spells it.</summary>
    public string Format()
    {
        string rc = "rc=" + EvalNumber.Dec(Rc);
        EvalOp op = Case.Op;
        if (op == EvalOp.Prep)
        {
            return Rc == 0 ? $"{rc} pfn={EvalNumber.Hex(Pfn)}" : rc;
        }

        if (op == EvalOp.Iomap)
        {
            return Rc == 0 ? $"{rc} pfn={EvalNumber.Hex(Pfn)} pgoff={EvalNumber.Hex(Pgoff)} flags={EvalNumber.Hex(Flags)}" : rc;
        }

        if (op == EvalOp.RemapPfnRange)
        {
            return Rc == 0 ? $"{rc} pgoff={EvalNumber.Hex(Pgoff)} flags={EvalNumber.Hex(Flags)}" : rc;
        }

        string line = $"{rc} prepare={Step(PrepareRan, Prepare)} complete={Step(CompleteRan, Complete)} type={TypeName(Type)}";
        if (Type == MmapActionType.RemapPfn || Type == MmapActionType.IoRemapPfn)
        {
            line += " pfn=" + EvalNumber.Hex(Pfn);
        }

        return $"{line} pgoff={EvalNumber.Hex(Pgoff)} flags={EvalNumber.Hex(Flags)} warns={EvalNumber.Dec(Warns)}";
    }

    /// <inheritdoc/>
    public override string ToString() => Format();

    private static string Step(bool ran, int rc) => ran ? EvalNumber.Dec(rc) : "skip";
}
