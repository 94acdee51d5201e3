using NanoRemap.Mm;
using NanoRemap.Tooling.Eval;
using NanoRemap.Tooling.Explain;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary><c>nanoremap explain</c>: the shape of the explanation and which check rejected (section 9.4).</summary>
public class ExplainTests
{
    private static ExplainReport Explain(string line, bool v2 = false) =>
        Explainer.Explain(EvalCaseParser.Parse(line, EvalSettings.Default), v2);

    [Fact]
    public void Pgoff_of_pages_plus_one_is_rejected_by_the_pgoff_check()
    {
        ExplainReport r = Explain("op=prep vm_len=0 pgoff=3 phys=0x10000000 size=0x2000");
        Assert.Equal("__simple_ioremap_prep", r.Rejection!.Function);
        Assert.Equal("vm_pgoff > pages", r.Rejection.Check);
        Assert.Contains(r.Lines, l => l.Contains("check  vm_pgoff > pages") && l.Contains("0x3 vs 0x2") && l.EndsWith("true: REJECTS"));
        Assert.DoesNotContain(r.Lines, l => l.Contains("(vm_len >> PAGE_SHIFT) > pages"));
    }

    [Fact]
    public void Pgoff_equal_to_pages_passes_that_check_and_is_rejected_by_the_fit_check()
    {
        ExplainReport r = Explain("op=prep vm_len=0x1000 pgoff=2 phys=0x10000000 size=0x2000");
        Assert.Equal("(vm_len >> PAGE_SHIFT) > pages", r.Rejection!.Check);
        Assert.Contains(r.Lines, l => l.Contains("check  vm_pgoff > pages") && l.EndsWith("false: passes"));
        Assert.Contains(r.Lines, l => l.Contains("check  (vm_len >> PAGE_SHIFT) > pages") && l.Contains("0x1 vs 0x0") && l.EndsWith("true: REJECTS"));
        Assert.Equal("result:  rc=-22", r.Lines[^1]);
    }

    [Fact]
    public void The_header_shows_model_arch_and_page_shift_and_the_last_line_is_the_eval_line()
    {
        string line = "op=mmap model=mmu arch=ilp32-phys64 page_shift=14 vm_start=0x4000 vm_end=0x8000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x4000";
        ExplainReport r = Explain(line);
        Assert.Equal("case:    " + line, r.Lines[0]);
        Assert.Equal("kernel:  model=mmu arch=ilp32-phys64 page_shift=14", r.Lines[1]);
        Assert.Contains("unsigned long 32-bit, phys_addr_t 64-bit, PAGE_SIZE 0x4000", r.Lines[2]);
        Assert.Contains("__mmap_region (MMU, is_compat=false)", r.Lines[3]);
        string evalLine = new Evaluator(EvalSettings.Default).EvalLine(line)!.Output;
        Assert.Equal("result:  " + evalLine, r.Lines[^1]);
        Assert.Null(r.Rejection);
    }

    [Fact]
    public void Functions_are_indented_by_depth_and_returns_show_errno_names()
    {
        ExplainReport r = Explain("op=mmap model=mmu vm_start=0x20000000 vm_end=0x20002000 flags=0xbb action=remap start=0x1ffff000 pfn=1 size=0x1000");
        int Depth(string fn) => r.Lines.First(l => l.TrimStart().StartsWith("→ " + fn)).IndexOf('→');
        Assert.True(Depth("__mmap_region") < Depth("mmap_action_prepare"));
        Assert.True(Depth("mmap_action_prepare") < Depth("remap_pfn_range_prepare"));
        Assert.Contains(r.Lines, l => l.Contains("← remap_pfn_range_prepare returns -14 (-EFAULT)"));
        Assert.Equal("remap_pfn_range_prepare", r.Rejection!.Function);
        Assert.Equal("desc->start <= start", r.Rejection.Check); // false rejects: the range rule
        Assert.Contains(r.Lines, l => l.Contains("WARN   [MmapActionRemapStart] printed: WARNING: include/linux/mm.h mmap_action_remap"));
    }

    [Fact]
    public void Nommu_failure_is_attributed_to_the_complete_warn()
    {
        ExplainReport r = Explain("op=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000");
        Assert.Equal("mmap_action_complete (nommu)", r.Rejection!.Function);
        Assert.Null(r.Rejection.Check);
        Assert.Contains("NommuMmapActionComplete", r.Rejection.Detail);
        Assert.Contains(r.Lines, l => l.StartsWith("warns:   2 hit(s)"));
        Assert.Contains("compat_vma_mmap (nommu, is_compat=true)", r.Lines[3]);
    }

    [Fact]
    public void A_latched_warn_says_it_was_not_printed()
    {
        var t = new ExplainTracer();
        t.Enter("f");
        t.Warn(WarnSite.RemapPfnRangeUnaligned, true);
        t.Warn(WarnSite.RemapPfnRangeUnaligned, false);
        t.Leave("f", -22);
        Assert.Contains("printed: " + WarnOnce.LineOf(WarnSite.RemapPfnRangeUnaligned), t.Lines[1]);
        Assert.Contains("latched, not printed (hit 2 of this site)", t.Lines[2]);
        Assert.Equal("f", t.Rejection!.Function);
    }

    [Fact]
    public void The_v2_option_re_enters_prepare_once_with_the_same_result()
    {
        string line = "op=mmap model=mmu vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000";
        ExplainReport latest = Explain(line);
        ExplainReport v2 = Explain(line, v2: true);
        Assert.Equal(latest.Lines[^1], v2.Lines[^1]);
        Assert.Equal(1, latest.Lines.Count(l => l.TrimStart() == "→ mmap_action_prepare"));
        Assert.Equal(2, v2.Lines.Count(l => l.TrimStart() == "→ mmap_action_prepare"));
    }

    [Fact]
    public void The_cli_explains_a_case_given_as_arguments()
    {
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "op=prep", "vm_len=0", "pgoff=3", "phys=0x10000000", "size=0x2000" });
        Assert.Equal(0, o.Exit);
        Assert.Contains("kernel:  model=nommu arch=ilp32 page_shift=12", o.Stdout);
        Assert.Contains("→ __simple_ioremap_prep", o.Stdout);
        Assert.Contains("← __simple_ioremap_prep returns -22 (-EINVAL)", o.Stdout);
        Assert.Contains("failed:  __simple_ioremap_prep: check vm_pgoff > pages (0x3 vs 0x2)", o.Stdout);
        Assert.Equal("result:  rc=-22", o.Lines[^1]);
    }

    [Fact]
    public void The_cli_uses_the_kernel_options()
    {
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--model", "mmu", "--arch", "lp64", "--page-shift", "16", "op=prep" });
        Assert.Contains("kernel:  model=mmu arch=lp64 page_shift=16", o.Stdout);
    }

    [Fact]
    public void The_cli_explains_every_case_of_a_file_and_checks_vector_expectations()
    {
        string vec = TempDir.WithFile("e.vec", "# x\nop=prep vm_len=0x1000 phys=0x3ff44000 size=0x1000\n=> rc=0 pfn=0x3ff44\n\nop=prep vm_len=0x1000 phys=0x10 size=0xffffffff\n=> rc=0 pfn=0x0\n");
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--file", vec });
        Assert.Equal(1, o.Exit); // the second expectation is an ilp32-phys64 result, the default arch is ilp32
        Assert.Contains($"== {vec}:2 ==", o.Stdout);
        Assert.Contains($"== {vec}:5 ==", o.Stdout);
        Assert.Contains("expected: rc=0 pfn=0x3ff44 (matches)", o.Stdout);
        Assert.Contains("expected: rc=0 pfn=0x0 (DIFFERS)", o.Stdout);
    }

    [Fact]
    public void A_malformed_case_prints_the_error_and_exits_1()
    {
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "op=prep", "bogus=1" });
        Assert.Equal(1, o.Exit);
        Assert.Contains("error=unknown key 'bogus'", o.Stdout);
    }

    [Fact]
    public void Explain_needs_a_case_or_a_file_not_both()
    {
        Assert.Equal(2, CliRunner.Run(new[] { "explain" }).Exit);
        string f = TempDir.WithFile("f.eval", "op=prep\n");
        Assert.Equal(2, CliRunner.Run(new[] { "explain", "--file", f, "op=prep" }).Exit);
        Assert.Equal(0, CliRunner.Run(new[] { "explain", "--file", f }).Exit);
    }
}
