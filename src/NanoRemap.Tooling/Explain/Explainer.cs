using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Eval;

namespace NanoRemap.Tooling.Explain;

/// <summary>
/// <c>nanoremap explain</c>: runs a case with an <see cref="ExplainTracer"/> and lays out, for a person, the
/// kernel configuration, the steps, what rejected, and the result line (the line eval prints).
/// </summary>
public static class Explainer
{
    /// <summary>Explains one case.</summary>
    /// <param name="c">The case.</param>
    /// <param name="simpleIoremapReentersPrepare">Trace the v1/v2 series (prepare re-entered once) instead of latest.</param>
    /// <returns>The report.</returns>
    public static ExplainReport Explain(EvalCase c, bool simpleIoremapReentersPrepare = false)
    {
        var tracer = new ExplainTracer(ModelNames.LongBits(c.Arch));
        EvalResult result = EvalRunner.Run(c, tracer, simpleIoremapReentersPrepare);
        var lines = new List<string>
        {
            $"case:    {c.Text}",
            $"kernel:  {c.Kernel}",
            $"         unsigned long {ModelNames.LongBits(c.Arch)}-bit, phys_addr_t {ModelNames.PhysBits(c.Arch)}-bit, PAGE_SIZE {EvalNumber.Hex(1UL << c.PageShift)}" +
                (simpleIoremapReentersPrepare ? ", simple_ioremap re-enters prepare (v1/v2)" : string.Empty),
            $"runs:    {Runs(c)}",
            string.Empty,
        };

        lines.AddRange(tracer.Lines);
        lines.Add(string.Empty);
        if (result.WarnLines.Count > 0 || result.Warns > 0)
        {
            lines.Add($"warns:   {result.Warns} hit(s); printed: {(result.WarnLines.Count == 0 ? "none" : string.Join(" | ", result.WarnLines))}");
        }

        if (tracer.Rejection != null)
        {
            lines.Add($"failed:  {tracer.Rejection}");
        }

        lines.Add($"result:  {result.Format()}");
        return new ExplainReport(c, result, tracer.Rejection, lines, tracer.Events);
    }

    private static string Runs(EvalCase c)
    {
        if (c.Op != EvalOp.Mmap)
        {
            return $"{c.Op.Kernel}{(c.Op == EvalOp.Prep ? string.Empty : $" ({ModelNames.Name(c.Model)})")}";
        }

        return $"{Caller(c)}; the hook calls {c.Action!.Helper}";
    }

    /// <summary>The caller of an <c>op=mmap</c> case for a person, e.g. <c>compat_vma_mmap (MMU, is_compat=true)</c>.</summary>
    /// <param name="c">An op=mmap case.</param>
    /// <returns>The caller, its model and is_compat, and a note when no kernel caller takes this flow.</returns>
    public static string Caller(EvalCase c)
    {
        string model = c.Model == KernelModel.Mmu ? "MMU" : "nommu";
        if (c.Flow == EvalFlow.Compat)
        {
            return $"compat_vma_mmap ({model}, is_compat=true)";
        }

        return c.Model == KernelModel.Mmu
            ? "__mmap_region (MMU, is_compat=false)"
            : "the nommu mmap_action_complete with is_compat=false (no nommu caller passes false)";
    }
}
