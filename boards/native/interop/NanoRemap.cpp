//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: the method table and native assembly data the
//    nanoCLR matches against the deployed NanoRemap.pe (name, checksum, version).
//    Layout of the MetadataProcessor's AssemblyLookupTemplate.
//
//    The checksum is the CRC the MetadataProcessor computes over the assembly's
//    InternalCall signatures (MetadataProcessor.Shared/Utility/NativeMethodsCrc.cs);
//    it is computed with our own tooling ('nanoremap native-checksum'), never by
//    hand. A mismatch makes the firmware refuse NanoRemap.pe at deploy time.
//
//    method_lookup is indexed by the method's position in the assembly's method
//    table in MetadataProcessor order (types in TypeDefinitionTable order, each
//    type's methods virtual / instance / static), with NULL for every method that
//    has IL. That is the same ordered walk as the checksum, so the table must come
//    from the same tool as the checksum when the managed assembly changes; the two
//    entries below are the only native ones (see boards/README.md, "What is not
//    verified on Linux").
//
//-----------------------------------------------------------------------------

#include "NanoRemap.h"

// clang-format off

static const CLR_RT_MethodHandler method_lookup[] =
{
    Library_NanoRemap_NanoRemap_Mmio_NativeRegisterAccess::NativeRead32___STATIC__U4__U4,
    Library_NanoRemap_NanoRemap_Mmio_NativeRegisterAccess::NativeWrite32___STATIC__VOID__U4__U4,
};

const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoRemap =
{
    "NanoRemap",
    0x77CD1FA6, // native checksum: computed by 'nanoremap native-checksum'
    method_lookup,
    { 100, 0, 1, 0 }  // = [assembly: AssemblyNativeVersion("100.0.1.0")] in src/NanoRemap/Properties/AssemblyInfo.cs
};

// clang-format on
