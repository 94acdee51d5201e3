namespace NanoRemap.Tooling.Eval;

/// <summary>
/// The caller that runs <c>op=mmap</c>'s action (<c>flow=</c>): which mm function drives hook, prepare and
/// complete, and so the <c>is_compat</c> that <c>mmap_action_complete</c> gets.
/// </summary>
public enum EvalFlow
{
    /// <summary>
    /// <c>flow=region</c>: <c>__mmap_region</c> (mm/vma.c), <c>is_compat = false</c>; an error unmaps the new VMA
    /// and returns <c>error_override ?: err</c>. The default on MMU. On nommu no kernel caller does this: it
    /// runs the nommu <c>mmap_action_complete</c> with <c>is_compat = false</c>, as its code would.
    /// </summary>
    Region,

    /// <summary>
    /// <c>flow=compat</c>: <c>compat_vma_mmap</c> (mm/util.c), a legacy <c>-&gt;mmap</c> caller of an
    /// <c>mmap_prepare</c> driver, <c>is_compat = true</c>: nothing is unmapped, <c>error_override</c> is not
    /// applied. The default on nommu (its only way to <c>mmap_prepare</c>); on MMU, e.g. a stacking filesystem.
    /// </summary>
    Compat,
}
