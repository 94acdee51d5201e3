namespace NanoRemap.Tooling.Eval;

/// <summary>
/// One <c>action=</c> of <c>op=mmap</c>: which <c>mmap_action_*</c> helper the driver's hook calls, and the
/// helper's arguments (all required).
/// </summary>
/// <param name="Name">The value of <c>action=</c>.</param>
/// <param name="Helper">The helper the hook calls, for messages and explain.</param>
/// <param name="Keys">The helper's arguments, in its order.</param>
public sealed record EvalAction(string Name, string Helper, string[] Keys)
{
    /// <summary><c>action=nothing</c>: the hook sets no action (MMAP_NOTHING).</summary>
    public static readonly EvalAction Nothing = new("nothing", "(none)", Array.Empty<string>());

    /// <summary><c>action=remap</c>: <c>mmap_action_remap</c>.</summary>
    public static readonly EvalAction Remap = new("remap", "mmap_action_remap(desc, start, pfn, size)", new[] { "start", "pfn", "size" });

    /// <summary><c>action=remap_full</c>: <c>mmap_action_remap_full</c>.</summary>
    public static readonly EvalAction RemapFull = new("remap_full", "mmap_action_remap_full(desc, pfn)", new[] { "pfn" });

    /// <summary><c>action=ioremap</c>: <c>mmap_action_ioremap</c>.</summary>
    public static readonly EvalAction Ioremap = new("ioremap", "mmap_action_ioremap(desc, start, pfn, size)", new[] { "start", "pfn", "size" });

    /// <summary><c>action=ioremap_full</c>: <c>mmap_action_ioremap_full</c>.</summary>
    public static readonly EvalAction IoremapFull = new("ioremap_full", "mmap_action_ioremap_full(desc, pfn)", new[] { "pfn" });

    /// <summary><c>action=simple_ioremap</c>: <c>mmap_action_simple_ioremap</c>.</summary>
    public static readonly EvalAction SimpleIoremap = new("simple_ioremap", "mmap_action_simple_ioremap(desc, phys, size)", new[] { "phys", "size" });

    /// <summary><c>action=map_kernel_pages</c>: <c>mmap_action_map_kernel_pages</c>.</summary>
    public static readonly EvalAction MapKernelPages = new("map_kernel_pages", "mmap_action_map_kernel_pages(desc, start, pages, nr_pages)", new[] { "start", "nr_pages" });

    /// <summary><c>action=map_kernel_pages_full</c>: <c>mmap_action_map_kernel_pages_full</c>.</summary>
    public static readonly EvalAction MapKernelPagesFull = new("map_kernel_pages_full", "mmap_action_map_kernel_pages_full(desc, pages)", Array.Empty<string>());

    /// <summary><c>action=raw</c>: the hook writes <c>action-&gt;type = raw_type</c> directly (may be outside the enum).</summary>
    public static readonly EvalAction Raw = new("raw", "action->type = raw_type", new[] { "raw_type" });

    /// <summary>All actions, in help order.</summary>
    public static readonly IReadOnlyList<EvalAction> All = new[] { Nothing, Remap, RemapFull, Ioremap, IoremapFull, SimpleIoremap, MapKernelPages, MapKernelPagesFull, Raw };

    /// <summary>The action named <paramref name="name"/>, or null.</summary>
    public static EvalAction? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>The names of all actions, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(a => a.Name));
}
