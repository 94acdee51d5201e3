using NanoRemap.Tooling.Eval;
using NanoRemap.Tooling.Explain;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary>
/// op=mmap's flow= key and results that are any int: the exact lines of issue 9 (a result of INT_MIN is a
/// result, not "skip"), the caller each flow names, and the combinations the contract refuses.
/// </summary>
public sealed class EvalFlowTests
{
    private static string Eval(string line) => new Evaluator(EvalSettings.Default).EvalLine(line)!.Output;

    [Theory]
    [InlineData("op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=nothing mapped_rc=-2147483648",
        "rc=-2147483648 prepare=0 complete=-2147483648 type=nothing pgoff=0x0 flags=0xbb warns=0")]
    [InlineData("op=mmap model=nommu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=nothing mapped_rc=-2147483648",
        "rc=-2147483648 prepare=0 complete=-2147483648 type=nothing pgoff=0x0 flags=0xbb warns=0")]
    [InlineData("op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=ioremap_full pfn=0x1 error_override=-2147483648 skip_prepare=1",
        "rc=-2147483648 prepare=skip complete=-2147483648 type=io_remap_pfn pfn=0x1 pgoff=0x0 flags=0xbb warns=1")]
    public void An_int_min_result_prints_as_a_result_not_as_skip(string line, string expected)
    {
        Assert.Equal(expected, Eval(line));
    }

    [Fact]
    public void Explain_says_the_int_min_complete_ran()
    {
        EvalCase c = EvalCaseParser.Parse("op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=nothing mapped_rc=-2147483648", EvalSettings.Default);
        ExplainReport r = Explainer.Explain(c);
        Assert.True(r.Result.CompleteRan);
        Assert.Equal("result:  rc=-2147483648 prepare=0 complete=-2147483648 type=nothing pgoff=0x0 flags=0xbb warns=0", r.Lines[^1]);
        Assert.Contains(r.Lines, l => l.Contains("← mmap_action_complete returns -2147483648", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("model=mmu", "", "__mmap_region (MMU, is_compat=false)", EvalFlow.Region)]
    [InlineData("model=mmu", "flow=compat", "compat_vma_mmap (MMU, is_compat=true)", EvalFlow.Compat)]
    [InlineData("model=nommu", "", "compat_vma_mmap (nommu, is_compat=true)", EvalFlow.Compat)]
    [InlineData("model=nommu", "flow=region", "is_compat=false (no nommu caller passes false)", EvalFlow.Region)]
    public void Each_model_has_its_own_default_flow_and_explain_names_the_caller(string model, string flow, string caller, EvalFlow expected)
    {
        EvalCase c = EvalCaseParser.Parse($"op=mmap {model} arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 action=nothing {flow}", EvalSettings.Default);
        Assert.Equal(expected, c.Flow);
        Assert.Equal(flow.Length != 0, c.FlowSet);
        Assert.Contains(caller, Explainer.Caller(c), StringComparison.Ordinal);
        Assert.Contains(Explainer.Explain(c).Lines, l => l.StartsWith("runs:", StringComparison.Ordinal) && l.Contains(caller, StringComparison.Ordinal));
    }

    [Fact]
    public void The_mmu_compat_flow_neither_unmaps_nor_overrides()
    {
        const string line = "op=mmap model=mmu arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=remap start=0x40000000 pfn=0x3ff44 size=0 error_override=-12";
        Assert.Equal("rc=-12 prepare=0 complete=-12 type=remap_pfn pfn=0x3ff44 pgoff=0x0 flags=0x40444bb warns=1", Eval(line));
        Assert.Equal("rc=-22 prepare=0 complete=-22 type=remap_pfn pfn=0x3ff44 pgoff=0x0 flags=0x40444bb warns=1", Eval(line + " flow=compat"));
    }

    [Theory]
    [InlineData("model=mmu flow=compat merged=1", "cannot go with flow=compat")]
    [InlineData("model=nommu merged=1", "needs model=mmu")]
    [InlineData("model=nommu flow=region merged=1", "needs model=mmu")]
    [InlineData("model=mmu flow=legacy", "bad flow 'legacy'")]
    [InlineData("model=mmu flow=1", "bad flow '1'")]
    public void Bad_flow_combinations_are_error_lines(string keys, string message)
    {
        string output = Eval($"op=mmap {keys} arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 action=nothing");
        Assert.StartsWith("error=", output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Flow_is_an_op_mmap_key_only()
    {
        string output = Eval("op=prep model=mmu arch=ilp32 vm_len=0x1000 phys=0x1000 size=0x1000 flow=compat");
        Assert.StartsWith("error=key 'flow'", output, StringComparison.Ordinal);
    }
}
