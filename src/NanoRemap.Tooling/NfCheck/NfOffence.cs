namespace NanoRemap.Tooling.NfCheck;

/// <summary>The classes of offence the nanoFramework gate reports.</summary>
public static class NfRule
{
    /// <summary>An assembly reference other than mscorlib 1.17.11.0 (c07d481e9758c731).</summary>
    public const string AssemblyReference = "assembly-reference";
    /// <summary>A generic type or method defined in the assembly (nanoFramework 1.x has no generics).</summary>
    public const string GenericDefinition = "generic-definition";
    /// <summary>A generic instantiation of anything but a generic type mscorlib 1.17.11 defines.</summary>
    public const string GenericInstantiation = "generic-instantiation";
    /// <summary>A multidimensional array type (MetadataProcessor: "doesn't have support for multidimensional arrays").</summary>
    public const string MultidimensionalArray = "multidimensional-array";
    /// <summary>An unmanaged pointer type in a signature or type spec.</summary>
    public const string Pointer = "pointer";
    /// <summary>A function pointer type.</summary>
    public const string FunctionPointer = "function-pointer";
    /// <summary>An unsafe local: pointer-typed (MetadataProcessor: "Pointer types in unsafe code aren't supported") or pinned.</summary>
    public const string UnsafeLocal = "unsafe-local";
    /// <summary>IL the nanoCLR cannot run: calli (MetadataProcessor writes no operand for InlineSig), localloc, arglist, typed references, cpblk/initblk.</summary>
    public const string UnsupportedIl = "unsupported-il";
    /// <summary>A type referenced from mscorlib that mscorlib 1.17.11 does not define.</summary>
    public const string MissingType = "missing-mscorlib-type";
    /// <summary>A member referenced from mscorlib that mscorlib 1.17.11 does not define with that signature.</summary>
    public const string MissingMember = "missing-mscorlib-member";
    /// <summary>P/Invoke (DllImport, module references): the nanoCLR has none; native code goes through InternalCall.</summary>
    public const string PInvoke = "pinvoke";
    /// <summary>A size the MetadataProcessor's .pe format cannot hold (byte/ushort fields of its tables).</summary>
    public const string Limit = "mdp-limit";
    /// <summary>Metadata no runtime loads: a type that is its own base type, directly or through others.</summary>
    public const string InvalidMetadata = "invalid-metadata";
    /// <summary>A device-cost budget breach (frames on the register path, assembly size).</summary>
    public const string Budget = "budget";
}

/// <summary>One offence: where (type and member), which rule, and what exactly.</summary>
/// <param name="Where">"Type::Member", "Type", or "&lt;assembly&gt;".</param>
/// <param name="Rule">One of <see cref="NfRule"/>.</param>
/// <param name="Message">What was found.</param>
public sealed record NfOffence(string Where, string Rule, string Message)
{
    /// <summary>The one-line form the CLI prints.</summary>
    public override string ToString() => $"{Where}: {Rule}: {Message}";
}
