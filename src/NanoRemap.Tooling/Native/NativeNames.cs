using System.Reflection;
using System.Reflection.Metadata;
using NanoRemap.Tooling.NfCheck;

namespace NanoRemap.Tooling.Native;

/// <summary>
/// The names the MetadataProcessor gives native methods - the strings that go into the native checksum and
/// into the stubs' <c>method_lookup[]</c> (e.g. <c>NativeRead32___STATIC__U4__U4</c>).
/// </summary>
/// <remarks>
/// Re-implemented from nanoframework/metadata-processor, MetadataProcessor.Shared/Utility/NativeMethodsCrc.cs
/// (GetClassName, GetMethodName, GetParameterType, GetnanoClrTypeName) at commit
/// 20729d99a7097e4521723118a41c491e8393bdf3, the primitive map of Tables/nanoSignaturesTable.cs
/// (s_primitiveTypes) at commit 0310a177133e3df65fca66534cc1367f245bdce6, and the DATATYPE_* names of
/// Utility/nanoCLR_DataType.cs at commit 20729d99a7097e4521723118a41c491e8393bdf3.
/// </remarks>
public static class NativeNames
{
    // nanoSignaturesTable.PrimitiveTypes, by Cecil full name, already with the "DATATYPE_" prefix removed
    // (GetParameterType strips it; the enum aliases LAST_* are mapped back to STRING / TIMESPAN / R8 there).
    private static readonly Dictionary<string, string> Primitives = new(StringComparer.Ordinal)
    {
        ["System.Void"] = "VOID",
        ["System.SByte"] = "I1",
        ["System.Int16"] = "I2",
        ["System.Int32"] = "I4",
        ["System.Int64"] = "I8",
        ["System.Byte"] = "U1",
        ["System.UInt16"] = "U2",
        ["System.UInt32"] = "U4",
        ["System.UInt64"] = "U8",
        ["System.Single"] = "R4",
        ["System.Double"] = "R8",
        ["System.Char"] = "CHAR",
        ["System.String"] = "STRING",
        ["System.Boolean"] = "BOOLEAN",
        ["System.Object"] = "OBJECT",
        ["System.IntPtr"] = "I4",
        ["System.UIntPtr"] = "U4",
        ["System.WeakReference"] = "WEAKCLASS",
    };

    /// <summary>
    /// GetClassName: <c>string.Join("_", GetClassName(declaringType), namespace, name).Replace(".", "_").TrimStart('_')</c>,
    /// e.g. "NanoRemap_Mmio_NativeRegisterAccess"; nested types "Ns_Outer__Inner" (a nested type's namespace is empty).
    /// </summary>
    public static string ClassName(MetadataReader md, TypeDefinitionHandle type)
    {
        // Built from the outermost type in, without recursion: TypeNames.Of refuses a nesting cycle first.
        _ = NfCheck.TypeNames.Of(md, type);
        var chain = new List<TypeDefinitionHandle>();
        for (var t = type; !t.IsNil; t = md.GetTypeDefinition(t).GetDeclaringType())
        {
            chain.Add(t);
        }

        string outer = "";
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            var td = md.GetTypeDefinition(chain[i]);
            outer = string.Join("_", outer, md.GetString(td.Namespace), md.GetString(td.Name)).Replace(".", "_").TrimStart('_');
        }

        return outer;
    }

    /// <summary>
    /// GetMethodName: name + ("___STATIC__" | "___") + return and parameter types joined by "__", then "." to "_"
    /// and "/" removed, e.g. "NativeWrite32___STATIC__VOID__U4__U4".
    /// </summary>
    public static string MethodName(MetadataReader md, MethodDefinitionHandle method)
    {
        var m = md.GetMethodDefinition(method);
        var sig = m.DecodeSignature(new SigTypeProvider(md), null);
        var parts = new List<string> { ParameterType(sig.ReturnType) };
        parts.AddRange(sig.ParameterTypes.Select(ParameterType));
        bool isStatic = (m.Attributes & MethodAttributes.Static) != 0;
        string name = md.GetString(m.Name) + (isStatic ? "___STATIC__" : "___") + string.Join("__", parts);
        return name.Replace(".", "_").Replace("/", "");
    }

    /// <summary>
    /// GetParameterType: arrays "SZARRAY_" + the innermost element (Cecil's GetElementType strips every layer),
    /// by-refs "BYREF_" + element (an array element one level deeper), everything else <see cref="ClrTypeName"/>.
    /// </summary>
    public static string ParameterType(SigType type)
    {
        string name;
        if (type.Kind is SigKind.SZArray or SigKind.Array)
        {
            name = "DATATYPE_SZARRAY_" + ParameterType(type.InnermostElement);
        }
        else if (type.Kind == SigKind.ByRef)
        {
            var element = type.Element!;
            name = "DATATYPE_BYREF_" + (element.Kind is SigKind.SZArray or SigKind.Array
                ? "DATATYPE_SZARRAY_" + ParameterType(element.Element!)
                : ClrTypeName(element));
        }
        else
        {
            name = ClrTypeName(type);
        }
        return name.Replace("DATATYPE_", "");
    }

    /// <summary>
    /// GetnanoClrTypeName: a primitive's DATATYPE name, "GENERICTYPE" for a generic parameter, otherwise the
    /// Cecil full name with the dots removed (e.g. "nanoFrameworkHardwareEsp32EspNativeError").
    /// </summary>
    public static string ClrTypeName(SigType type)
    {
        if (Primitives.TryGetValue(type.CecilName, out string? primitive))
        {
            return "DATATYPE_" + primitive;
        }
        if (type.Kind is SigKind.TypeParameter or SigKind.MethodParameter)
        {
            return "DATATYPE_GENERICTYPE";
        }
        return type.CecilName.Replace(".", string.Empty);
    }
}
