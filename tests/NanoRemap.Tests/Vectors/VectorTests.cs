using NanoRemap.Tooling.Eval;
using NanoRemap.Tooling.Explain;
using Xunit;

namespace NanoRemap.Tests.Vectors;

/// <summary>
/// Runs every conformance vector of tests/vectors/*.vec (copied to the output directory under vectors/)
/// through the eval engine and asserts the exact expected line. One theory row per vector, named file:line.
/// </summary>
public class VectorTests
{
    private static readonly string Directory_ = Path.Combine(AppContext.BaseDirectory, "vectors");

    public static string[] Files() =>
        Directory.Exists(Directory_) ? Directory.GetFiles(Directory_, "*.vec", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray() : Array.Empty<string>();

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (string file in Files())
        {
            foreach (VectorCase v in VectorFile.Read(file))
            {
                // location first: it is what the test name shows.
                data.Add(v.Location, v.Case, v.Expected, v.FormatError);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector(string location, string line, string expected, string formatError)
    {
        Assert.True(formatError == null, $"{location}: {formatError}");
        // Vector lines carry explicit model= and arch=; the defaults only matter for page_shift.
        string actual = new Evaluator(EvalSettings.Default).EvalLine(line)?.Output;
        Assert.True(expected == actual, $"{location}: {line}\n  expected: {expected}\n  actual:   {actual}");

        // The traced run (explain) takes the engine's tracer branches: it must compute the same line.
        ExplainReport report = Explainer.Explain(EvalCaseParser.Parse(line, EvalSettings.Default));
        Assert.Equal("result:  " + expected, report.Lines[^1]);
    }

    [Fact]
    public void Vector_files_are_found_and_hold_cases()
    {
        string[] files = Files();
        Assert.True(files.Length > 0, $"no *.vec files under {Directory_}: tests/vectors is not copied to the output directory");
        Assert.All(files, f => Assert.NotEmpty(VectorFile.Read(f)));
    }

    [Fact]
    public void Vector_lines_name_their_model_and_arch()
    {
        foreach (string file in Files())
        {
            foreach (VectorCase v in VectorFile.Read(file).Where(v => v.FormatError == null))
            {
                Assert.True(v.Case.Contains("model=") && v.Case.Contains("arch="), $"{v.Location}: a vector must not rely on nf.config defaults: {v.Case}");
            }
        }
    }

    [Fact]
    public void The_vec_format_pairs_each_case_with_the_next_expectation()
    {
        string[] lines =
        {
            "# comment",
            "op=prep vm_len=0x1000   # trailing",
            "",
            "=> rc=-22",
            "op=prep",
            "op=prep pgoff=1",
            "=>   rc=0 pfn=0x0  ",
            "=> rc=5",
            "op=prep size=1",
        };
        List<VectorCase> cases = VectorFile.Parse(lines, "x.vec");
        Assert.Equal(5, cases.Count);
        Assert.Equal(new VectorCase("x.vec", 2, "op=prep vm_len=0x1000   # trailing", "rc=-22", null), cases[0]);
        Assert.Equal(5, cases[1].Line);
        Assert.NotNull(cases[1].FormatError); // case without expectation
        Assert.Equal(new VectorCase("x.vec", 6, "op=prep pgoff=1", "rc=0 pfn=0x0", null), cases[2]);
        Assert.Equal(8, cases[3].Line);
        Assert.Contains("without a case", cases[3].FormatError);
        Assert.Contains("end of file", cases[4].FormatError);
        Assert.Equal("x.vec:6", cases[2].Location);
    }
}
