using System.Reflection.Metadata;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// Type names in Mono.Cecil's <c>FullName</c> format ("Ns.Name"; nested types "Ns.Outer/Inner", the nested
/// type's own namespace being empty in metadata), the format the nanoFramework MetadataProcessor compares on.
/// </summary>
public static class TypeNames
{
    /// <summary>The deepest nesting of types a name is built for; deeper (or a nesting cycle) is bad metadata.</summary>
    public const int MaxNesting = 64;

    /// <summary>Full name of a type defined in <paramref name="reader"/>.</summary>
    /// <exception cref="BadImageFormatException">A nesting cycle (a type enclosing itself) or nesting deeper than <see cref="MaxNesting"/>.</exception>
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var parts = new List<string>();
        var current = handle;
        for (int depth = 0; ; depth++)
        {
            if (depth > MaxNesting)
            {
                throw new BadImageFormatException($"type {reader.GetString(reader.GetTypeDefinition(handle).Name)} (TypeDef row {System.Reflection.Metadata.Ecma335.MetadataTokens.GetRowNumber(handle)}): nested-type cycle or nesting deeper than {MaxNesting}");
            }

            var def = reader.GetTypeDefinition(current);
            parts.Add(reader.GetString(def.Name));
            var declaring = def.GetDeclaringType();
            if (declaring.IsNil)
            {
                string ns = reader.GetString(def.Namespace);
                parts.Reverse();
                string full = string.Join("/", parts);
                return ns.Length == 0 ? full : ns + "." + full;
            }

            current = declaring;
        }
    }

    /// <summary>Full name of a type referenced from <paramref name="reader"/>.</summary>
    /// <exception cref="BadImageFormatException">A resolution-scope cycle or nesting deeper than <see cref="MaxNesting"/>.</exception>
    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var parts = new List<string>();
        var current = handle;
        for (int depth = 0; ; depth++)
        {
            if (depth > MaxNesting)
            {
                throw new BadImageFormatException($"type reference {reader.GetString(reader.GetTypeReference(handle).Name)}: nested-type cycle or nesting deeper than {MaxNesting}");
            }

            var r = reader.GetTypeReference(current);
            parts.Add(reader.GetString(r.Name));
            if (r.ResolutionScope.Kind != HandleKind.TypeReference)
            {
                string ns = reader.GetString(r.Namespace);
                parts.Reverse();
                string full = string.Join("/", parts);
                return ns.Length == 0 ? full : ns + "." + full;
            }

            current = (TypeReferenceHandle)r.ResolutionScope;
        }
    }

    /// <summary>Full name of a TypeDef or TypeRef handle; "" for anything else.</summary>
    public static string Of(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => Of(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => Of(reader, (TypeReferenceHandle)handle),
        _ => "",
    };

    /// <summary>The namespace of a TypeDef as stored in metadata (empty for nested types).</summary>
    public static string NamespaceOf(MetadataReader reader, TypeDefinitionHandle handle) =>
        reader.GetString(reader.GetTypeDefinition(handle).Namespace);

    /// <summary>"Type::Method" for a method definition, the way offences and reports name members.</summary>
    public static string MemberOf(MetadataReader reader, MethodDefinitionHandle handle)
    {
        var m = reader.GetMethodDefinition(handle);
        return Of(reader, m.GetDeclaringType()) + "::" + reader.GetString(m.Name);
    }

    /// <summary>"Type::Field" for a field definition.</summary>
    public static string MemberOf(MetadataReader reader, FieldDefinitionHandle handle)
    {
        var f = reader.GetFieldDefinition(handle);
        return Of(reader, f.GetDeclaringType()) + "::" + reader.GetString(f.Name);
    }
}
