//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: the implementation of the InternalCalls of
//    NanoRemap.Mmio.NativeRegisterAccess. Hand-written (the MetadataProcessor's
//    ClassStubTemplate only gives the empty bodies).
//
//    Every address is re-checked against the generated allow-list of the chip the
//    firmware is built for (managed code is not the only guard). Accesses are
//    volatile 32-bit; on the classic ESP32 reads in the DPORT range use
//    DPORT_REG_READ and FIFO reads are refused (errata CPU-3.21). A refused
//    address raises InvalidOperationException in managed code, as the host
//    simulator does.
//
//-----------------------------------------------------------------------------

#include "NanoRemap_Mmio.h"
#include "NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess.h"
#include "nanoremap_firmware.h"

using namespace NanoRemap::Mmio;

unsigned int NativeRegisterAccess::NativeRead32( unsigned int param0, HRESULT &hr )
{
    uint32_t value = 0;
    int rc = nr_read32(nr_firmware_board(), nr_firmware_bus(), (uint32_t)param0, &value);
    if (rc != NR_OK && rc != NR_DPORT)
    {
        hr = CLR_E_INVALID_OPERATION;
        return 0;
    }

    return value;
}

void NativeRegisterAccess::NativeWrite32( unsigned int param0, unsigned int param1, HRESULT &hr )
{
    if (nr_write32(nr_firmware_board(), nr_firmware_bus(), (uint32_t)param0, (uint32_t)param1) != NR_OK)
    {
        hr = CLR_E_INVALID_OPERATION;
    }
}
