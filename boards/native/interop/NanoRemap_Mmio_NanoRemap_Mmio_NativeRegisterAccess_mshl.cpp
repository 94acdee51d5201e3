//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: marshalling of NanoRemap.Mmio.NativeRegisterAccess
//    (MetadataProcessor ClassMarshallingCodeTemplate for static methods:
//    arguments start at index 0).
//
//-----------------------------------------------------------------------------

#include "NanoRemap_Mmio.h"
#include "NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.h"

using namespace NanoRemap::Mmio;

HRESULT Library_NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess::NativeRead32___STATIC__U4__U4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {
        unsigned int param0;
        NANOCLR_CHECK_HRESULT( Interop_Marshal_UINT32( stack, 0, param0 ) );

        unsigned int retValue = NativeRegisterAccess::NativeRead32( param0, hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_UINT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess::NativeWrite32___STATIC__VOID__U4__U4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {
        unsigned int param0;
        NANOCLR_CHECK_HRESULT( Interop_Marshal_UINT32( stack, 0, param0 ) );

        unsigned int param1;
        NANOCLR_CHECK_HRESULT( Interop_Marshal_UINT32( stack, 1, param1 ) );

        NativeRegisterAccess::NativeWrite32( param0, param1, hr );
        NANOCLR_CHECK_HRESULT( hr );
    }
    NANOCLR_NOCLEANUP();
}
