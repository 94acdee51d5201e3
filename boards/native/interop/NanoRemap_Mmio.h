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

// The register operations of the window struct: they have IL too (the host and a nanoCLR without this library
// run it); with the library the nanoCLR runs these (NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow.cpp). The FIELD___
// indices are the window's instance fields in declaration order (src/NanoRemap.Mmio/Mmio/MmioWindow.cs).
struct Library_NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow
{
    static const int FIELD___base = 1;
    static const int FIELD___size = 2;
    static const int FIELD___guardFirst = 3;
    static const int FIELD___guardSpan = 4;
    static const int FIELD___guardKind = 5;
    static const int FIELD___sim = 6;
    static const int FIELD___bus = 7;
    static const int FIELD___block = 8;

    NANOCLR_NATIVE_DECLARE(Read32___U4__U4);
    NANOCLR_NATIVE_DECLARE(Write32___VOID__U4__U4);
    NANOCLR_NATIVE_DECLARE(Modify___U4__U4__U4__U4__U4);
    NANOCLR_NATIVE_DECLARE(SetBits___VOID__U4__U4);
    NANOCLR_NATIVE_DECLARE(ClearBits___VOID__U4__U4);
    NANOCLR_NATIVE_DECLARE(ToggleBits___VOID__U4__U4);
    NANOCLR_NATIVE_DECLARE(SetField___VOID__U4__U4__U4);
    NANOCLR_NATIVE_DECLARE(SetField___VOID__U4__U4__I4__U4);

    //--//
};

// Raises InvalidOperationException("refused <op> of 0x<addr> on <chip>: <check>") in the calling thread
// (op NULL: "refused clock <index> on <chip>: <check>"); NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.cpp.
HRESULT nr_interop_refuse(CLR_RT_StackFrame &stack, const char *op, uint32_t addr, int rc);

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_NanoRemap_Mmio;

#endif // NANOREMAP_MMIO_H
