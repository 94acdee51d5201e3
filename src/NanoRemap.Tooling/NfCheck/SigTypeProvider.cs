using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NanoRemap.Tooling.NfCheck;

/// <summary>Decodes signature blobs of one assembly into <see cref="SigType"/> trees (nothing is rejected here).</summary>
public sealed class SigTypeProvider : ISignatureTypeProvider<SigType, object?>
{
    private readonly MetadataReader _reader;

    /// <summary>Creates a provider naming types of <paramref name="reader"/>.</summary>
    public SigTypeProvider(MetadataReader reader) => _reader = reader;

    /// <summary>A decoder over this provider.</summary>
    public SignatureDecoder<SigType, object?> Decoder => new(this, _reader, null);

    /// <inheritdoc/>
    public SigType GetPrimitiveType(PrimitiveTypeCode typeCode) => SigType.Primitive(PrimitiveName(typeCode));

    /// <summary>The BCL full name of a primitive element type.</summary>
    public static string PrimitiveName(PrimitiveTypeCode code) => code switch
    {
        PrimitiveTypeCode.Void => "System.Void",
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => "System.?" + code,
    };

    /// <inheritdoc/>
    public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        SigType.Named(TypeNames.Of(reader, handle), handle, rawTypeKind == (byte)SignatureTypeKind.ValueType);

    /// <inheritdoc/>
    public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        SigType.Named(TypeNames.Of(reader, handle), handle, rawTypeKind == (byte)SignatureTypeKind.ValueType);

    /// <inheritdoc/>
    public SigType GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    /// <inheritdoc/>
    public SigType GetSZArrayType(SigType elementType) => SigType.Wrap(SigKind.SZArray, elementType);

    /// <inheritdoc/>
    public SigType GetArrayType(SigType elementType, ArrayShape shape) => SigType.Wrap(SigKind.Array, elementType, shape.Rank);

    /// <inheritdoc/>
    public SigType GetByReferenceType(SigType elementType) => SigType.Wrap(SigKind.ByRef, elementType);

    /// <inheritdoc/>
    public SigType GetPointerType(SigType elementType) => SigType.Wrap(SigKind.Pointer, elementType);

    /// <inheritdoc/>
    public SigType GetPinnedType(SigType elementType) => SigType.Wrap(SigKind.Pinned, elementType);

    /// <inheritdoc/>
    public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments) =>
        SigType.Generic(genericType, typeArguments);

    /// <inheritdoc/>
    public SigType GetGenericTypeParameter(object? genericContext, int index) => SigType.Parameter(SigKind.TypeParameter, index);

    /// <inheritdoc/>
    public SigType GetGenericMethodParameter(object? genericContext, int index) => SigType.Parameter(SigKind.MethodParameter, index);

    /// <inheritdoc/>
    public SigType GetFunctionPointerType(MethodSignature<SigType> signature) => SigType.FunctionPointer(signature);

    /// <inheritdoc/>
    public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired) =>
        SigType.Modified(unmodifiedType, modifier, isRequired);

    /// <summary>Canonical text of a method signature, comparable across assemblies (names, not tokens).</summary>
    public static string Describe(MethodSignature<SigType> sig)
    {
        string head = (sig.Header.IsInstance ? "instance " : "") +
            (sig.Header.CallingConvention == SignatureCallingConvention.VarArgs ? "vararg " : "") +
            (sig.GenericParameterCount > 0 ? "<" + sig.GenericParameterCount + "> " : "");
        return head + sig.ReturnType.CecilName + "(" + string.Join(",", sig.ParameterTypes.Select(p => p.CecilName)) + ")";
    }

    /// <summary>Canonical text of a field signature.</summary>
    public static string Describe(SigType fieldType) => "field " + fieldType.CecilName;
}
