using System.Globalization;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using NanoRemap.Tooling.NfCheck;

namespace NanoRemap.Tooling.Native;

/// <summary>
/// The order in which the MetadataProcessor lays out type definitions (and so walks them for the native
/// checksum and the <c>method_lookup[]</c> table).
/// </summary>
/// <remarks>
/// Re-implemented from nanoframework/metadata-processor, MetadataProcessor.Shared/Tables/nanoTablesContext.cs
/// (GetOrderedTypes, SortTypesAccordingUsages, SortTypesAccordingUsagesImpl, GetTypesList, GetOrderedMethods) at
/// commit 058e97afb3f4ea9e91eafa6fe7349e73493d95b1: all types but &lt;Module&gt;, ordered by full name with the
/// default (culture-sensitive) string comparer; then depth first, each type is preceded by its declaring type,
/// by the in-assembly interfaces it implements and by the in-assembly types named in the return and parameter types
/// of every method its method bodies reference.
/// </remarks>
public static class MdpTypeOrder
{
    /// <summary>
    /// The comparer of <c>OrderBy(item =&gt; item.FullName)</c> in the MetadataProcessor (.NET Framework on Windows,
    /// current culture): culture-sensitive en-US comparison. When this process runs with invariant globalization
    /// (ordinal comparisons), an ASCII approximation is used: case-insensitive first, lower case before upper.
    /// </summary>
    public static readonly IComparer<string> NameComparer = CreateComparer();

    private static IComparer<string> CreateComparer()
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo("en-US");
            // Invariant-globalization mode compares ordinally, where "B" sorts before "a".
            if (culture.CompareInfo.Compare("a", "B", CompareOptions.None) < 0)
            {
                return StringComparer.Create(culture, ignoreCase: false);
            }
        }
        catch (CultureNotFoundException)
        {
        }
        return Comparer<string>.Create((x, y) =>
        {
            int c = StringComparer.OrdinalIgnoreCase.Compare(x, y);
            return c != 0 ? c : -StringComparer.Ordinal.Compare(x, y);
        });
    }

    /// <summary>The type definitions of <paramref name="pe"/> in MetadataProcessor order (&lt;Module&gt; left out).</summary>
    public static IReadOnlyList<TypeDefinitionHandle> Order(PEReader pe)
    {
        var md = pe.GetMetadataReader();
        var sorter = new Sorter(pe, md);
        var all = md.TypeDefinitions.Where(h => TypeNames.Of(md, h) != "<Module>")
            .OrderBy(h => TypeNames.Of(md, h), NameComparer)
            .ToList();
        return sorter.Sort(all).ToList();
    }

    /// <summary>
    /// GetOrderedMethods: the methods of a type in metadata order, virtual ones first, then non-virtual instance
    /// ones, then static ones (a static virtual method is listed twice, as in the original).
    /// </summary>
    public static IEnumerable<MethodDefinitionHandle> OrderedMethods(MetadataReader md, TypeDefinitionHandle type)
    {
        var methods = md.GetTypeDefinition(type).GetMethods().ToList();
        bool IsVirtual(MethodDefinitionHandle h) => (md.GetMethodDefinition(h).Attributes & System.Reflection.MethodAttributes.Virtual) != 0;
        bool IsStatic(MethodDefinitionHandle h) => (md.GetMethodDefinition(h).Attributes & System.Reflection.MethodAttributes.Static) != 0;
        return methods.Where(IsVirtual)
            .Concat(methods.Where(h => !(IsVirtual(h) || IsStatic(h))))
            .Concat(methods.Where(IsStatic));
    }

    private sealed class Sorter
    {
        private readonly PEReader _pe;
        private readonly MetadataReader _md;
        private readonly SigTypeProvider _provider;
        private readonly HashSet<string> _processed = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TypeDefinitionHandle> _byName = new(StringComparer.Ordinal);

        public Sorter(PEReader pe, MetadataReader md)
        {
            _pe = pe;
            _md = md;
            _provider = new SigTypeProvider(md);
            foreach (var h in md.TypeDefinitions)
            {
                _byName[TypeNames.Of(md, h)] = h;
            }
        }

        // An interface cycle (I1 : I2, I2 : I1) would recurse without end: past this depth the metadata is bad.
        private const int MaxDepth = 1024;

        public IEnumerable<TypeDefinitionHandle> Sort(IEnumerable<TypeDefinitionHandle> types, int depth = 0)
        {
            foreach (var type in types)
            {
                string name = TypeNames.Of(_md, type);
                if (_processed.Contains(name))
                {
                    continue;
                }

                if (depth > MaxDepth)
                {
                    throw new BadImageFormatException($"type {name}: dependencies nested deeper than {MaxDepth} (an interface cycle?)");
                }

                var declaring = _md.GetTypeDefinition(type).GetDeclaringType();
                if (!declaring.IsNil)
                {
                    foreach (var t in Sort(new[] { declaring }, depth + 1))
                    {
                        yield return t;
                    }
                }

                foreach (var t in Sort(Interfaces(type), depth + 1))
                {
                    yield return t;
                }

                if (_processed.Add(name))
                {
                    var used = ReferencedMethodTypes(type).ToList();
                    foreach (var t in Sort(used, depth + 1))
                    {
                        yield return t;
                    }
                    yield return type;
                }
            }
        }

        private IEnumerable<TypeDefinitionHandle> Interfaces(TypeDefinitionHandle type)
        {
            foreach (var ih in _md.GetTypeDefinition(type).GetInterfaceImplementations())
            {
                var itf = _md.GetInterfaceImplementation(ih).Interface;
                var resolved = itf.Kind == HandleKind.TypeSpecification
                    ? InModule(_md.GetTypeSpecification((TypeSpecificationHandle)itf).DecodeSignature(_provider, null))
                    : InModule(itf);
                if (resolved is { } r)
                {
                    yield return r;
                }
            }
        }

        // GetTypesList over every MethodReference operand (call, callvirt, newobj, ldftn, ldvirtftn, jmp, ldtoken)
        // of every method body of the type: the return type (unless void) and the parameter types, resolved.
        private IEnumerable<TypeDefinitionHandle> ReferencedMethodTypes(TypeDefinitionHandle type)
        {
            var result = new List<TypeDefinitionHandle>();
            foreach (var mh in _md.GetTypeDefinition(type).GetMethods())
            {
                var m = _md.GetMethodDefinition(mh);
                if (m.RelativeVirtualAddress == 0)
                {
                    continue;
                }
                foreach (var ins in IlReader.Read(_pe.GetMethodBody(m.RelativeVirtualAddress)))
                {
                    if (ins.OpCode.OperandType != OperandType.InlineMethod && ins.OpCode.OperandType != OperandType.InlineTok)
                    {
                        continue;
                    }
                    var sig = MethodSignatureOf(MetadataTokens.EntityHandle(ins.Token));
                    if (sig is not { } s)
                    {
                        continue;
                    }
                    if (s.ReturnType.CecilName != "System.Void" && InModule(s.ReturnType) is { } r)
                    {
                        result.Add(r);
                    }
                    foreach (var p in s.ParameterTypes)
                    {
                        if (InModule(p) is { } pt)
                        {
                            result.Add(pt);
                        }
                    }
                }
            }
            return result;
        }

        private MethodSignature<SigType>? MethodSignatureOf(EntityHandle h)
        {
            switch (h.Kind)
            {
                case HandleKind.MethodDefinition:
                    return _md.GetMethodDefinition((MethodDefinitionHandle)h).DecodeSignature(_provider, null);
                case HandleKind.MemberReference:
                    var mr = _md.GetMemberReference((MemberReferenceHandle)h);
                    return mr.GetKind() == MemberReferenceKind.Method ? mr.DecodeMethodSignature(_provider, null) : null;
                case HandleKind.MethodSpecification:
                    // Cecil's GenericInstanceMethod reports the element method's return and parameter types.
                    return MethodSignatureOf(_md.GetMethodSpecification((MethodSpecificationHandle)h).Method);
                default:
                    return null;
            }
        }

        // TypeReference.Resolve() restricted to this module (the Where(Module.FileName == main) filter).
        private TypeDefinitionHandle? InModule(SigType type)
        {
            var inner = type.InnermostElement;
            return inner.Kind == SigKind.Named ? InModule(inner.Handle) : null;
        }

        private TypeDefinitionHandle? InModule(EntityHandle handle)
        {
            if (handle.Kind == HandleKind.TypeDefinition)
            {
                return (TypeDefinitionHandle)handle;
            }
            if (handle.Kind == HandleKind.TypeReference && ScopeIsThisModule((TypeReferenceHandle)handle)
                && _byName.TryGetValue(TypeNames.Of(_md, handle), out var def))
            {
                return def;
            }
            return null;
        }

        private bool ScopeIsThisModule(TypeReferenceHandle h)
        {
            var scope = _md.GetTypeReference(h).ResolutionScope;
            return scope.Kind == HandleKind.TypeReference
                ? ScopeIsThisModule((TypeReferenceHandle)scope)
                : scope.Kind == HandleKind.ModuleDefinition;
        }
    }
}
