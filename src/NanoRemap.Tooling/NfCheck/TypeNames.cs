using System.Reflection.Metadata;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// Type names in Mono.Cecil's <c>FullName</c> format ("Ns.Name"; nested types "Ns.Outer/Inner", the nested
/// type's own namespace being empty in metadata), the format the nanoFramework MetadataProcessor compares on.
/// </summary>
public static class TypeNames
{
    /// <summary>Full name of a type defined in <paramref name="reader"/>.</summary>
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var def = reader.GetTypeDefinition(handle);
        string name = reader.GetString(def.Name);
        var declaring = def.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return Of(reader, declaring) + "/" + name;
        }
        string ns = reader.GetString(def.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Full name of a type referenced from <paramref name="reader"/>.</summary>
    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var r = reader.GetTypeReference(handle);
        string name = reader.GetString(r.Name);
        if (r.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return Of(reader, (TypeReferenceHandle)r.ResolutionScope) + "/" + name;
        }
        string ns = reader.GetString(r.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
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
