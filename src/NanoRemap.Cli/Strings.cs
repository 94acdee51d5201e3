namespace NanoRemap.Cli;

/// <summary>The user-facing text of the CLI: descriptions and help, kept apart from the command tree.</summary>
internal static class Strings
{
    public const string Root =
        "nanoremap: the Linux mmap_action engine (MMU and nommu) and MMIO windows for nanoFramework on ESP32.\n" +
        "Defaults for model, arch and page_shift come from nf.config (nearest in the current directory or a parent). See README.md.";

    public const string EvalContract =
        "The eval line contract (in full in README.md, \"The eval contract\"):\n" +
        "Input: each FILE in turn, or stdin when there is no FILE or FILE is '-'. Blank lines and # comments are skipped.\n" +
        "A case is key=value tokens; op= is required, model=/arch=/page_shift= override the defaults:\n" +
        "  op=prep            [vm_len= pgoff= phys= size=]                 __simple_ioremap_prep\n" +
        "  op=iomap           vm_start= vm_end= phys= len= [pgoff= flags=]  vm_iomap_memory\n" +
        "  op=remap_pfn_range vm_start= vm_end= addr= pfn= size= [pgoff= flags= prot=]\n" +
        "  op=mmap            vm_start= vm_end= action=A [pgoff= flags= prot= error_override=\n" +
        "                     skip_prepare=1 merged=1 mapped_rc=N flow=region|compat]  hook + mmap_action_prepare + complete\n" +
        "    flow: region = __mmap_region (is_compat=false, the MMU default), compat = compat_vma_mmap (is_compat=true,\n" +
        "          the nommu default); merged=1 needs model=mmu and flow=region\n" +
        "    A: nothing | remap start= pfn= size= | remap_full pfn= | ioremap start= pfn= size= |\n" +
        "       ioremap_full pfn= | simple_ioremap phys= size= | map_kernel_pages start= nr_pages= |\n" +
        "       map_kernel_pages_full | raw raw_type=N\n" +
        "Numbers: decimal or 0x hex; error_override/mapped_rc may be negative. Too wide for the C type is an error.\n" +
        "mapped_rc may be any int (INT_MIN too): prepare=/complete= print 'skip' only for a step that did not run.\n" +
        "Output: one line per case, e.g. 'rc=0 pfn=0x3ff44' or\n" +
        "  'rc=-22 prepare=0 complete=-22 type=simple_ioremap pgoff=0x0 flags=0xbb warns=2';\n" +
        "rc/prepare/complete/warns decimal, other numbers lower-case hex. A malformed line prints\n" +
        "'error=<what is wrong>' (and file:line on stderr); the other lines still run.\n" +
        "Exit code: 0 all lines well formed, 1 a malformed line (or a vector mismatch with --vectors),\n" +
        "2 an unreadable file or nf.config.";

    public const string Eval = "Evaluate mmap_action cases, one a line, by the eval line contract (see 'eval --help' and README.md)";

    public const string Explain = "Explain one case step by step for a person: each kernel function, check, WARN and return";

    public const string EvalFiles = "Case files to evaluate in order; '-' or none reads stdin. Lines over 16 Ki characters or inputs over 64 Mi characters are refused (exit 2).";

    public const string VectorsOption =
        "Treat the files as conformance vectors (tests/vectors/*.vec: each case followed by '=> expected'): " +
        "print each mismatch and a 'vectors: N passed, M failed' line instead of the results.";

    public const string ExplainMore =
        "Prints, for a person: the kernel configuration (model, arch, PAGE_SHIFT), each kernel function entered\n" +
        "(indented by depth), each check with its two sides in hex and its outcome, each assignment, each\n" +
        "WARN_ON_ONCE (printed or latched), each return with its errno name, the check that rejected, and last\n" +
        "the result line eval prints. The case takes the same keys as eval (see 'nanoremap eval --help').\n" +
        "--svg FILE also draws the case as an SVG picture (opens in any browser): the VMA [vm_start, vm_end) and its\n" +
        "pages, the physical range [phys, phys + size) with its sub-page start, pgoff as an offset into its pages, the\n" +
        "resulting pfn, each on its own axis (to scale where the values allow, a broken scale marked with a break sign\n" +
        "where not), and a failed check in red where it fails, labelled with the kernel's expression and values\n" +
        "(vm_pgoff > pages, the wrap of pfn + pages, the -EFAULT range rule, the COW rule, ...). op=mmap adds a strip\n" +
        "hook -> prepare -> complete -> finish with each result and WARN site. --png FILE renders the same picture\n" +
        "as a PNG (Svg.Skia, 2x; Linux only). One case only (not with --file); a malformed case (exit 1) or an\n" +
        "unwritable FILE (exit 2) writes nothing.\n" +
        "Examples:\n" +
        "  nanoremap explain --svg pgoff.svg op=prep vm_len=0x1000 pgoff=2 phys=0x10000000 size=0x2000\n" +
        "  nanoremap explain op=prep vm_len=0x1000 pgoff=2 phys=0x10000000 size=0x2000\n" +
        "  nanoremap explain --model mmu op=mmap vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000\n" +
        "  nanoremap explain --file examples/scenarios.eval";

    public const string PngOption = "Also draw the case into FILE as a PNG image (the SVG rendered at 2x with Svg.Skia; Linux).";

    public const string SvgOption = "Also draw the case into FILE as an SVG picture (ranges to scale, the failing check marked; see 'explain --help').";

    public const string ExplainCase = "The case as key=value tokens (the same line eval takes).";

    public const string ExplainFile = "Explain every case of this file instead (a .vec file also shows each expected line and whether it matches).";

    public const string ReenterOption =
        "Model the v1/v2 patch series: simple_ioremap_prepare re-enters mmap_action_prepare once instead of " +
        "calling io_remap_pfn_range_prepare (latest). The result is the same; only the trace differs.";

    public const string ModelOption = "Default model for cases without model=: nommu (the ESP32) or mmu (the reference). Overrides nf.config.";

    public const string ArchOption = "Default C data model for cases without arch=: ilp32 (ESP32), ilp32-phys64 or lp64. Overrides nf.config.";

    public const string PageShiftOption = "Default PAGE_SHIFT for cases without page_shift= (1..BITS_PER_LONG-1). Overrides nf.config.";

    public const string ConfigOption = "Read this nf.config instead of the nearest one in the current directory or its parents (at most 64 KiB; larger is exit 2).";
}
