using System.Text;
using NanoRemap.Tooling.Native;
using Xunit;

namespace NanoRemap.Tests.NfCheck;

/// <summary>
/// The native checksum against values published with real nanoFramework firmware, its CRC against the standard
/// check value, and the MetadataProcessor quirks it reproduces.
/// </summary>
public sealed class NativeChecksumTests
{
    [Fact]
    public void Crc_is_the_msb_first_04C11DB7_crc_with_no_final_xor()
    {
        // CRC-32/POSIX (same polynomial, MSB first, init 0) has check value 0x765E7680 after its final complement.
        Assert.Equal(~0x765E7680u, MdpCrc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        // Entries of the table printed in the MetadataProcessor's Crc32.cs.
        Assert.Equal(0x04C11DB7u, MdpCrc32.TableEntry(1));
        Assert.Equal(0x709F7B7Au, MdpCrc32.TableEntry(30));
        Assert.Equal(0xB1F740B4u, MdpCrc32.TableEntry(255));
        // The running value is the seed: two halves chain to the whole.
        uint half = MdpCrc32.Compute(Encoding.ASCII.GetBytes("1234"));
        Assert.Equal(MdpCrc32.Compute(Encoding.ASCII.GetBytes("123456789")), MdpCrc32.Compute(Encoding.ASCII.GetBytes("56789"), half));
    }

    [Fact]
    public void Hardware_Esp32_matches_its_published_checksum_and_method_lookup()
    {
        string dll = NanoCompiler.Compile(PublishedNativeAssemblies.Esp32Source, "nanoFramework.Hardware.Esp32");
        var result = NativeChecksum.Compute(dll);
        Assert.Equal(PublishedNativeAssemblies.Esp32Lookup, result.Lookup.Select(e => e.ToString()).ToList());
        Assert.Equal("0x1B75B894", result.Hex);
        Assert.Equal(PublishedNativeAssemblies.Esp32Checksum, result.Checksum);
    }

    [Fact]
    public void Hardware_Esp32_EspNow_matches_its_published_checksum()
    {
        string dll = NanoCompiler.Compile(PublishedNativeAssemblies.EspNowSource, "nanoFramework.Hardware.Esp32.EspNow");
        var result = NativeChecksum.Compute(dll);
        Assert.Equal(PublishedNativeAssemblies.EspNowChecksum, result.Checksum);
        // Published stub names: instance natives (no STATIC), arrays as SZARRAY_, nested delegate types by full name.
        var natives = result.Lookup.Where(e => e.IsNative).Select(e => e.MethodName).ToList();
        Assert.Contains("NativeEspNowSend___I4__SZARRAY_U1__SZARRAY_U1__I4", natives);
        Assert.Contains("NativeEspNowRegisterRecvCb___I4__nanoFrameworkHardwareEsp32EspNowEspNowControllerRegisterRecvDelegate", natives);
    }

    [Fact]
    public void Only_what_follows_the_first_native_method_counts()
    {
        const string natives = @"
using System.Runtime.CompilerServices;
namespace Lib
{
    public static class B
    {
        [MethodImpl(MethodImplOptions.InternalCall)] public static extern uint NativeRead(uint a);
        public static uint Read(uint a) { return NativeRead(a); }
    }
}";
        uint baseline = NativeChecksum.Compute(NanoCompiler.Compile(natives, "Lib")).Checksum;
        Assert.NotEqual(0u, baseline);

        // A class sorted before the first native method changes nothing (CurrentCrc reads 0 until then) ...
        uint withEarlier = NativeChecksum.Compute(NanoCompiler.Compile(natives + "namespace Lib { public static class A { public static int X() { return 1; } } }", "Lib")).Checksum;
        Assert.Equal(baseline, withEarlier);

        // ... nor does the assembly name, which only enters with the second native method ...
        Assert.Equal(baseline, NativeChecksum.Compute(NanoCompiler.Compile(natives, "Other")).Checksum);

        // ... but a managed method after it does: exactly one more "NULL" chained onto the running value.
        uint withLater = NativeChecksum.Compute(NanoCompiler.Compile(natives + "namespace Lib { public static class C { public static int X() { return 1; } } }", "Lib")).Checksum;
        Assert.Equal(MdpCrc32.Compute(Encoding.ASCII.GetBytes("NULL"), baseline), withLater);

        // A delegate after it adds table slots but no checksum input.
        var withDelegate = NativeChecksum.Compute(NanoCompiler.Compile(natives + "namespace Lib { public delegate void D(int x); }", "Lib"));
        Assert.Equal(baseline, withDelegate.Checksum);
        Assert.Contains(withDelegate.Lookup, e => !e.InChecksum);
    }

    [Fact]
    public void Assembly_without_native_methods_has_checksum_zero()
    {
        string dll = NanoCompiler.Compile("namespace Lib { public static class A { public static int X() { return 1; } } }", "Lib");
        Assert.Equal(0u, NativeChecksum.Compute(dll).Checksum);
    }

    [Fact]
    public void Stub_class_and_method_names_follow_the_metadata_processor()
    {
        string dll = NanoCompiler.Compile(@"
using System.Runtime.CompilerServices;
namespace Lib.Sub
{
    public class Outer
    {
        public struct Inner
        {
            [MethodImpl(MethodImplOptions.InternalCall)] public extern bool Native(ref uint a, uint[][] b, ref byte[] c, string d, object e, System.Action<int> f);
        }
    }
}", "Lib");
        var native = Assert.Single(NativeChecksum.Compute(dll).Lookup, e => e.IsNative);
        Assert.Equal("Lib_Sub_Outer__Inner", native.ClassName);
        Assert.Equal("Native___BOOLEAN__BYREF_U4__SZARRAY_U4__BYREF_SZARRAY_U1__STRING__OBJECT__SystemAction`1<SystemInt32>", native.MethodName);
    }
}
