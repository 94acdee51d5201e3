//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: assembly header, in the layout the nanoFramework
//    MetadataProcessor generates for NF_INTEROP_ASSEMBLIES (SkeletonTemplates
//    AssemblyHeaderTemplate). Keep in step with
//    src/NanoRemap.Mmio/Mmio/NativeRegisterAccess.Device.cs.
//
//-----------------------------------------------------------------------------

#ifndef NANOREMAP_MMIO_H
#define NANOREMAP_MMIO_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>

struct Library_NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess
{
    NANOCLR_NATIVE_DECLARE(NativeRead32___STATIC__U4__U4);
    NANOCLR_NATIVE_DECLARE(NativeWrite32___STATIC__VOID__U4__U4);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoRemap_Mmio;

#endif // NANOREMAP_MMIO_H
