using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoRemap.Boards;
using NanoRemap.Testing;
using NanoRemap.Tests.Boards;
using Xunit;

namespace NanoRemap.Tests.Readme;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md compiles as written, as the top-level statements of a new
/// net10.0 project with the SDK's implicit usings and one reference to the host package (NanoRemap.Testing, which
/// brings NanoRemap.Host): a snippet names its own NanoRemap usings, so a reader can paste it. Compiled, not run (some
/// use the hardware bus, which only exists on the device).
/// </summary>
public class SnippetCompileTests
{
    private static readonly string[] ImplicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(new[] { typeof(BoardMap).Assembly.Location, typeof(SimulatorModels).Assembly.Location })
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray());

    /// <summary>Each snippet: its file and the line of its opening fence.</summary>
    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, line, _) in All())
        {
            data.Add(file, line);
        }

        return data;
    }

    [Fact]
    public void The_readme_and_the_docs_have_snippets()
    {
        var all = All().ToList();
        Assert.True(all.Count >= 8, $"{all.Count} snippets");
        Assert.Contains(all, s => s.File == "README.md" && s.Code.Contains("SimulatorModels.CreateSimulator", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_snippet_compiles_as_written(string file, int line)
    {
        string code = All().Single(s => s.File == file && s.Line == line).Code;
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, usings: ImplicitUsings, nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create("Snippet", new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)) }, References.Value, options);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{file}:{line}: the snippet does not compile:\n" + string.Join("\n", errors.Select(e =>
            $"  {file}:{line + e.Location.GetLineSpan().StartLinePosition.Line + 1}: {e.Id} {e.GetMessage()}")));
    }

    private static IEnumerable<(string File, int Line, string Code)> All()
    {
        var files = new List<string> { "README.md" };
        files.AddRange(Directory.GetFiles(Path.Combine(BoardFiles.Root, "docs"), "*.md").Order(StringComparer.Ordinal)
            .Select(f => "docs/" + Path.GetFileName(f)));
        foreach (string file in files)
        {
            string text = File.ReadAllText(Path.Combine(BoardFiles.Root, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match m in Regex.Matches(text, @"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline))
            {
                yield return (file, text[..m.Index].Count(c => c == '\n') + 1, m.Groups[1].Value);
            }
        }
    }
}
