using NanoRemap.Tests.Boards;
using NanoRemap.Tests.NfCheck;
using NanoRemap.Tooling.Facts;
using NanoRemap.Tooling.NfCheck;
using Xunit;
using Xunit.Abstractions;

namespace NanoRemap.Tests.Chips;

/// <summary>
/// Each chip's definition assembly, compiled like its .csproj (against the real nanoFramework mscorlib), passes the
/// nanoFramework gate and costs at most ~4 KB of .pe: its types and their names (constants are dropped by the
/// MetadataProcessor).
/// </summary>
public class ChipAssemblyCostTests(ITestOutputHelper output)
{
    private const int PeBudgetBytes = 4096;

    private static readonly Lazy<MscorlibSurface> Surface = new(() => MscorlibSurface.Load(NanoCompiler.Mscorlib));

    [Theory]
    [MemberData(nameof(ChipDefinitionsTests.Chips), MemberType = typeof(ChipDefinitionsTests))]
    public void A_chip_assembly_passes_the_gate_and_costs_its_types_only(string chip)
    {
        // The chip's two generated files: the SVD definitions and the ESP-IDF constants of the same partial class.
        string source = File.ReadAllText(Path.Combine(BoardFiles.Root, ChipDefinitionsGenerator.RelativePath(chip)))
            + "\n" + File.ReadAllText(Path.Combine(BoardFiles.Root, IdfConstantsGenerator.RelativePath(chip)));
        string dll = NanoCompiler.Compile(source, "NanoRemap." + ChipDefinitionsGenerator.ClassName(chip));
        Assert.Empty(new NfGate(Surface.Value).Check(dll));

        PeTypeCost cost = PeTypeCost.Measure(dll);
        output.WriteLine($"{chip}: dll {new FileInfo(dll).Length} bytes; .pe estimate {cost.EstimatedBytes} bytes = {cost.TypeDefinitions} TypeDefs x {PeTypeCost.TypeDefRecordBytes} + {cost.NameBytes} name bytes; {cost.ConstFields} constants dropped");
        Assert.Equal(0, cost.Fields);
        Assert.Equal(0, cost.Methods);
        Assert.True(cost.ConstFields > 5000, $"{cost.ConstFields} constants");
        Assert.True(cost.EstimatedBytes <= PeBudgetBytes, $"{chip}: {cost.EstimatedBytes} bytes of .pe types and names, over {PeBudgetBytes}");
    }

    [Fact]
    public void The_estimate_counts_records_and_distinct_names_but_no_constants()
    {
        string dll = NanoCompiler.Compile("namespace N { public static class A { public const uint X = 1; public static class B { public const uint Y = 2; } } public class C { public int F; public void M() { } } }", "Cost");
        PeTypeCost cost = PeTypeCost.Measure(dll);
        Assert.Equal(3, cost.TypeDefinitions);
        Assert.Equal(1, cost.Fields);
        Assert.Equal(2, cost.Methods); // M and the constructor of C
        Assert.Equal(2, cost.ConstFields);
        // "", "A", "N", "B", "C", "F", "M", ".ctor": UTF-8 + NUL each
        Assert.Equal(1 + 2 + 2 + 2 + 2 + 2 + 2 + 6, cost.NameBytes);
        Assert.Equal(3 * 27 + 8 + 2 * 16 + cost.NameBytes, cost.EstimatedBytes);
    }
}
