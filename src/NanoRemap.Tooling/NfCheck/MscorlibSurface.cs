using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// What the nanoFramework mscorlib defines: its identity, its types (with base types), the members of each
/// type with their signatures, and which of its types and methods are generic. Read once from the package's
/// mscorlib.dll with System.Reflection.Metadata.
/// </summary>
public sealed class MscorlibSurface
{
    private readonly Dictionary<string, TypeInfo> _types = new(StringComparer.Ordinal);

    private sealed class TypeInfo
    {
        public string? BaseType;
        public int GenericArity;
        public readonly HashSet<string> Members = new(StringComparer.Ordinal);
        public readonly HashSet<string> MemberNames = new(StringComparer.Ordinal);
        public readonly HashSet<string> GenericMethods = new(StringComparer.Ordinal);
    }

    private MscorlibSurface(string path) => Path = path;

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Assembly name (expected "mscorlib").</summary>
    public string Name { get; private set; } = "";

    /// <summary>Assembly version (expected 1.17.11.0).</summary>
    public Version Version { get; private set; } = new();

    /// <summary>Public key token as lowercase hex (expected c07d481e9758c731).</summary>
    public string PublicKeyToken { get; private set; } = "";

    /// <summary>Full names (Cecil format) of the generic types mscorlib defines, e.g. "System.Action`1".</summary>
    public IReadOnlyCollection<string> GenericTypes => _types.Where(t => t.Value.GenericArity > 0).Select(t => t.Key).ToList();

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static MscorlibSurface Load(string path)
    {
        var surface = new MscorlibSurface(path);
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var def = md.GetAssemblyDefinition();
        surface.Name = md.GetString(def.Name);
        surface.Version = def.Version;
        var key = md.GetBlobBytes(def.PublicKey);
        surface.PublicKeyToken = key.Length == 0 ? "" : PublicKeyTokens.FromPublicKey(key);

        var provider = new SigTypeProvider(md);
        foreach (var th in md.TypeDefinitions)
        {
            var td = md.GetTypeDefinition(th);
            var info = new TypeInfo
            {
                GenericArity = td.GetGenericParameters().Count,
                BaseType = td.BaseType.IsNil ? null : BaseName(md, provider, td.BaseType),
            };
            foreach (var mh in td.GetMethods())
            {
                var m = md.GetMethodDefinition(mh);
                string name = md.GetString(m.Name);
                var sig = m.DecodeSignature(provider, null);
                info.Members.Add(name + " " + SigTypeProvider.Describe(sig));
                info.MemberNames.Add(name);
                if (sig.GenericParameterCount > 0)
                {
                    info.GenericMethods.Add(name);
                }
            }
            foreach (var fh in td.GetFields())
            {
                var f = md.GetFieldDefinition(fh);
                string name = md.GetString(f.Name);
                info.Members.Add(name + " " + SigTypeProvider.Describe(f.DecodeSignature(provider, null)));
                info.MemberNames.Add(name);
            }
            surface._types[TypeNames.Of(md, th)] = info;
        }
        return surface;
    }

    private static string BaseName(MetadataReader md, SigTypeProvider provider, EntityHandle handle) =>
        handle.Kind == HandleKind.TypeSpecification
            ? md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null).InnermostElement.FullName
            : TypeNames.Of(md, handle);

    /// <summary>True when mscorlib defines a type of this full name.</summary>
    public bool HasType(string fullName) => _types.ContainsKey(fullName);

    /// <summary>Generic arity of an mscorlib type (0 when not generic or unknown).</summary>
    public int GenericArity(string fullName) => _types.TryGetValue(fullName, out var t) ? t.GenericArity : 0;

    /// <summary>True when <paramref name="typeFullName"/> (or one of its base types) defines a generic method of that name.</summary>
    public bool HasGenericMethod(string typeFullName, string methodName) =>
        Hierarchy(typeFullName).Any(t => t.GenericMethods.Contains(methodName));

    /// <summary>
    /// True when the type or one of its base types declares a member with exactly this name and signature
    /// (<paramref name="description"/> as produced by <see cref="SigTypeProvider.Describe(MethodSignature{SigType})"/>).
    /// </summary>
    public bool HasMember(string typeFullName, string name, string description) =>
        Hierarchy(typeFullName).Any(t => t.Members.Contains(name + " " + description));

    /// <summary>True when the type or a base type has any member of that name (used to tell "missing" from "signature differs").</summary>
    public bool HasMemberNamed(string typeFullName, string name) => Hierarchy(typeFullName).Any(t => t.MemberNames.Contains(name));

    /// <summary>True when <paramref name="typeFullName"/> is <paramref name="baseFullName"/> or derives from it.</summary>
    public bool DerivesFrom(string typeFullName, string baseFullName)
    {
        string? current = typeFullName;
        for (int guard = 0; current is not null && guard < 64; guard++)
        {
            if (current == baseFullName)
            {
                return true;
            }
            current = _types.TryGetValue(current, out var t) ? t.BaseType : null;
        }
        return false;
    }

    private IEnumerable<TypeInfo> Hierarchy(string typeFullName)
    {
        string? current = typeFullName;
        for (int guard = 0; current is not null && guard < 64 && _types.TryGetValue(current, out var t); guard++)
        {
            yield return t;
            current = t.BaseType;
        }
    }
}
