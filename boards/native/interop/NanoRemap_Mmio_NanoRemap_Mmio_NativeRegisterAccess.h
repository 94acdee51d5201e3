//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: the user-code declarations of
//    NanoRemap.Mmio.NativeRegisterAccess (MetadataProcessor ClassHeaderTemplate).
//
//-----------------------------------------------------------------------------

#ifndef NANOREMAP_MMIO_NANOREMAP_MMIO_NATIVEREGISTERACCESS_H
#define NANOREMAP_MMIO_NANOREMAP_MMIO_NATIVEREGISTERACCESS_H

namespace NanoRemap
{
    namespace Mmio
    {
        struct NativeRegisterAccess
        {
            // Declaration of stubs. These functions are implemented by Interop code developers
            static unsigned int NativeRead32( unsigned int param0, HRESULT &hr );
            static void NativeWrite32( unsigned int param0, unsigned int param1, HRESULT &hr );
        };
    }
}

#endif // NANOREMAP_MMIO_NANOREMAP_MMIO_NATIVEREGISTERACCESS_H
