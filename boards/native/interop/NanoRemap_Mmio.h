//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: assembly header, in the layout the nanoFramework
//    MetadataProcessor generates for NF_INTEROP_ASSEMBLIES (SkeletonTemplates
//    AssemblyHeaderTemplate, which gives it the guard NANOREMAP_MMIO_H; the
//    portable core is nanoremap_core.h so the two cannot clash). Keep in step
//    with src/NanoRemap.Mmio/Mmio/NativeRegisterAccess.Device.cs.
//
//    The InternalCalls are implemented directly on the Library_ struct (the
//    layout of nanoFramework's own class libraries) rather than through the
//    template's user-code layer, because a refusal raises an exception with a
//    message, which needs the stack frame (see nr_interop_refuse).
//
//-----------------------------------------------------------------------------

#ifndef NANOREMAP_MMIO_H
#define NANOREMAP_MMIO_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>
#include <corlib_native.h>

struct Library_NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess
{
    NANOCLR_NATIVE_DECLARE(NativeRead32___STATIC__U4__U4);
    NANOCLR_NATIVE_DECLARE(NativeWrite32___STATIC__VOID__U4__U4);
    NANOCLR_NATIVE_DECLARE(NativeModify32___STATIC__U4__U4__U4__U4__U4);
    NANOCLR_NATIVE_DECLARE(NativeReadBlock___STATIC__VOID__U4__U4__SZARRAY_U4__I4__I4);
    NANOCLR_NATIVE_DECLARE(NativeWriteBlock___STATIC__VOID__U4__U4__SZARRAY_U4__I4__I4);
    NANOCLR_NATIVE_DECLARE(NativeClock___STATIC__VOID__I4__I4);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoRemap_Mmio;

#endif // NANOREMAP_MMIO_H
