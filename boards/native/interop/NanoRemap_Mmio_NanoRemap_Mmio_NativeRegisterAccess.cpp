//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: the InternalCalls of
//    NanoRemap.Mmio.NativeRegisterAccess (hand-written; the arguments of a
//    static method start at index 0, as in the MetadataProcessor's
//    ClassMarshallingCodeTemplate).
//
//    Every address is re-checked against the generated allow-list of the chip the
//    firmware is built for (managed code is not the only guard) by the portable
//    core (nanoremap_core.h); the firmware glue (nanoremap_firmware.c, or
//    nanoremap_firmware_posix.c for the simulated board) provides the bus.
//
//    A refusal raises System.InvalidOperationException whose message names the
//    check and the address, in the words of the host simulator
//    (src/NanoRemap.Mmio/Mmio/MmioErrors.cs):
//        refused write of 0x3FF5A000 on esp32: denied
//    The exception is created the way nanoFramework's own native code raises a
//    worded exception (System.Net's ThrowError in nf-interpreter: CreateInstance
//    into the thread's m_currentException, then CLR_E_PROCESS_EXCEPTION), so the
//    managed hot path stays one call with no status check.
//
//-----------------------------------------------------------------------------

#include "NanoRemap_Mmio.h"
#include "nanoremap_firmware.h"

#include <stdio.h>

typedef Library_NanoRemap_Mmio_NanoRemap_Mmio_NativeRegisterAccess NativeRegisterAccess;

// Raises InvalidOperationException("refused <op> of 0x<addr> on <chip>: <check>") in the calling thread
// (op NULL: "refused clock <index> on <chip>: <check>"). Also raised by the window's handlers (NanoRemap_Mmio.h).
HRESULT nr_interop_refuse(CLR_RT_StackFrame &stack, const char *op, uint32_t addr, int rc)
{
    char text[96];
    const char *why = rc == NR_EBUS ? "bus" : nr_check_name(rc);
    if (op == NULL)
    {
        // a clock operation: addr is the index in the board's clock table
        snprintf(text, sizeof(text), "refused clock %u on %s: %s", (unsigned int)addr, nr_firmware_board()->chip, why);
    }
    else
    {
        snprintf(text, sizeof(text), "refused %s of 0x%08X on %s: %s", op, (unsigned int)addr, nr_firmware_board()->chip, why);
    }

    CLR_RT_HeapBlock &exception = stack.m_owningThread->m_currentException;
    if (Library_corlib_native_System_Exception::CreateInstance(exception, CLR_E_INVALID_OPERATION, &stack) != S_OK)
    {
        return CLR_E_OUT_OF_MEMORY; // the preallocated OutOfMemoryException is in place
    }
    (void)CLR_RT_HeapBlock_String::CreateInstance(
        exception.Dereference()[Library_corlib_native_System_Exception::FIELD___message],
        text);
    return CLR_E_PROCESS_EXCEPTION;
}

HRESULT NativeRegisterAccess::NativeRead32___STATIC__U4__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        unsigned int address;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 0, address));

        uint32_t value = 0;
        int rc = nr_read32(nr_firmware_board(), nr_firmware_bus(), address, &value);
        if (rc != NR_OK && rc != NR_DPORT)
        {
            NANOCLR_SET_AND_LEAVE(nr_interop_refuse(stack, "read", address, rc));
        }

        SetResult_UINT32(stack, value);
    }
    NANOCLR_NOCLEANUP();
}

HRESULT NativeRegisterAccess::NativeWrite32___STATIC__VOID__U4__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        unsigned int address;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 0, address));

        unsigned int value;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 1, value));

        int rc = nr_write32(nr_firmware_board(), nr_firmware_bus(), address, value);
        if (rc != NR_OK)
        {
            NANOCLR_SET_AND_LEAVE(nr_interop_refuse(stack, "write", address, rc));
        }
    }
    NANOCLR_NOCLEANUP();
}

HRESULT NativeRegisterAccess::NativeModify32___STATIC__U4__U4__U4__U4__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        unsigned int address;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 0, address));

        unsigned int clear;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 1, clear));

        unsigned int set;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 2, set));

        unsigned int toggle;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 3, toggle));

        uint32_t old = 0;
        int rc = nr_modify32(nr_firmware_board(), nr_firmware_bus(), address, clear, set, toggle, &old);
        if (rc != NR_OK && rc != NR_DPORT)
        {
            NANOCLR_SET_AND_LEAVE(nr_interop_refuse(stack, "modify", address, rc));
        }

        SetResult_UINT32(stack, old);
    }
    NANOCLR_NOCLEANUP();
}

// The arguments of NativeReadBlock / NativeWriteBlock: address, step, the buffer range [index, index + count).
static HRESULT nr_interop_block_args(
    CLR_RT_StackFrame &stack,
    unsigned int &address,
    unsigned int &step,
    CLR_RT_TypedArray_UINT32 &buffer,
    signed int &index,
    signed int &count)
{
    NANOCLR_HEADER();

    NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 0, address));
    NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32(stack, 1, step));
    NANOCLR_CHECK_HRESULT(Interop_Marshal_UINT32_ARRAY(stack, 2, buffer));
    NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 3, index));
    NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 4, count));

    // the managed window checked the range; a direct call still cannot reach outside the array
    if (buffer.GetBuffer() == NULL || index < 0 || count < 0 || (unsigned int)count > buffer.GetSize() - (unsigned int)index ||
        (unsigned int)index > buffer.GetSize())
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INDEX_OUT_OF_RANGE);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT NativeRegisterAccess::NativeReadBlock___STATIC__VOID__U4__U4__SZARRAY_U4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        unsigned int address;
        unsigned int step;
        CLR_RT_TypedArray_UINT32 buffer;
        signed int index;
        signed int count;
        NANOCLR_CHECK_HRESULT(nr_interop_block_args(stack, address, step, buffer, index, count));

        uint32_t bad = address;
        int rc = nr_read_block(
            nr_firmware_board(),
            nr_firmware_bus(),
            address,
            step,
            (uint32_t *)buffer.GetBuffer() + index,
            (uint32_t)count,
            &bad);
        if (rc != NR_OK && rc != NR_DPORT)
        {
            NANOCLR_SET_AND_LEAVE(nr_interop_refuse(stack, "block read", bad, rc));
        }
    }
    NANOCLR_NOCLEANUP();
}

HRESULT NativeRegisterAccess::NativeWriteBlock___STATIC__VOID__U4__U4__SZARRAY_U4__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        unsigned int address;
        unsigned int step;
        CLR_RT_TypedArray_UINT32 buffer;
        signed int index;
        signed int count;
        NANOCLR_CHECK_HRESULT(nr_interop_block_args(stack, address, step, buffer, index, count));

        uint32_t bad = address;
        int rc = nr_write_block(
            nr_firmware_board(),
            nr_firmware_bus(),
            address,
            step,
            (const uint32_t *)buffer.GetBuffer() + index,
            (uint32_t)count,
            &bad);
        if (rc != NR_OK)
        {
            NANOCLR_SET_AND_LEAVE(nr_interop_refuse(stack, "block write", bad, rc));
        }
    }
    NANOCLR_NOCLEANUP();
}

HRESULT NativeRegisterAccess::NativeClock___STATIC__VOID__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    {
        signed int index;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 0, index));

        signed int operation;
        NANOCLR_CHECK_HRESULT(Interop_Marshal_INT32(stack, 1, operation));

        int rc = nr_firmware_clock(index, operation);
        if (rc != NR_OK)
        {
            NANOCLR_SET_AND_LEAVE(nr_interop_refuse(stack, NULL, (uint32_t)index, rc));
        }
    }
    NANOCLR_NOCLEANUP();
}
