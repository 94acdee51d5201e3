using NanoRemap.Tooling.NfCheck;
using Xunit;

namespace NanoRemap.Tests.NfCheck;

/// <summary>
/// The nanoFramework gate against fixture assemblies built in the test run from C# snippets compiled /nostdlib
/// against the real nanoFramework mscorlib 1.17.11. Each bad fixture holds one offending construct; the test
/// asserts the rule, the type and member named, and that nothing else is reported.
/// </summary>
public sealed class NfGateTests
{
    private static readonly Lazy<MscorlibSurface> Surface = new(() => MscorlibSurface.Load(NanoCompiler.Mscorlib));

    private static IReadOnlyList<NfOffence> Check(string path) => new NfGate(Surface.Value).Check(path);

    private static void AssertOnly(IReadOnlyList<NfOffence> offences, string rule, string where, params string[] alsoAllowed)
    {
        Assert.NotEmpty(offences);
        Assert.Contains(offences, o => o.Rule == rule && o.Where == where);
        var allowed = new HashSet<string>(alsoAllowed) { rule };
        Assert.All(offences, o => Assert.True(allowed.Contains(o.Rule), "unexpected offence: " + o));
    }

    [Fact]
    public void Mscorlib_is_the_nanoFramework_one()
    {
        var s = Surface.Value;
        Assert.Equal("mscorlib", s.Name);
        Assert.Equal(new Version(1, 17, 11, 0), s.Version);
        Assert.Equal(NfGate.MscorlibToken, s.PublicKeyToken);
        Assert.Contains("System.Action`1", s.GenericTypes);
        Assert.DoesNotContain("System.Collections.Generic.List`1", s.GenericTypes);
    }

    [Fact]
    public void Clean_fixture_passes_including_mscorlib_generics_and_jagged_arrays()
    {
        string dll = NanoCompiler.Compile(@"
using System;
namespace Fixture
{
    public delegate void Tick(int n);
    public struct Pair { public int A; public uint B; }
    public sealed class Clean
    {
        private readonly int[][] _jagged = new int[2][];
        public event Tick Ticked;
        public int Sum(Action<int> each, Func<int, int> f)
        {
            int s = 0;
            for (int i = 0; i < _jagged.Length; i++) { each(i); s += f(i); }
            Ticked?.Invoke(s);
            return s;
        }
        public override string ToString() => ""clean "" + _jagged.Length.ToString(""D"");
    }
}");
        Assert.Empty(Check(dll));
    }

    [Fact]
    public void Foreign_assembly_reference_is_named()
    {
        string other = NanoCompiler.Compile("namespace Other { public class Helper { public static int One() => 1; } }", "Other");
        string dll = NanoCompiler.Compile("namespace Fixture { public class UsesOther { public int Get() => Other.Helper.One(); } }",
            references: new[] { other });
        var offences = Check(dll);
        AssertOnly(offences, NfRule.AssemblyReference, "<assembly>");
        Assert.Contains(offences, o => o.Message.Contains("references Other 0.0.0.0"));
    }

    [Fact]
    public void An_allowed_nanoFramework_library_reference_is_not_an_offence()
    {
        string other = NanoCompiler.Compile("namespace Other { public class Helper { public static int One() => 1; } }", "Other");
        string dll = NanoCompiler.Compile("namespace Fixture { public class UsesOther { public int Get() => Other.Helper.One(); } }",
            references: new[] { other });
        Assert.Empty(new NfGate(Surface.Value, new[] { "Other" }).Check(dll));
    }

    [Fact]
    public void Generic_type_definition_is_named()
    {
        string dll = NanoCompiler.Compile("namespace Fixture { public class Box<T> { public T Value; } }");
        AssertOnly(Check(dll), NfRule.GenericDefinition, "Fixture.Box`1");
    }

    [Fact]
    public void Generic_method_definition_is_named()
    {
        string dll = NanoCompiler.Compile("namespace Fixture { public static class Util { public static T Same<T>(T x) => x; } }");
        AssertOnly(Check(dll), NfRule.GenericDefinition, "Fixture.Util::Same");
    }

    [Fact]
    public void Instantiating_a_generic_type_mscorlib_does_not_define_is_named()
    {
        // Instantiating a non-mscorlib generic needs one defined here: the definition is reported too.
        string dll = NanoCompiler.Compile(@"
namespace Fixture
{
    public class Box<T> { }
    public static class User { public static object Make() => new Box<int>(); }
}");
        var offences = Check(dll);
        AssertOnly(offences, NfRule.GenericInstantiation, "Fixture.User::Make", NfRule.GenericDefinition);
        Assert.Contains(offences, o => o.Rule == NfRule.GenericInstantiation && o.Message.Contains("Fixture.Box`1<System.Int32>"));
    }

    [Fact]
    public void Instantiating_a_generic_method_is_named()
    {
        string dll = NanoCompiler.Compile(@"
namespace Fixture
{
    public static class Util { public static T Same<T>(T x) => x; }
    public static class User { public static int Call() => Util.Same(3); }
}");
        AssertOnly(Check(dll), NfRule.GenericInstantiation, "Fixture.User::Call", NfRule.GenericDefinition);
    }

    [Fact]
    public void Multidimensional_array_is_named()
    {
        string dll = NanoCompiler.Compile(@"
namespace Fixture
{
    public static class Grid { public static int Corner() { var g = new int[2, 3]; g[1, 2] = 7; return g[1, 2]; } }
}");
        var offences = Check(dll);
        AssertOnly(offences, NfRule.MultidimensionalArray, "Fixture.Grid::Corner");
        Assert.Contains(offences, o => o.Message.Contains("System.Int32[,]"));
    }

    [Fact]
    public void Pointer_in_a_signature_is_named()
    {
        string dll = NanoCompiler.Compile("namespace Fixture { public static unsafe class Raw { public static void Poke(uint* address) { } } }");
        AssertOnly(Check(dll), NfRule.Pointer, "Fixture.Raw::Poke");
    }

    [Fact]
    public void Pointer_field_is_named()
    {
        string dll = NanoCompiler.Compile("namespace Fixture { public unsafe struct Cursor { public byte* At; } }");
        AssertOnly(Check(dll), NfRule.Pointer, "Fixture.Cursor::At");
    }

    [Fact]
    public void Function_pointer_is_named()
    {
        string dll = NanoCompiler.Compile("namespace Fixture { public static unsafe class Fp { public static void Keep(delegate*<int, void> f) { } } }");
        AssertOnly(Check(dll), NfRule.FunctionPointer, "Fixture.Fp::Keep");
    }

    [Fact]
    public void Unsafe_pointer_local_is_named()
    {
        string dll = NanoCompiler.Compile(@"
namespace Fixture
{
    public static class Bits
    {
        public static int Twice(int x) { unsafe { int* p = &x; *p = *p * 2; } return x; }
    }
}");
        var offences = Check(dll);
        AssertOnly(offences, NfRule.UnsafeLocal, "Fixture.Bits::Twice");
        Assert.Contains(offences, o => o.Message.Contains("pointer types in unsafe code aren't supported"));
    }

    [Fact]
    public void Pinned_local_is_named()
    {
        string dll = NanoCompiler.Compile(@"
namespace Fixture
{
    public static class Pin
    {
        public static int First(int[] a) { unsafe { fixed (int* p = a) { return *p; } } }
    }
}");
        var offences = Check(dll);
        AssertOnly(offences, NfRule.UnsafeLocal, "Fixture.Pin::First");
        Assert.Contains(offences, o => o.Message.Contains("pinned"));
    }

    [Fact]
    public void Typed_reference_il_is_named()
    {
        string dll = NanoCompiler.Compile(@"
namespace Fixture
{
    public static class Refs { public static void Take() { int x = 1; System.TypedReference r = __makeref(x); } }
}");
        var offences = Check(dll);
        AssertOnly(offences, NfRule.UnsupportedIl, "Fixture.Refs::Take");
        Assert.Contains(offences, o => o.Message.Contains("mkrefany"));
    }

    [Fact]
    public void More_than_255_static_methods_in_a_type_is_an_mdp_limit()
    {
        var body = string.Join("\n", Enumerable.Range(0, 256).Select(i => $"public static int M{i}() => {i};"));
        string dll = NanoCompiler.Compile("namespace Fixture { public static class Wide { " + body + " } }");
        var offences = Check(dll);
        AssertOnly(offences, NfRule.Limit, "Fixture.Wide");
        Assert.Contains(offences, o => o.Message.Contains("256 static methods"));
    }

    [Fact]
    public void Type_missing_from_mscorlib_1_17_11_is_named()
    {
        // Built against a stand-in corlib with the same identity that has StringBuilder, as code built against a
        // newer CoreLibrary would be: the reference says mscorlib 1.17.11, the type is not in it.
        string corlib = NanoCompiler.CompileStandInCorlib("namespace System.Text { public sealed class StringBuilder { public StringBuilder() { } } }");
        string dll = NanoCompiler.Compile(
            "namespace Fixture { public static class Text { public static object Make() => new System.Text.StringBuilder(); } }",
            corlib: corlib);
        var offences = Check(dll);
        AssertOnly(offences, NfRule.MissingType, "Fixture.Text::Make");
        Assert.Contains(offences, o => o.Message.Contains("System.Text.StringBuilder"));
    }

    [Fact]
    public void Member_missing_from_mscorlib_1_17_11_is_named()
    {
        // string.IsNullOrWhiteSpace is not in mscorlib 1.17.11 (string.IsNullOrEmpty is).
        string corlib = NanoCompiler.CompileStandInCorlib(
            "namespace System { public sealed partial class String { public static bool IsNullOrWhiteSpace(string s) { return false; } } }");
        string ok = NanoCompiler.Compile(
            "namespace Fixture { public static class Strings { public static bool Blank(string s) => string.IsNullOrEmpty(s); } }", corlib: corlib);
        Assert.Empty(Check(ok));

        string bad = NanoCompiler.Compile(
            "namespace Fixture { public static class Strings { public static bool Blank(string s) => string.IsNullOrWhiteSpace(s); } }", corlib: corlib);
        var offences = Check(bad);
        AssertOnly(offences, NfRule.MissingMember, "Fixture.Strings::Blank");
        Assert.Contains(offences, o => o.Message.Contains("System.String::IsNullOrWhiteSpace") && o.Message.Contains("no member of that name exists"));
    }

    [Fact]
    public void Member_with_a_signature_mscorlib_1_17_11_lacks_is_named()
    {
        // mscorlib 1.17.11 has string.Substring(int) and Substring(int, int), not Substring(uint).
        string corlib = NanoCompiler.CompileStandInCorlib(
            "namespace System { public sealed partial class String { public string Substring(uint start) { return null; } } }");
        string bad = NanoCompiler.Compile(
            "namespace Fixture { public static class Strings { public static string Tail(string s) => s.Substring(1u); } }", corlib: corlib);
        var offences = Check(bad);
        AssertOnly(offences, NfRule.MissingMember, "Fixture.Strings::Tail");
        Assert.Contains(offences, o => o.Message.Contains("no member of that name has this signature"));
    }
}
