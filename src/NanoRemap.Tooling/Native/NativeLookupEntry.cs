namespace NanoRemap.Tooling.Native;

/// <summary>
/// One slot of the stubs' <c>method_lookup[]</c>: a native method ("Class::Method" as the MetadataProcessor names
/// it, e.g. "NanoRemap_Mmio_NativeRegisterAccess::NativeRead32___STATIC__U4__U4") or NULL for a managed one.
/// </summary>
/// <param name="ClassName">The stub class name (MetadataProcessor GetClassName); empty for NULL slots of excluded kinds.</param>
/// <param name="MethodName">The native method name (GetMethodName); null for a NULL slot.</param>
/// <param name="InChecksum">False for slots of delegates, enums and interfaces, which the table has but the checksum skips.</param>
/// <param name="FastPath">
/// True for a method that has IL and a native implementation too (<see cref="NativeFastPaths"/>): the checksum counts
/// it as "NULL" (the MetadataProcessor sees its IL), the table names its handler, which the nanoCLR runs instead of the IL.
/// </param>
public sealed record NativeLookupEntry(string ClassName, string? MethodName, bool InChecksum, bool FastPath = false)
{
    /// <summary>True for a native method, false for a NULL slot.</summary>
    public bool IsNative => MethodName is not null;

    /// <summary>The C++ table entry for a stub project: <c>Library_&lt;project&gt;_&lt;class&gt;::&lt;method&gt;</c> or <c>NULL</c>.</summary>
    public string ToCpp(string project) => IsNative ? $"Library_{project}_{ClassName}::{MethodName}" : "NULL";

    /// <inheritdoc/>
    public override string ToString() => IsNative ? $"{ClassName}::{MethodName}" : "NULL";
}
