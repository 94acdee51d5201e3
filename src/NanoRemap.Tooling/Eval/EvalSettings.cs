using NanoRemap.Mm;
using NanoRemap.Tooling.Config;

namespace NanoRemap.Tooling.Eval;

/// <summary>
/// The defaults a case starts from: nf.config's model, arch and page_shift, possibly overridden on the
/// command line. A case's own <c>model=</c>, <c>arch=</c>, <c>page_shift=</c> override these.
/// </summary>
/// <param name="Model">nommu or mmu.</param>
/// <param name="Arch">The C data model.</param>
/// <param name="PageShift">PAGE_SHIFT (checked per case against the case's arch).</param>
public sealed record EvalSettings(KernelModel Model, WordModel Arch, int PageShift)
{
    /// <summary>The contract's built-in defaults: nommu / ilp32 / 12.</summary>
    public static EvalSettings Default { get; } = new(KernelModel.Nommu, WordModel.Ilp32, 12);

    /// <summary>The defaults of an nf.config.</summary>
    public static EvalSettings From(NfConfig config) => new(config.Model, config.Arch, config.PageShift);

    /// <summary>One line for people: <c>model=nommu arch=ilp32 page_shift=12</c>.</summary>
    public override string ToString() => $"model={ModelNames.Name(Model)} arch={ModelNames.Name(Arch)} page_shift={PageShift}";
}
