using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Eval;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary>Each class of malformed line: the message says what is wrong and where (key, token).</summary>
public class EvalErrorTests
{
    private static string Error(string line, EvalSettings defaults = null)
    {
        EvalLineResult r = new Evaluator(defaults ?? EvalSettings.Default).EvalLine(line)!;
        Assert.True(r.IsError, $"expected an error for '{line}', got '{r.Output}'");
        Assert.Equal("error=" + r.Error, r.Output);
        Assert.DoesNotContain('\n', r.Output);
        return r.Error!;
    }

    [Theory]
    // token syntax
    [InlineData("op=prep vm_len", "token 2 'vm_len' is not key=value")]
    [InlineData("op=prep =5", "token 2 '=5' has no key before '='")]
    [InlineData("op=prep pgoff=", "key 'pgoff' in token 2 'pgoff=' has no value")]
    // op
    [InlineData("vm_len=0x1000", "missing key op=")]
    [InlineData("op=remap vm_len=0", "unknown op 'remap' in token 1 'op=remap' (ops: prep, iomap, remap_pfn_range, mmap)")]
    // unknown key / key not taken
    [InlineData("op=prep vmlen=0x1000", "unknown key 'vmlen' in token 2 'vmlen=0x1000'")]
    [InlineData("op=prep vm_len=0 vm_start=0", "key 'vm_start' in token 3 'vm_start=0' is not taken by op=prep")]
    [InlineData("op=iomap vm_start=0 vm_end=0x1000 phys=0 len=0 prot=1", "key 'prot' in token 6 'prot=1' is not taken by op=iomap")]
    [InlineData("op=prep action=nothing", "key 'action' in token 2 'action=nothing' is not taken by op=prep")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=nothing pfn=1", "key 'pfn' in token 5 'pfn=1' is not taken by op=mmap action=nothing")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=remap_full pfn=1 size=2", "key 'size' in token 6 'size=2' is not taken by op=mmap action=remap_full")]
    [InlineData("op=prep merged=1", "key 'merged' in token 2 'merged=1' is not taken by op=prep")]
    // action
    [InlineData("op=mmap vm_start=0 vm_end=0x1000", "missing key action= (op=mmap needs action=")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=remap_pfn", "unknown action 'remap_pfn' in token 4 'action=remap_pfn'")]
    // missing keys
    [InlineData("op=iomap vm_start=0 phys=0 len=0", "missing key vm_end= (op=iomap requires vm_start=, vm_end=, phys=, len=)")]
    [InlineData("op=remap_pfn_range vm_start=0 vm_end=0x1000 addr=0 size=0", "missing key pfn= (op=remap_pfn_range requires")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=remap start=0 size=0x1000", "missing key pfn= (action=remap requires start=, pfn=, size=)")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=raw", "missing key raw_type= (action=raw requires raw_type=)")]
    // numbers
    [InlineData("op=prep pgoff=zz", "bad number 'zz' for pgoff in token 2 'pgoff=zz' (expected decimal or 0x hex)")]
    [InlineData("op=prep pgoff=0x", "bad number '0x' for pgoff in token 2")]
    [InlineData("op=prep pgoff=1.5", "bad number '1.5' for pgoff")]
    [InlineData("op=prep size=-1", "bad number '-1' for size in token 2 'size=-1' (expected decimal or 0x hex; only error_override and mapped_rc may be negative)")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=nothing error_override=-0x5", "bad number '-0x5' for error_override in token 5 'error_override=-0x5' (a negative number must be decimal")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=nothing mapped_rc=abc", "bad number 'abc' for mapped_rc in token 5")]
    // too wide for the C type in the chosen arch
    [InlineData("op=prep arch=ilp32 vm_len=0x100000000", "value '0x100000000' for vm_len in token 3 'vm_len=0x100000000' is too wide for unsigned long (32-bit on ilp32)")]
    [InlineData("op=prep arch=ilp32-phys64 size=4294967296", "value '4294967296' for size in token 3 'size=4294967296' is too wide for unsigned long (32-bit on ilp32-phys64)")]
    [InlineData("op=prep arch=ilp32 phys=0x100000000", "value '0x100000000' for phys in token 3 'phys=0x100000000' is too wide for phys_addr_t (32-bit on ilp32)")]
    [InlineData("op=prep arch=lp64 phys=0x10000000000000000", "too wide for phys_addr_t (64-bit on lp64)")]
    [InlineData("op=prep arch=lp64 pgoff=18446744073709551616", "too wide for unsigned long (64-bit on lp64)")]
    [InlineData("op=remap_pfn_range vm_start=0 vm_end=0x1000 addr=0 pfn=0 size=0 prot=0x10000000000000000", "too wide for pgprot_t (64-bit)")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=nothing error_override=0x100000000", "is too wide for int (int is 32-bit")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=nothing error_override=2147483648", "is too wide for int (int is 32-bit")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=nothing error_override=-2147483649", "is too wide for int (int is 32-bit")]
    [InlineData("op=mmap vm_start=0 vm_end=0x1000 action=raw raw_type=0x100000000", "too wide for enum mmap_action_type (32-bit unsigned)")]
    // duplicate
    [InlineData("op=prep pgoff=1 size=2 pgoff=1", "duplicate key 'pgoff' in token 4 'pgoff=1' (already set in token 2)")]
    [InlineData("op=prep op=prep", "duplicate key 'op' in token 2")]
    // model / arch / page_shift
    [InlineData("op=prep model=mmu2", "bad model 'mmu2' in token 2 'model=mmu2' (expected nommu or mmu)")]
    [InlineData("op=prep arch=ilp64", "bad arch 'ilp64' in token 2 'arch=ilp64' (expected ilp32, ilp32-phys64, lp64)")]
    [InlineData("op=prep arch=ilp32 page_shift=32", "page_shift 32 in token 3 'page_shift=32' is out of range for arch=ilp32 (1..31)")]
    [InlineData("op=prep arch=ilp32-phys64 page_shift=32", "out of range for arch=ilp32-phys64 (1..31)")]
    [InlineData("op=prep arch=lp64 page_shift=64", "out of range for arch=lp64 (1..63)")]
    [InlineData("op=prep page_shift=0", "page_shift 0 in token 2 'page_shift=0' is out of range")]
    [InlineData("op=prep page_shift=x", "bad number 'x' for page_shift in token 2")]
    // flow flags
    [InlineData("op=mmap model=mmu vm_start=0 vm_end=0x1000 action=nothing merged=1 model=nommu", "duplicate key 'model'")]
    [InlineData("op=mmap model=nommu vm_start=0 vm_end=0x1000 action=nothing merged=1", "merged=1 in token 6 'merged=1' needs model=mmu")]
    [InlineData("op=mmap model=mmu vm_start=0 vm_end=0x1000 action=nothing skip_prepare=2", "skip_prepare in token 6 'skip_prepare=2' must be 0 or 1")]
    public void Malformed_lines_name_what_and_where(string line, string expected)
    {
        Assert.Contains(expected, Error(line));
    }

    [Fact]
    public void Values_fit_the_wider_types_of_the_wider_arches()
    {
        var evaluator = new Evaluator(EvalSettings.Default);
        Assert.False(evaluator.EvalLine("op=prep arch=lp64 vm_len=0x100000000")!.IsError);
        Assert.False(evaluator.EvalLine("op=prep arch=ilp32-phys64 phys=0xffffffffffffffff")!.IsError);
        Assert.False(evaluator.EvalLine("op=prep arch=lp64 page_shift=40")!.IsError);
        Assert.False(evaluator.EvalLine("op=prep page_shift=31")!.IsError);
        Assert.False(evaluator.EvalLine("op=mmap vm_start=0 vm_end=0x1000 action=nothing model=nommu merged=0")!.IsError);
        Assert.False(evaluator.EvalLine("op=mmap vm_start=0 vm_end=0x1000 action=nothing error_override=0xffffffff mapped_rc=-2147483648")!.IsError);
    }

    [Fact]
    public void Width_is_checked_against_the_arch_of_the_line_not_the_default()
    {
        var lp64 = EvalSettings.Default with { Arch = Mm.WordModel.Lp64 };
        Assert.False(new Evaluator(lp64).EvalLine("op=prep vm_len=0x100000000")!.IsError);
        Assert.Contains("32-bit on ilp32", Error("op=prep vm_len=0x100000000 arch=ilp32", lp64));
    }

    [Fact]
    public void A_default_page_shift_out_of_range_for_the_line_arch_is_an_error()
    {
        var lp64Shift40 = new EvalSettings(KernelModel.Nommu, Mm.WordModel.Lp64, 40);
        Assert.Contains("page_shift 40 (the default) is out of range for arch=ilp32 (1..31)", Error("op=prep arch=ilp32", lp64Shift40));
    }

    [Fact]
    public void Error_override_hex_is_read_as_32_bit_twos_complement()
    {
        EvalCase c = EvalCaseParser.Parse("op=mmap vm_start=0 vm_end=1 action=nothing error_override=0xfffffff4 mapped_rc=-12", EvalSettings.Default);
        Assert.Equal(-12, c.GetInt("error_override"));
        Assert.Equal(-12, c.GetInt("mapped_rc"));
        c = EvalCaseParser.Parse("op=mmap vm_start=0 vm_end=1 action=nothing error_override=0x80000000", EvalSettings.Default);
        Assert.Equal(int.MinValue, c.GetInt("error_override"));
    }

    [Fact]
    public void The_cli_prints_error_lines_in_place_runs_the_rest_and_exits_1()
    {
        string input = "op=prep vm_len=0x1000 phys=0x3ff44000 size=0x1000\nop=bogus\n# comment\nop=prep pgoff=zz\nop=prep\n";
        CliRunner.Outcome o = CliRunner.Run(new[] { "eval" }, input);
        Assert.Equal(1, o.Exit);
        Assert.Equal(4, o.Lines.Length);
        Assert.Equal("rc=0 pfn=0x3ff44", o.Lines[0]);
        Assert.StartsWith("error=unknown op 'bogus'", o.Lines[1]);
        Assert.StartsWith("error=bad number 'zz' for pgoff", o.Lines[2]);
        Assert.Equal("rc=0 pfn=0x0", o.Lines[3]);
        Assert.Contains("<stdin>:2: error: unknown op 'bogus'", o.Stderr);
        Assert.Contains("<stdin>:4: error: bad number 'zz'", o.Stderr);
    }
}
