using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoRemap.Tooling.NfCheck;

namespace NanoRemap.Tests.NfCheck;

/// <summary>
/// Compiles C# snippets into fixture assemblies the way src/NanoRemap is built: /nostdlib against the real
/// nanoFramework mscorlib 1.17.11 (or another corlib), LangVersion 10, NANOFRAMEWORK_1_0 defined.
/// </summary>
internal static class NanoCompiler
{
    private static readonly Lazy<string> MscorlibPath = new(() => MscorlibLocator.Locate());

    /// <summary>The real nanoFramework mscorlib.dll.</summary>
    public static string Mscorlib => MscorlibPath.Value;

    /// <summary>Compiles <paramref name="source"/> into a DLL in a fresh temp folder and returns its path.</summary>
    /// <param name="source">The C# source.</param>
    /// <param name="assemblyName">The assembly name (also the file name).</param>
    /// <param name="references">Extra references (paths); the corlib is added first.</param>
    /// <param name="corlib">The corlib to compile against (default: the real nanoFramework mscorlib).</param>
    public static string Compile(string source, string assemblyName = "Fixture", IEnumerable<string> references = null, string corlib = null)
    {
        var refs = new List<MetadataReference> { MetadataReference.CreateFromFile(corlib ?? Mscorlib) };
        foreach (string r in references ?? Array.Empty<string>())
        {
            refs.Add(MetadataReference.CreateFromFile(r));
        }
        var parse = new CSharpParseOptions(LanguageVersion.CSharp10, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, parse) },
            refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, deterministic: true));
        return Emit(compilation, assemblyName);
    }

    /// <summary>
    /// Compiles a stand-in corlib named mscorlib 1.17.11.0 and public-signed with the real nanoFramework mscorlib's
    /// public key, so an assembly compiled against it references "mscorlib 1.17.11.0 (c07d481e9758c731)" exactly as
    /// a real one does - but may call members the real mscorlib lacks (as code built against a newer CoreLibrary does).
    /// </summary>
    public static string CompileStandInCorlib(string extraSource)
    {
        var key = ReadPublicKey(Mscorlib);
        var parse = new CSharpParseOptions(LanguageVersion.CSharp10);
        var compilation = CSharpCompilation.Create(
            "mscorlib",
            new[] { CSharpSyntaxTree.ParseText(StandInCorlib.Source + extraSource, parse) },
            Array.Empty<MetadataReference>(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true)
                .WithCryptoPublicKey(key)
                .WithPublicSign(true));
        return Emit(compilation, "mscorlib");
    }

    private static ImmutableArray<byte> ReadPublicKey(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return md.GetBlobContent(md.GetAssemblyDefinition().PublicKey);
    }

    private static string Emit(CSharpCompilation compilation, string assemblyName)
    {
        string dir = Path.Combine(Path.GetTempPath(), "nanoremap-nfcheck", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, assemblyName + ".dll");
        var result = compilation.Emit(path);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success || errors.Count > 0)
        {
            throw new InvalidOperationException("fixture did not compile:\n" + string.Join("\n", errors));
        }
        return path;
    }
}
