namespace NanoRemap.Tooling.Eval;

/// <summary>
/// One <c>op=</c> of the contract: the kernel entry point it runs and the keys it takes (beyond
/// <see cref="EvalKeys.Common"/>). Keys in <see cref="Required"/> must appear; the others default to 0.
/// </summary>
/// <param name="Name">The value of <c>op=</c>.</param>
/// <param name="Kernel">The kernel function, for messages and explain.</param>
/// <param name="Required">Keys the line must carry.</param>
/// <param name="Optional">Keys the line may carry (default 0).</param>
public sealed record EvalOp(string Name, string Kernel, string[] Required, string[] Optional)
{
    /// <summary><c>op=prep</c>: <c>__simple_ioremap_prep</c>, the same in both models.</summary>
    public static readonly EvalOp Prep = new("prep", "__simple_ioremap_prep(vm_len, vm_pgoff, start_phys, size, &pfn)",
        Array.Empty<string>(), new[] { "vm_len", "pgoff", "phys", "size" });

    /// <summary><c>op=iomap</c>: <c>vm_iomap_memory</c> of the model.</summary>
    public static readonly EvalOp Iomap = new("iomap", "vm_iomap_memory(vma, phys, len)",
        new[] { "vm_start", "vm_end", "phys", "len" }, new[] { "pgoff", "flags" });

    /// <summary><c>op=remap_pfn_range</c>: <c>remap_pfn_range</c> of the model.</summary>
    public static readonly EvalOp RemapPfnRange = new("remap_pfn_range", "remap_pfn_range(vma, addr, pfn, size, prot)",
        new[] { "vm_start", "vm_end", "addr", "pfn", "size" }, new[] { "pgoff", "flags", "prot" });

    /// <summary><c>op=mmap</c>: the hook, <c>mmap_action_prepare</c>, then <c>mmap_action_complete</c>.</summary>
    public static readonly EvalOp Mmap = new("mmap", "mmap_prepare hook + mmap_action_prepare + mmap_action_complete",
        new[] { "vm_start", "vm_end", "action" },
        new[] { "pgoff", "flags", "prot", "error_override", "skip_prepare", "merged", "mapped_rc", "flow" });

    /// <summary>All ops, in help order.</summary>
    public static readonly IReadOnlyList<EvalOp> All = new[] { Prep, Iomap, RemapPfnRange, Mmap };

    /// <summary>The op named <paramref name="name"/>, or null.</summary>
    public static EvalOp? Find(string name) => All.FirstOrDefault(o => o.Name == name);

    /// <summary>Whether the op itself (not an action) takes <paramref name="key"/>.</summary>
    public bool Takes(string key) => Array.IndexOf(Required, key) >= 0 || Array.IndexOf(Optional, key) >= 0;

    /// <summary>The names of all ops, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(o => o.Name));
}
