using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// The nanoFramework gate: reads a built assembly and reports everything the nanoCLR 1.x or the
/// MetadataProcessor (MDP) would reject, naming the type and member of each offence.
/// </summary>
/// <remarks>
/// MDP rejections implemented here, from nanoframework/metadata-processor (MetadataProcessor.Shared):
/// multidimensional arrays (Tables/nanoTypeSpecificationsTable.cs throws ".NET nanoFramework doesn't have support
/// for multidimensional arrays"), pointer locals (nanoAssemblyBuilder.cs throws "Pointer types in unsafe code
/// aren't supported"), more than 255 virtual / instance / static methods in one type (Tables/nanoTypeDefinitionTable.cs
/// throws "exceeds maximum supported (255)"), and the widths of the .pe records: argument, local and
/// eval-stack counts are bytes (Tables/nanoMethodDefinitionTable.cs), switch target and exception-handler counts are
/// bytes (Mono.Cecil/CodeWriter.cs), interface counts are bytes (Tables/nanoSignaturesTable.cs), byte-code RVAs and
/// string ids are 16-bit offsets (Tables/nanoByteCodeTable.cs, Tables/nanoStringTable.cs). calli is refused because
/// CodeWriter writes no operand for InlineSig.
/// </remarks>
public sealed class NfGate
{
    /// <summary>The only assembly a nanoFramework library may reference.</summary>
    public const string MscorlibName = "mscorlib";

    /// <summary>Version of the referenced mscorlib.</summary>
    public static readonly Version MscorlibVersion = new(1, 17, 11, 0);

    /// <summary>Public key token of nanoFramework's mscorlib.</summary>
    public const string MscorlibToken = "c07d481e9758c731";

    private const int ByteMax = 255;
    private const int UShortOffsetMax = 0xFFFF;

    private readonly MscorlibSurface _mscorlib;
    private readonly List<NfOffence> _offences = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<EntityHandle, string> _firstUse = new();
    private readonly HashSet<EntityHandle> _checkedSpecs = new();
    private MetadataReader _md = null!;
    private SigTypeProvider _provider = null!;
    private AssemblyReferenceHandle _mscorlibRef;

    private readonly HashSet<string> _allowedReferences;

    /// <summary>Creates a gate against the given mscorlib surface.</summary>
    /// <param name="mscorlib">What mscorlib 1.17.11 defines.</param>
    /// <param name="allowedReferences">
    /// Names of other nanoFramework assemblies this one may reference (e.g. "NanoRemap" for an application built on
    /// the library); their own types and members are not checked here - gate those assemblies themselves.
    /// </param>
    public NfGate(MscorlibSurface mscorlib, IEnumerable<string>? allowedReferences = null)
    {
        _mscorlib = mscorlib;
        _allowedReferences = new HashSet<string>(allowedReferences ?? Array.Empty<string>(), StringComparer.Ordinal);
    }

    /// <summary>Whether an assembly name is one of the NanoRemap libraries (NanoRemap, NanoRemap.Mmio, NanoRemap.Boards, NanoRemap.Mmio.Simulation, NanoRemap.&lt;Chip&gt;), which a driver may reference; they are gated themselves.</summary>
    /// <param name="name">Assembly name.</param>
    /// <returns>True for a NanoRemap library.</returns>
    public static bool IsNanoRemapLibrary(string name) =>
        name == "NanoRemap" || name == "NanoRemap.Mmio" || name == "NanoRemap.Boards" || name == "NanoRemap.Mmio.Simulation"
        || name.StartsWith("NanoRemap.Esp32", StringComparison.Ordinal);

    /// <summary>
    /// The names of the nanoFramework assemblies (each referencing mscorlib 1.17.11 with nanoFramework's key) in the
    /// folder of <paramref name="assemblyPath"/>, as a build output folder holds a driver's references.
    /// </summary>
    /// <param name="assemblyPath">The assembly to be checked.</param>
    /// <returns>Assembly names (the checked one excluded).</returns>
    public static IReadOnlyList<string> NanoFrameworkAssembliesBeside(string assemblyPath)
    {
        var names = new List<string>();
        string full = Path.GetFullPath(assemblyPath);
        string? dir = Path.GetDirectoryName(full);
        if (dir == null || !Directory.Exists(dir))
        {
            return names;
        }

        foreach (string dll in Directory.EnumerateFiles(dir, "*.dll"))
        {
            if (string.Equals(Path.GetFullPath(dll), full, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var stream = File.OpenRead(dll);
                using var pe = new PEReader(stream);
                if (!pe.HasMetadata)
                {
                    continue;
                }

                var md = pe.GetMetadataReader();
                if (!md.IsAssembly)
                {
                    continue;
                }

                bool nano = md.AssemblyReferences.Select(md.GetAssemblyReference).Any(r =>
                    md.GetString(r.Name) == MscorlibName && r.Version == MscorlibVersion && PublicKeyTokens.FromBlob(md.GetBlobBytes(r.PublicKeyOrToken)) == MscorlibToken);
                if (nano)
                {
                    names.Add(md.GetString(md.GetAssemblyDefinition().Name));
                }
            }
            catch (BadImageFormatException)
            {
                // not a managed assembly
            }
        }

        return names;
    }

    /// <summary>Checks the assembly at <paramref name="assemblyPath"/>; an empty list means it is clean.</summary>
    public IReadOnlyList<NfOffence> Check(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return MalformedAssembly.Guard(assemblyPath, () => Check(pe));
    }

    /// <summary>Checks an already opened assembly.</summary>
    public IReadOnlyList<NfOffence> Check(PEReader pe)
    {
        _offences.Clear();
        _seen.Clear();
        _firstUse.Clear();
        _checkedSpecs.Clear();
        _md = pe.GetMetadataReader();
        _provider = new SigTypeProvider(_md);

        CheckAssemblyReferences();
        CheckModuleReferences();

        long nanoByteCode = 0;
        var userStrings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var th in _md.TypeDefinitions)
        {
            nanoByteCode += CheckType(pe, th, userStrings);
        }

        CheckTypeReferences();
        CheckMemberReferences();
        CheckRemainingSpecs();
        CheckSizes(nanoByteCode, userStrings);
        return _offences.ToList();
    }

    private void Report(string where, string rule, string message)
    {
        var o = new NfOffence(where, rule, message);
        if (_seen.Add(o.ToString()))
        {
            _offences.Add(o);
        }
    }

    private void CheckAssemblyReferences()
    {
        _mscorlibRef = default;
        foreach (var h in _md.AssemblyReferences)
        {
            var r = _md.GetAssemblyReference(h);
            string name = _md.GetString(r.Name);
            string token = PublicKeyTokens.FromBlob(_md.GetBlobBytes(r.PublicKeyOrToken));
            if (name == MscorlibName && r.Version == MscorlibVersion && token == MscorlibToken)
            {
                _mscorlibRef = h;
                continue;
            }
            if (_allowedReferences.Contains(name) || IsNanoRemapLibrary(name))
            {
                continue;
            }
            Report("<assembly>", NfRule.AssemblyReference,
                $"references {name} {r.Version} ({(token.Length == 0 ? "no key" : token)}); the only reference allowed is {MscorlibName} {MscorlibVersion} ({MscorlibToken})");
        }
        if (_mscorlibRef.IsNil && _md.AssemblyReferences.Count == 0)
        {
            // An assembly with no references at all is not built against nanoFramework's mscorlib.
            Report("<assembly>", NfRule.AssemblyReference, $"has no reference to {MscorlibName} {MscorlibVersion}");
        }
    }

    private void CheckModuleReferences()
    {
        for (int row = 1; row <= _md.GetTableRowCount(TableIndex.ModuleRef); row++)
        {
            var h = MetadataTokens.ModuleReferenceHandle(row);
            Report("<assembly>", NfRule.PInvoke, $"module reference '{_md.GetString(_md.GetModuleReference(h).Name)}' (P/Invoke): use InternalCall externs instead");
        }
    }

    private long CheckType(PEReader pe, TypeDefinitionHandle th, HashSet<string> userStrings)
    {
        var td = _md.GetTypeDefinition(th);
        string typeName = TypeNames.Of(_md, th);

        if (td.GetGenericParameters().Count > 0)
        {
            Report(typeName, NfRule.GenericDefinition, $"generic type definition with {td.GetGenericParameters().Count} type parameter(s)");
        }
        if (!td.BaseType.IsNil)
        {
            CheckHandleType(td.BaseType, typeName, "base type");
        }

        // An inheritance cycle among the assembly's own types (A : B, B : A): no runtime loads it.
        var chain = new List<TypeDefinitionHandle> { th };
        for (var b = td.BaseType; !b.IsNil && b.Kind == HandleKind.TypeDefinition; b = _md.GetTypeDefinition((TypeDefinitionHandle)b).BaseType)
        {
            var bh = (TypeDefinitionHandle)b;
            if (chain.Contains(bh))
            {
                Report(typeName, NfRule.InvalidMetadata, $"inheritance cycle: {string.Join(" : ", chain.Select(x => TypeNames.Of(_md, x)))} : {TypeNames.Of(_md, bh)}");
                break;
            }

            chain.Add(bh);
        }

        int interfaces = 0;
        foreach (var ih in td.GetInterfaceImplementations())
        {
            interfaces++;
            CheckHandleType(_md.GetInterfaceImplementation(ih).Interface, typeName, "interface");
        }
        if (interfaces > ByteMax)
        {
            Report(typeName, NfRule.Limit, $"implements {interfaces} interfaces; the .pe interface list count is a byte (max {ByteMax})");
        }

        foreach (var fh in td.GetFields())
        {
            var f = _md.GetFieldDefinition(fh);
            string where = TypeNames.MemberOf(_md, fh);
            CheckSigType(f.DecodeSignature(_provider, null), where, "field type");
        }

        int virtuals = 0, instances = 0, statics = 0;
        long byteCode = 0;
        foreach (var mh in td.GetMethods())
        {
            var m = _md.GetMethodDefinition(mh);
            bool isStatic = (m.Attributes & MethodAttributes.Static) != 0;
            bool isVirtual = (m.Attributes & MethodAttributes.Virtual) != 0;
            if (isVirtual)
            {
                virtuals++;
            }
            if (isStatic)
            {
                statics++;
            }
            if (!isVirtual && !isStatic)
            {
                instances++;
            }
            byteCode += CheckMethod(pe, mh, m, isStatic, userStrings);
        }

        // MDP nanoTypeDefinitionTable.WriteMethodBodies: "... methods count (N) exceeds maximum supported (255)".
        if (virtuals > ByteMax)
        {
            Report(typeName, NfRule.Limit, $"{virtuals} virtual methods exceed the MetadataProcessor maximum ({ByteMax})");
        }
        if (instances > ByteMax)
        {
            Report(typeName, NfRule.Limit, $"{instances} instance methods exceed the MetadataProcessor maximum ({ByteMax})");
        }
        if (statics > ByteMax)
        {
            Report(typeName, NfRule.Limit, $"{statics} static methods exceed the MetadataProcessor maximum ({ByteMax})");
        }
        return byteCode;
    }

    private long CheckMethod(PEReader pe, MethodDefinitionHandle mh, MethodDefinition m, bool isStatic, HashSet<string> userStrings)
    {
        string where = TypeNames.MemberOf(_md, mh);
        int genericCount = m.GetGenericParameters().Count;
        if (genericCount > 0)
        {
            Report(where, NfRule.GenericDefinition, $"generic method definition with {genericCount} type parameter(s)");
        }
        if ((m.Attributes & MethodAttributes.PinvokeImpl) != 0)
        {
            Report(where, NfRule.PInvoke, "P/Invoke (DllImport) method: use [MethodImpl(MethodImplOptions.InternalCall)] extern instead");
        }

        var sig = m.DecodeSignature(_provider, null);
        CheckSigType(sig.ReturnType, where, "return type");
        for (int i = 0; i < sig.ParameterTypes.Length; i++)
        {
            CheckSigType(sig.ParameterTypes[i], where, $"parameter #{i}");
        }
        int arguments = sig.ParameterTypes.Length + (isStatic ? 0 : 1);
        if (arguments > ByteMax)
        {
            Report(where, NfRule.Limit, $"{arguments} arguments; the .pe ArgumentsCount is a byte (max {ByteMax})");
        }

        if (m.RelativeVirtualAddress == 0)
        {
            return 0;
        }

        var body = pe.GetMethodBody(m.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            var locals = _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_provider, null);
            for (int i = 0; i < locals.Length; i++)
            {
                CheckLocal(locals[i], where, i);
            }
            if (locals.Length > ByteMax)
            {
                Report(where, NfRule.Limit, $"{locals.Length} locals; the .pe LocalsCount is a byte (max {ByteMax})");
            }
        }
        if (body.MaxStack > ByteMax)
        {
            Report(where, NfRule.Limit, $"evaluation stack of {body.MaxStack}; the .pe LengthEvalStack is a byte (max {ByteMax})");
        }
        if (body.ExceptionRegions.Length > ByteMax)
        {
            Report(where, NfRule.Limit, $"{body.ExceptionRegions.Length} exception handlers; the .pe handler count is a byte (max {ByteMax})");
        }
        foreach (var region in body.ExceptionRegions)
        {
            if (!region.CatchType.IsNil)
            {
                CheckHandleType(region.CatchType, where, "catch type");
            }
        }

        // nanoByteCodeTable / CodeWriter: tokens and long branches shrink from 4 to 2 bytes, a switch table to
        // 1 + 2n bytes; each exception clause takes 12 bytes plus one count byte.
        long size = body.Size;
        foreach (var ins in IlReader.Read(body))
        {
            CheckInstruction(ins, where, userStrings);
            switch (ins.OpCode.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineBrTarget:
                case OperandType.InlineString:
                    size -= 2;
                    break;
                case OperandType.InlineSwitch:
                    size -= 3 + 2L * ins.SwitchTargets;
                    break;
                case OperandType.InlineSig:
                    size -= 4;
                    break;
            }
        }
        if (body.ExceptionRegions.Length > 0)
        {
            size += 12L * body.ExceptionRegions.Length + 1;
        }
        return size;
    }

    private void CheckLocal(SigType local, string where, int index)
    {
        foreach (var t in local.SelfAndDescendants())
        {
            if (t.Kind == SigKind.Pointer)
            {
                Report(where, NfRule.UnsafeLocal, $"local #{index} is {local.CecilName}: pointer types in unsafe code aren't supported (MetadataProcessor)");
                return;
            }
            if (t.Kind == SigKind.Pinned)
            {
                Report(where, NfRule.UnsafeLocal, $"local #{index} is pinned ({local.CecilName}): 'fixed' / unsafe code isn't supported");
                return;
            }
        }
        CheckSigType(local, where, $"local #{index}");
    }

    private void CheckInstruction(IlInstruction ins, string where, HashSet<string> userStrings)
    {
        var op = ins.OpCode;
        if (op == OpCodes.Calli)
        {
            Report(where, NfRule.UnsupportedIl, $"IL_{ins.Offset:X4} calli: indirect calls through function pointers aren't supported (MetadataProcessor writes no InlineSig operand)");
        }
        else if (op == OpCodes.Localloc)
        {
            Report(where, NfRule.UnsupportedIl, $"IL_{ins.Offset:X4} localloc (stackalloc): unsafe stack allocation isn't supported");
        }
        else if (op == OpCodes.Arglist)
        {
            Report(where, NfRule.UnsupportedIl, $"IL_{ins.Offset:X4} arglist (__arglist varargs) isn't supported");
        }
        else if (op == OpCodes.Mkrefany || op == OpCodes.Refanyval || op == OpCodes.Refanytype)
        {
            Report(where, NfRule.UnsupportedIl, $"IL_{ins.Offset:X4} {op.Name}: typed references (__makeref) aren't supported");
        }
        else if (op == OpCodes.Cpblk || op == OpCodes.Initblk)
        {
            Report(where, NfRule.UnsupportedIl, $"IL_{ins.Offset:X4} {op.Name}: unsafe block memory operations aren't supported");
        }

        if (op.OperandType == OperandType.InlineSwitch && ins.SwitchTargets > ByteMax)
        {
            Report(where, NfRule.Limit, $"IL_{ins.Offset:X4} switch with {ins.SwitchTargets} targets; the .pe target count is a byte (max {ByteMax})");
        }
        if (op.OperandType == OperandType.InlineString)
        {
            userStrings.Add(_md.GetUserString(MetadataTokens.UserStringHandle(ins.Token)));
            return;
        }
        if (op.OperandType == OperandType.InlineSig)
        {
            var sh = (StandaloneSignatureHandle)MetadataTokens.EntityHandle(ins.Token);
            var fsig = _md.GetStandaloneSignature(sh).DecodeMethodSignature(_provider, null);
            CheckSigType(SigType.FunctionPointer(fsig), where, "calli signature");
            return;
        }
        if (!ins.HasMemberToken)
        {
            return;
        }

        var handle = MetadataTokens.EntityHandle(ins.Token);
        _firstUse.TryAdd(handle, where);
        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
            case HandleKind.TypeReference:
                CheckHandleType(handle, where, $"IL_{ins.Offset:X4} {op.Name} operand");
                break;
            case HandleKind.MethodSpecification:
                CheckMethodSpec((MethodSpecificationHandle)handle, where);
                break;
            case HandleKind.MemberReference:
                var parent = _md.GetMemberReference((MemberReferenceHandle)handle).Parent;
                _firstUse.TryAdd(parent, where);
                if (parent.Kind == HandleKind.TypeSpecification)
                {
                    CheckHandleType(parent, where, $"IL_{ins.Offset:X4} {op.Name} member parent");
                }
                break;
        }
    }

    private void CheckMethodSpec(MethodSpecificationHandle handle, string where)
    {
        _checkedSpecs.Add(handle);
        var spec = _md.GetMethodSpecification(handle);
        var args = spec.DecodeSignature(_provider, null);
        string argText = string.Join(",", args.Select(a => a.CecilName));
        foreach (var a in args)
        {
            CheckSigType(a, where, "generic method argument");
        }

        if (spec.Method.Kind == HandleKind.MethodDefinition)
        {
            Report(where, NfRule.GenericInstantiation, $"instantiates its own generic method {TypeNames.MemberOf(_md, (MethodDefinitionHandle)spec.Method)}<{argText}>");
            return;
        }

        var mr = _md.GetMemberReference((MemberReferenceHandle)spec.Method);
        string name = _md.GetString(mr.Name);
        string owner = OwnerName(mr.Parent);
        if (!IsMscorlibType(mr.Parent) || !_mscorlib.HasGenericMethod(owner, name))
        {
            Report(where, NfRule.GenericInstantiation, $"instantiates generic method {owner}::{name}<{argText}>, which is not a generic method of mscorlib {MscorlibVersion}");
        }
    }

    private void CheckHandleType(EntityHandle handle, string where, string context)
    {
        _firstUse.TryAdd(handle, where);
        if (handle.Kind == HandleKind.TypeSpecification)
        {
            _checkedSpecs.Add(handle);
            CheckSigType(_md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_provider, null), where, context);
        }
    }

    private void CheckSigType(SigType type, string where, string context)
    {
        foreach (var t in type.SelfAndDescendants())
        {
            switch (t.Kind)
            {
                case SigKind.Array:
                    Report(where, NfRule.MultidimensionalArray, $"{context} uses {t.CecilName}: .NET nanoFramework doesn't have support for multidimensional arrays (use jagged arrays)");
                    break;
                case SigKind.Pointer:
                    Report(where, NfRule.Pointer, $"{context} uses pointer type {t.CecilName}");
                    break;
                case SigKind.FunctionPointer:
                    Report(where, NfRule.FunctionPointer, $"{context} uses function pointer type {t.CecilName}");
                    break;
                case SigKind.Pinned:
                    Report(where, NfRule.UnsafeLocal, $"{context} is pinned ({t.CecilName})");
                    break;
                case SigKind.Primitive when t.FullName == "System.TypedReference":
                    Report(where, NfRule.UnsupportedIl, $"{context} uses System.TypedReference");
                    break;
                case SigKind.Named:
                    _firstUse.TryAdd(t.Handle, where);
                    break;
                case SigKind.GenericInst:
                    CheckInstantiation(t, where, context);
                    break;
            }
        }
    }

    private void CheckInstantiation(SigType inst, string where, string context)
    {
        var generic = inst.Element!;
        bool allowed = generic.Kind == SigKind.Named
            && generic.Handle.Kind == HandleKind.TypeReference
            && IsMscorlibType(generic.Handle)
            && _mscorlib.GenericArity(generic.FullName) == inst.Arguments.Length;
        if (!allowed)
        {
            string known = string.Join(", ", _mscorlib.GenericTypes.OrderBy(n => n, StringComparer.Ordinal));
            string whose = generic.Handle.Kind == HandleKind.TypeDefinition ? "this assembly's generic type" : "a generic type mscorlib " + MscorlibVersion + " does not define";
            Report(where, NfRule.GenericInstantiation, $"{context} instantiates {inst.CecilName}, {whose} (mscorlib defines only: {known})");
        }
    }

    private bool IsMscorlibType(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var scope = _md.GetTypeReference((TypeReferenceHandle)handle).ResolutionScope;
                if (scope.Kind == HandleKind.TypeReference)
                {
                    return IsMscorlibType(scope);
                }
                return scope.Kind == HandleKind.AssemblyReference && !_mscorlibRef.IsNil && (AssemblyReferenceHandle)scope == _mscorlibRef;
            case HandleKind.TypeSpecification:
                var t = _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_provider, null);
                return t.Kind == SigKind.GenericInst && t.Element!.Kind == SigKind.Named && IsMscorlibType(t.Element.Handle);
            default:
                return false;
        }
    }

    private string OwnerName(EntityHandle parent)
    {
        if (parent.Kind == HandleKind.TypeSpecification)
        {
            var t = _md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(_provider, null);
            return t.Kind == SigKind.GenericInst ? t.Element!.FullName : t.CecilName;
        }
        return TypeNames.Of(_md, parent);
    }

    private string UseOf(EntityHandle handle, string fallback) => _firstUse.TryGetValue(handle, out var w) ? w : fallback;

    private void CheckTypeReferences()
    {
        foreach (var h in _md.TypeReferences)
        {
            if (!IsMscorlibType(h))
            {
                continue;
            }
            string name = TypeNames.Of(_md, h);
            if (!_mscorlib.HasType(name))
            {
                Report(UseOf(h, "<assembly>"), NfRule.MissingType, $"references {name}, which mscorlib {MscorlibVersion} does not define");
            }
        }
    }

    private void CheckMemberReferences()
    {
        foreach (var h in _md.MemberReferences)
        {
            var mr = _md.GetMemberReference(h);
            string where = UseOf(h, UseOf(mr.Parent, "<assembly>"));
            if (mr.Parent.Kind == HandleKind.TypeSpecification)
            {
                CheckHandleType(mr.Parent, where, "member parent");
            }
            if (!IsMscorlibType(mr.Parent))
            {
                continue;
            }

            string owner = OwnerName(mr.Parent);
            if (!_mscorlib.HasType(owner))
            {
                continue; // reported as a missing type
            }
            string name = _md.GetString(mr.Name);
            string description;
            if (mr.GetKind() == MemberReferenceKind.Field)
            {
                var ft = mr.DecodeFieldSignature(_provider, null);
                CheckSigType(ft, where, $"field reference {owner}::{name}");
                description = SigTypeProvider.Describe(ft);
            }
            else
            {
                var ms = mr.DecodeMethodSignature(_provider, null);
                CheckSigType(ms.ReturnType, where, $"method reference {owner}::{name}");
                foreach (var p in ms.ParameterTypes)
                {
                    CheckSigType(p, where, $"method reference {owner}::{name}");
                }
                description = SigTypeProvider.Describe(ms);
            }

            if (!_mscorlib.HasMember(owner, name, description))
            {
                string why = _mscorlib.HasMemberNamed(owner, name) ? "no member of that name has this signature" : "no member of that name exists";
                Report(where, NfRule.MissingMember, $"references {owner}::{name} [{description}] but mscorlib {MscorlibVersion} has no such member ({why})");
            }
        }
    }

    private void CheckRemainingSpecs()
    {
        // Type and method specs not reached from any type, field or method body (e.g. used only by attributes).
        for (int row = 1; row <= _md.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            var h = MetadataTokens.TypeSpecificationHandle(row);
            if (!_checkedSpecs.Contains(h))
            {
                CheckHandleType(h, UseOf(h, "<assembly>"), "type specification");
            }
        }
        for (int row = 1; row <= _md.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            var h = MetadataTokens.MethodSpecificationHandle(row);
            if (!_checkedSpecs.Contains(h))
            {
                CheckMethodSpec(h, UseOf(h, "<assembly>"));
            }
        }
    }

    private void CheckSizes(long nanoByteCode, HashSet<string> userStrings)
    {
        if (nanoByteCode > UShortOffsetMax)
        {
            Report("<assembly>", NfRule.Limit, $"about {nanoByteCode} bytes of nano byte code; method RVAs in the .pe are 16-bit (max {UShortOffsetMax})");
        }

        // Upper bound of the .pe string table: every distinct name plus every ldstr literal, UTF-8 + NUL.
        var strings = new HashSet<string>(userStrings, StringComparer.Ordinal);
        foreach (var h in _md.TypeDefinitions)
        {
            var t = _md.GetTypeDefinition(h);
            strings.Add(_md.GetString(t.Name));
            strings.Add(_md.GetString(t.Namespace));
            foreach (var f in t.GetFields())
            {
                // Const fields never reach the .pe: the MDP drops them (nanoTypeDefinitionTable filters HasConstant),
                // and nanoStringTable.RemoveUnusedItems pre-allocates only non-static field names.
                var fd = _md.GetFieldDefinition(f);
                if ((fd.Attributes & FieldAttributes.Literal) == 0)
                {
                    strings.Add(_md.GetString(fd.Name));
                }
            }
            foreach (var m in t.GetMethods())
            {
                strings.Add(_md.GetString(_md.GetMethodDefinition(m).Name));
            }
        }
        foreach (var h in _md.TypeReferences)
        {
            var r = _md.GetTypeReference(h);
            strings.Add(_md.GetString(r.Name));
            strings.Add(_md.GetString(r.Namespace));
        }
        foreach (var h in _md.MemberReferences)
        {
            strings.Add(_md.GetString(_md.GetMemberReference(h).Name));
        }
        long bytes = strings.Sum(s => (long)Encoding.UTF8.GetByteCount(s) + 1);
        if (bytes > UShortOffsetMax)
        {
            Report("<assembly>", NfRule.Limit, $"up to {bytes} bytes of strings; .pe string ids are 16-bit offsets (max {UShortOffsetMax})");
        }
    }
}
