using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>The shape of one signature type (ECMA-335 II.23.2.12), decoded from any assembly.</summary>
public enum SigKind
{
    /// <summary>A primitive element type (void, bool, char, the integers, floats, string, object, IntPtr, UIntPtr, TypedReference).</summary>
    Primitive,
    /// <summary>A class or value type named by a TypeDef or TypeRef.</summary>
    Named,
    /// <summary>A single-dimension zero-based array (<c>T[]</c>).</summary>
    SZArray,
    /// <summary>A general (multidimensional or non-zero-based) array: nanoFramework has none.</summary>
    Array,
    /// <summary>An unmanaged pointer <c>T*</c>: nanoFramework has none.</summary>
    Pointer,
    /// <summary>A function pointer <c>delegate*&lt;...&gt;</c>: nanoFramework has none.</summary>
    FunctionPointer,
    /// <summary>A managed reference <c>ref T</c>.</summary>
    ByRef,
    /// <summary>A generic instantiation <c>G&lt;A...&gt;</c>.</summary>
    GenericInst,
    /// <summary>A type generic parameter <c>!n</c>.</summary>
    TypeParameter,
    /// <summary>A method generic parameter <c>!!n</c>.</summary>
    MethodParameter,
    /// <summary>A <c>pinned</c> local (the <c>fixed</c> statement).</summary>
    Pinned,
    /// <summary>A custom modifier (<c>modreq</c>/<c>modopt</c>) wrapping <see cref="SigType.Element"/>.</summary>
    Modified,
}

/// <summary>
/// One decoded signature type. <see cref="FullName"/> of a named type follows Mono.Cecil's
/// <c>TypeReference.FullName</c> ("Ns.Name", nested "Ns.Outer/Inner"), which is what the nanoFramework
/// MetadataProcessor works on.
/// </summary>
public sealed class SigType
{
    private SigType(SigKind kind) => Kind = kind;

    /// <summary>What this type is.</summary>
    public SigKind Kind { get; private init; }

    /// <summary>Full name of a primitive or named type (Cecil format); empty for constructed types.</summary>
    public string FullName { get; private init; } = "";

    /// <summary>For named types: the defining TypeDef or TypeRef handle in the decoded assembly.</summary>
    public EntityHandle Handle { get; private init; }

    /// <summary>For named types: true when encoded as <c>valuetype</c>.</summary>
    public bool IsValueType { get; private init; }

    /// <summary>Element of arrays, pointers, byrefs, pinned and modified types; the generic type of an instantiation.</summary>
    public SigType? Element { get; private init; }

    /// <summary>Type arguments of a generic instantiation.</summary>
    public ImmutableArray<SigType> Arguments { get; private init; } = ImmutableArray<SigType>.Empty;

    /// <summary>Rank of a general array; index of a generic parameter.</summary>
    public int Number { get; private init; }

    /// <summary>For modified types: the modifier type and whether it is <c>modreq</c>.</summary>
    public SigType? Modifier { get; private init; }

    /// <summary>For modified types: <c>modreq</c> (true) or <c>modopt</c> (false).</summary>
    public bool IsRequired { get; private init; }

    /// <summary>For function pointers: the decoded method signature.</summary>
    public MethodSignature<SigType>? FunctionSignature { get; private init; }

    internal static SigType Primitive(string fullName) => new(SigKind.Primitive) { FullName = fullName };

    internal static SigType Named(string fullName, EntityHandle handle, bool isValueType) =>
        new(SigKind.Named) { FullName = fullName, Handle = handle, IsValueType = isValueType };

    internal static SigType Wrap(SigKind kind, SigType element, int number = 0) =>
        new(kind) { Element = element, Number = number };

    internal static SigType Generic(SigType genericType, ImmutableArray<SigType> arguments) =>
        new(SigKind.GenericInst) { Element = genericType, Arguments = arguments };

    internal static SigType Parameter(SigKind kind, int index) => new(kind) { Number = index };

    internal static SigType Modified(SigType element, SigType modifier, bool isRequired) =>
        new(SigKind.Modified) { Element = element, Modifier = modifier, IsRequired = isRequired };

    internal static SigType FunctionPointer(MethodSignature<SigType> signature) =>
        new(SigKind.FunctionPointer) { FunctionSignature = signature };

    /// <summary>All types nested in this one, this one included, depth first.</summary>
    public IEnumerable<SigType> SelfAndDescendants()
    {
        yield return this;
        if (Element is not null)
        {
            foreach (var t in Element.SelfAndDescendants())
            {
                yield return t;
            }
        }
        if (Modifier is not null)
        {
            foreach (var t in Modifier.SelfAndDescendants())
            {
                yield return t;
            }
        }
        foreach (var a in Arguments)
        {
            foreach (var t in a.SelfAndDescendants())
            {
                yield return t;
            }
        }
        if (FunctionSignature is { } fs)
        {
            foreach (var t in fs.ReturnType.SelfAndDescendants())
            {
                yield return t;
            }
            foreach (var p in fs.ParameterTypes)
            {
                foreach (var t in p.SelfAndDescendants())
                {
                    yield return t;
                }
            }
        }
    }

    /// <summary>
    /// The type as Mono.Cecil's <c>TypeReference.FullName</c> prints it ("System.Int32[]", "System.Action`1&lt;X&gt;",
    /// "T&amp;"); generic parameters print as "!n" / "!!n".
    /// </summary>
    public string CecilName => Kind switch
    {
        SigKind.Primitive or SigKind.Named => FullName,
        SigKind.SZArray => Element!.CecilName + "[]",
        SigKind.Array => Element!.CecilName + "[" + new string(',', Math.Max(0, Number - 1)) + "]",
        SigKind.Pointer => Element!.CecilName + "*",
        SigKind.ByRef => Element!.CecilName + "&",
        SigKind.Pinned => Element!.CecilName + " pinned",
        SigKind.GenericInst => Element!.CecilName + "<" + string.Join(",", Arguments.Select(a => a.CecilName)) + ">",
        SigKind.TypeParameter => "!" + Number,
        SigKind.MethodParameter => "!!" + Number,
        SigKind.Modified => Element!.CecilName + (IsRequired ? " modreq(" : " modopt(") + Modifier!.CecilName + ")",
        SigKind.FunctionPointer => "method " + FunctionSignature!.Value.ReturnType.CecilName + " *(" +
            string.Join(",", FunctionSignature.Value.ParameterTypes.Select(p => p.CecilName)) + ")",
        _ => "?",
    };

    /// <summary>
    /// Mono.Cecil's <c>TypeReference.GetElementType()</c>: the innermost type under every array, pointer,
    /// byref, pinned, modifier and generic-instantiation layer.
    /// </summary>
    public SigType InnermostElement => Kind switch
    {
        SigKind.SZArray or SigKind.Array or SigKind.Pointer or SigKind.ByRef or SigKind.Pinned
            or SigKind.Modified or SigKind.GenericInst => Element!.InnermostElement,
        _ => this,
    };

    /// <inheritdoc/>
    public override string ToString() => CecilName;
}
