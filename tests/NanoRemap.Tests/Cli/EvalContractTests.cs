using NanoRemap.Tooling.Eval;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary>The worked examples and output rules of the eval line contract (/tmp/eval-contract.md, README).</summary>
public class EvalContractTests
{
    private static string Eval(string line) => new Evaluator(EvalSettings.Default).EvalLine(line)!.Output;

    [Theory]
    [InlineData("op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x3ff44000 size=0x1000", "rc=0 pfn=0x3ff44")]
    [InlineData("op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff", "rc=-22")]
    [InlineData("op=prep arch=ilp32-phys64 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff", "rc=0 pfn=0x0")]
    [InlineData("op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0xfffff000 size=0x1000", "rc=-22")]
    [InlineData("op=prep arch=lp64 vm_len=0x1000 pgoff=0 phys=0xfffff000 size=0x1000", "rc=0 pfn=0xfffff")]
    [InlineData("op=prep vm_len=0 pgoff=2 phys=0x10000000 size=0x2000", "rc=0 pfn=0x10002")]
    [InlineData("op=prep vm_len=0x1000 pgoff=2 phys=0x10000000 size=0x2000", "rc=-22")]
    [InlineData("op=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000",
        "rc=-22 prepare=0 complete=-22 type=simple_ioremap pgoff=0x0 flags=0xbb warns=2")]
    public void Worked_examples_print_exactly_as_the_contract_shows(string line, string expected)
    {
        Assert.Equal(expected, Eval(line));
    }

    [Fact]
    public void Worked_examples_through_the_cli_in_order_with_exit_0()
    {
        string input = string.Join('\n',
            "# the worked examples",
            "op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x3ff44000 size=0x1000",
            "",
            "op=prep arch=ilp32-phys64 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff   # trailing comment",
            "\top=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000");
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval" }, input);
        Assert.Equal(0, o.Exit);
        Assert.Equal(new[] { "rc=0 pfn=0x3ff44", "rc=0 pfn=0x0", "rc=-22 prepare=0 complete=-22 type=simple_ioremap pgoff=0x0 flags=0xbb warns=2" }, o.Lines);
        Assert.Equal(string.Empty, o.Stderr);
    }

    [Theory]
    [InlineData("op=prep vm_len=0x1000 phys=0X3FF44000 size=0x1000", "error=")] // 0X is not the contract's prefix
    [InlineData("op=prep vm_len=4096 phys=0x3FF44000 size=4096", "rc=0 pfn=0x3ff44")] // decimal, upper-case hex digits
    [InlineData("op=prep   vm_len=0x1000\t\tphys=0x3ff44000  size=0x1000", "rc=0 pfn=0x3ff44")] // spaces and tabs
    [InlineData("size=0x1000 phys=0x3ff44000 vm_len=0x1000 op=prep", "rc=0 pfn=0x3ff44")] // any order
    [InlineData("op=prep vm_len=0x1000 phys=0x3ff44000 size=0x1000#comment", "rc=0 pfn=0x3ff44")]
    [InlineData("op=prep", "rc=0 pfn=0x0")] // all prep keys optional (0): pages 0, vm_len 0 fits
    public void Numbers_separators_order_and_comments(string line, string expectedPrefix)
    {
        Assert.StartsWith(expectedPrefix, Eval(line));
    }

    [Fact]
    public void Output_numbers_are_lower_case_hex_without_leading_zeros_and_rc_is_decimal()
    {
        string line = Eval("op=mmap model=mmu arch=lp64 vm_start=0xABC000 vm_end=0xABD000 flags=0x0BB action=remap_full pfn=0x000DEAD");
        Assert.Equal("rc=0 prepare=0 complete=0 type=remap_pfn pfn=0xdead pgoff=0x0 flags=0x40444bb warns=0", line);
    }

    [Theory]
    [InlineData("op=iomap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 pgoff=0 phys=0x3ff44000 len=0x1000", "rc=0 pfn=0x3ff44 pgoff=0x0 flags=0x4044400")]
    [InlineData("op=iomap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 phys=0x3ff44000 len=0", "rc=0 pfn=0x3ff44 pgoff=0x0 flags=0x4044400")] // nommu ignores len
    [InlineData("op=iomap model=nommu vm_start=0x3ff45000 vm_end=0x3ff46000 pgoff=1 phys=0x3ff44000 len=0x1000", "rc=0 pfn=0x3ff45 pgoff=0x1 flags=0x4044400")]
    [InlineData("op=iomap model=mmu vm_start=0x20000000 vm_end=0x20001000 flags=0x22 phys=0x3ff44000 len=0x1000", "rc=0 pfn=0x3ff44 pgoff=0x3ff44 flags=0x4044422")] // COW: pgoff = pfn
    [InlineData("op=iomap model=mmu vm_start=0x20000000 vm_end=0x20002000 phys=0x3ff44000 len=0x1000", "rc=-22")]
    [InlineData("op=remap_pfn_range model=nommu vm_start=0 vm_end=0x1000 addr=0x1000 pfn=0x1 size=0", "rc=0 pgoff=0x0 flags=0x4044400")]
    [InlineData("op=remap_pfn_range model=nommu vm_start=0 vm_end=0x1000 addr=0x2000 pfn=0x1 size=0x1000", "rc=-22")]
    [InlineData("op=remap_pfn_range model=nommu arch=ilp32 vm_start=0 vm_end=0x1000 addr=0 pfn=0x100000 size=0x1000", "rc=0 pgoff=0x0 flags=0x4044400")] // pfn << 12 wraps to 0
    [InlineData("op=remap_pfn_range model=mmu vm_start=0x1000 vm_end=0x3000 flags=0x20 addr=0x1000 pfn=0x77 size=0x2000", "rc=0 pgoff=0x77 flags=0x4044420")]
    [InlineData("op=remap_pfn_range model=mmu vm_start=0x1000 vm_end=0x3000 flags=0x20 addr=0x1000 pfn=0x77 size=0x1000", "rc=-22")]
    [InlineData("op=remap_pfn_range model=mmu vm_start=0x1000 vm_end=0x3000 addr=0x1001 pfn=0x77 size=0x1000", "rc=-22")] // unaligned: WARN + -EINVAL
    public void Iomap_and_remap_pfn_range_print_vma_state_only_on_success(string line, string expected)
    {
        Assert.Equal(expected, Eval(line));
    }

    [Theory]
    [InlineData("action=raw raw_type=7", "model=mmu", "rc=-22 prepare=-22 complete=skip type=7")]
    [InlineData("action=raw raw_type=7", "model=nommu", "rc=0 prepare=0 complete=0 type=7")]
    [InlineData("action=raw raw_type=0xffffffff", "model=mmu skip_prepare=1", "rc=0 prepare=skip complete=0 type=4294967295")]
    [InlineData("action=raw raw_type=2", "model=mmu skip_prepare=1", "rc=-22 prepare=skip complete=-22 type=io_remap_pfn pfn=0x0")]
    [InlineData("action=nothing", "model=mmu merged=1", "rc=0 prepare=0 complete=skip type=nothing")]
    [InlineData("action=nothing", "model=mmu error_override=-4096", "rc=-22 prepare=-22 complete=skip type=nothing")]
    [InlineData("action=nothing", "model=mmu error_override=-4095 mapped_rc=-1", "rc=-4095 prepare=0 complete=-4095 type=nothing")]
    [InlineData("action=nothing", "model=nommu error_override=-5 mapped_rc=-1", "rc=-1 prepare=0 complete=-1 type=nothing")]
    [InlineData("action=map_kernel_pages start=0x1000 nr_pages=2", "model=mmu", "rc=-14 prepare=-14 complete=skip type=map_kernel_pages")]
    public void Mmap_flow_lines(string action, string extra, string expectedPrefix)
    {
        string line = Eval($"op=mmap vm_start=0x1000 vm_end=0x2000 flags=0xbb {action} {extra}");
        Assert.StartsWith(expectedPrefix + " ", line);
    }

    [Fact]
    public void Each_case_starts_with_fresh_warn_latches_and_counters()
    {
        var evaluator = new Evaluator(EvalSettings.Default);
        string line = "op=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 action=remap_full pfn=0x3ff44";
        EvalLineResult first = evaluator.EvalLine(line)!;
        EvalLineResult second = evaluator.EvalLine(line)!;
        Assert.Equal(first.Output, second.Output);
        Assert.EndsWith("warns=2", second.Output);
        Assert.Equal(2, second.Result!.WarnLines.Count); // printed again: fresh latches
    }

    [Fact]
    public void Defaults_apply_and_the_line_overrides_them()
    {
        var mmuLp64 = new Evaluator(EvalSettings.Default with { Model = Tooling.Config.KernelModel.Mmu, Arch = Mm.WordModel.Lp64 });
        Assert.Equal("rc=0 pfn=0xfffff", mmuLp64.EvalLine("op=prep vm_len=0x1000 phys=0xfffff000 size=0x1000")!.Output);
        Assert.Equal("rc=-22", mmuLp64.EvalLine("op=prep arch=ilp32 vm_len=0x1000 phys=0xfffff000 size=0x1000")!.Output);
        var shift16 = new Evaluator(EvalSettings.Default with { PageShift = 16 });
        Assert.Equal("rc=0 pfn=0x3ff4", shift16.EvalLine("op=prep vm_len=0x10000 phys=0x3ff44000 size=0x10000")!.Output);
        Assert.Equal("rc=0 pfn=0x3ff44", shift16.EvalLine("op=prep page_shift=12 vm_len=0x1000 phys=0x3ff44000 size=0x1000")!.Output);
    }

    [Fact]
    public void Blank_and_comment_lines_are_not_cases()
    {
        var evaluator = new Evaluator(EvalSettings.Default);
        Assert.Null(evaluator.EvalLine(""));
        Assert.Null(evaluator.EvalLine("   \t "));
        Assert.Null(evaluator.EvalLine("# op=prep"));
        Assert.Null(evaluator.EvalLine("   # indented comment"));
    }
}
