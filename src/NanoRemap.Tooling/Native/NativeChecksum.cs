using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using NanoRemap.Tooling.NfCheck;

namespace NanoRemap.Tooling.Native;

/// <summary>The native checksum of an assembly and the method_lookup[] layout behind it.</summary>
/// <param name="AssemblyName">The assembly's simple name (the first field of CLR_RT_NativeAssemblyData).</param>
/// <param name="Checksum">The checksum the firmware compares at load (0 when there is no native method).</param>
/// <param name="Lookup">The method_lookup[] slots in table order.</param>
public sealed record NativeChecksumResult(string AssemblyName, uint Checksum, IReadOnlyList<NativeLookupEntry> Lookup)
{
    /// <summary>The checksum as the stubs write it: "0x" and eight upper-case hex digits.</summary>
    public string Hex => "0x" + Checksum.ToString("X8");
}

/// <summary>
/// Computes the native checksum that the nanoFramework MetadataProcessor writes into the assembly's .pe header and
/// into the generated <c>CLR_RT_NativeAssemblyData</c>, and that the firmware checks before it binds the
/// assembly's InternalCall methods.
/// </summary>
/// <remarks>
/// Re-implemented from nanoframework/metadata-processor, MetadataProcessor.Shared/Utility/NativeMethodsCrc.cs at
/// commit 20729d99a7097e4521723118a41c491e8393bdf3 (same algorithm at 12c1fa8588e328982558ed027cf7ab3559d80616),
/// called once from nanoTablesContext's constructor (commit 058e97afb3f4ea9e91eafa6fe7349e73493d95b1) over the
/// type table before minimisation:
/// <list type="bullet">
/// <item>types in <see cref="MdpTypeOrder"/> order; only classes and value types that are not delegates
/// (Extensions/TypeDefinitionExtensions.cs IncludeInStub), minus the classes excluded by name
/// (NFMDP_PE_ExcludeClassByName, e.g. "ThisAssembly");</item>
/// <item>each type's methods virtual, instance, static (<see cref="MdpTypeOrder.OrderedMethods"/>);</item>
/// <item>a method with RVA 0 that is not abstract (an InternalCall extern) adds, in this order, the ASCII bytes of the
/// assembly name, of <see cref="NativeNames.ClassName"/> and of <see cref="NativeNames.MethodName"/>; any other
/// method adds "NULL";</item>
/// <item>each step continues from <c>CurrentCrc</c>, which reads 0 until the first native method has been counted:
/// everything before the first native method, and that method's assembly and class names, drop out; only its
/// method name and everything after it count;</item>
/// <item>the CRC is <see cref="MdpCrc32"/>; an assembly without native methods has checksum 0.</item>
/// </list>
/// Checked against published values: nanoFramework.Hardware.Esp32 native 100.0.7.1 (0x1B75B894) and
/// nanoFramework.Hardware.Esp32.EspNow (0x9F8D5291), see tests/NanoRemap.Tests/NfCheck/NativeChecksumTests.cs.
/// </remarks>
public static class NativeChecksum
{
    private static readonly byte[] Null = Encoding.ASCII.GetBytes("NULL");

    /// <summary>Computes the checksum of the assembly at <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">The nanoFramework build (the DLL the MetadataProcessor would read).</param>
    /// <param name="classNamesToExclude">Full type names excluded from the .pe (NFMDP_PE_ExcludeClassByName).</param>
    /// <param name="fastPaths">
    /// "Namespace.Type::Method" of methods with IL that the native table implements too (every overload; see
    /// <see cref="NativeFastPaths"/>): their slots name a handler; the checksum is unchanged (it counts them as "NULL").
    /// </param>
    public static NativeChecksumResult Compute(string assemblyPath, IReadOnlyCollection<string>? classNamesToExclude = null, IReadOnlyCollection<string>? fastPaths = null)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return NfCheck.MalformedAssembly.Guard(assemblyPath, () => Compute(pe, classNamesToExclude, fastPaths));
    }

    /// <summary>Computes the checksum of an opened assembly.</summary>
    public static NativeChecksumResult Compute(PEReader pe, IReadOnlyCollection<string>? classNamesToExclude = null, IReadOnlyCollection<string>? fastPaths = null)
    {
        var fast = fastPaths ?? Array.Empty<string>();
        var exclude = classNamesToExclude ?? Array.Empty<string>();
        var md = pe.GetMetadataReader();
        string assemblyName = md.GetString(md.GetAssemblyDefinition().Name);
        byte[] nameBytes = Encoding.ASCII.GetBytes(assemblyName);

        uint crc = 0;
        int natives = 0;
        uint Current() => natives > 0 ? crc : 0;

        var lookup = new List<NativeLookupEntry>();
        foreach (var th in MdpTypeOrder.Order(pe))
        {
            bool include = IncludeInStub(md, th);
            bool excluded = IsExcluded(md, th, exclude);
            if (excluded)
            {
                continue;
            }
            string className = NativeNames.ClassName(md, th);
            string typeName = TypeNames.Of(md, th);
            foreach (var mh in MdpTypeOrder.OrderedMethods(md, th))
            {
                var m = md.GetMethodDefinition(mh);
                bool isNative = m.RelativeVirtualAddress == 0 && (m.Attributes & MethodAttributes.Abstract) == 0;
                if (!include)
                {
                    lookup.Add(new NativeLookupEntry(className, null, InChecksum: false));
                    continue;
                }
                if (isNative)
                {
                    string methodName = NativeNames.MethodName(md, mh);
                    crc = MdpCrc32.Compute(nameBytes, Current());
                    crc = MdpCrc32.Compute(Encoding.ASCII.GetBytes(className), Current());
                    crc = MdpCrc32.Compute(Encoding.ASCII.GetBytes(methodName), Current());
                    natives++;
                    lookup.Add(new NativeLookupEntry(className, methodName, InChecksum: true));
                }
                else
                {
                    crc = MdpCrc32.Compute(Null, Current());
                    bool fastPath = fast.Count > 0 && fast.Contains(typeName + "::" + md.GetString(m.Name));
                    lookup.Add(fastPath
                        ? new NativeLookupEntry(className, NativeNames.MethodName(md, mh), InChecksum: true, FastPath: true)
                        : new NativeLookupEntry(className, null, InChecksum: true));
                }
            }
        }
        return new NativeChecksumResult(assemblyName, Current(), lookup);
    }

    /// <summary>
    /// IncludeInStub: not a delegate (base System.MulticastDelegate, or System.Delegate for anything but
    /// MulticastDelegate itself), and a class or value type (not an enum, not an interface) - the semantics
    /// nanoTypeDefinitionTable.GetFlags assigns.
    /// </summary>
    public static bool IncludeInStub(MetadataReader md, TypeDefinitionHandle th)
    {
        var td = md.GetTypeDefinition(th);
        string fullName = TypeNames.Of(md, th);
        string baseName = td.BaseType.IsNil ? "" : BaseName(md, td.BaseType);
        if (baseName == "System.MulticastDelegate" || (baseName == "System.Delegate" && fullName != "System.MulticastDelegate"))
        {
            return false;
        }
        bool isEnum = baseName == "System.Enum";
        bool isValueType = isEnum || (baseName == "System.ValueType" && fullName != "System.Enum");
        bool isInterface = (td.Attributes & TypeAttributes.Interface) != 0;
        if (isEnum)
        {
            return false;
        }
        return isValueType || !isInterface;
    }

    private static string BaseName(MetadataReader md, EntityHandle handle) =>
        handle.Kind == HandleKind.TypeSpecification
            ? md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new SigTypeProvider(md), null).CecilName
            : TypeNames.Of(md, handle);

    private static bool IsExcluded(MetadataReader md, TypeDefinitionHandle th, IReadOnlyCollection<string> exclude)
    {
        if (exclude.Count == 0)
        {
            return false;
        }
        var declaring = md.GetTypeDefinition(th).GetDeclaringType();
        return exclude.Contains(TypeNames.Of(md, th)) || (!declaring.IsNil && exclude.Contains(TypeNames.Of(md, declaring)));
    }
}
