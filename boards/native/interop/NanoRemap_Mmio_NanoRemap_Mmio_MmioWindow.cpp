//-----------------------------------------------------------------------------
//
//    NanoRemap interop library: native implementations of NanoRemap.Mmio.MmioWindow's
//    register operations (hand-written). These methods have IL as well: where no
//    native table is registered (the host, a nanoCLR without this library) the IL
//    runs; with the library the nanoCLR runs these handlers instead
//    (CLR_RT_StackFrame::Push in nf-interpreter src/CLR/Core/CLR_RT_StackFrame.cpp
//    takes m_nativeCode[method] when it is non-NULL), so a window access costs one
//    InternalCall and no managed frame. Their method_lookup[] slots come from
//    'nanoremap native-checksum --lookup' (src/NanoRemap.Tooling/Native/NativeFastPaths.cs);
//    the checksum does not change (the MetadataProcessor counts them as "NULL").
//
//    A handler takes the hardware path only where the IL would make exactly this
//    call: the window is mapped on the hardware bus (no simulator), the offset is
//    4-byte aligned inside the window, for Read32 / Write32 the word is outside the
//    window's guard span, and for SetField the field and value are valid. The core
//    then checks the address as it does for NativeRegisterAccess (same refusal, same
//    words). In every other case (a simulated window, a bad argument, a guarded
//    word, a window not reached through a plain reference) the handler runs the
//    method's own IL in a new frame, as CLR_RT_StackFrame::MakeCall runs managed
//    code from native code, and its result lands on this frame's evaluation stack:
//    the simulator, the argument checks and the refusal words stay the managed code's.
//
//    `this` of a struct method is a reference to the window's value-type block;
//    its instance fields follow the block header in declaration order (keep the
//    FIELD___ indices in NanoRemap_Mmio.h in step with MmioWindow.cs).
//
//-----------------------------------------------------------------------------

#include "NanoRemap_Mmio.h"
#include "nanoremap_firmware.h"

typedef Library_NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow MmioWindow;

// The window's field blocks, or NULL when `this` is not a reference to a value-type block (then the IL decides).
static inline CLR_RT_HeapBlock *nr_window_fields(CLR_RT_StackFrame &stack)
{
    CLR_RT_HeapBlock *obj = &stack.Arg0();
    for (int hops = 0; hops < 3; hops++)
    {
        CLR_DataType dt = obj->DataType();
        if (dt == DATATYPE_VALUETYPE)
        {
            return obj;
        }

        if (dt != DATATYPE_BYREF && dt != DATATYPE_OBJECT)
        {
            return NULL;
        }

        obj = obj->Dereference();
        if (obj == NULL)
        {
            return NULL;
        }
    }

    return NULL;
}

// The register address of a hardware window's word, or false when the IL must decide: a simulated window, an
// offset that is misaligned or outside the window (also an unmapped window, whose size is 0), or with
// `guarded`, a word in the window's guard span (a FIFO or policy register the managed guard refuses first).
static inline bool nr_window_address(CLR_RT_StackFrame &stack, bool guarded, uint32_t &address)
{
    CLR_RT_HeapBlock *w = nr_window_fields(stack);
    if (w == NULL || w[MmioWindow::FIELD___sim].Dereference() != NULL)
    {
        return false;
    }

    uint32_t offset = stack.Arg1().NumericByRefConst().u4;
    if ((offset & 3) != 0 || offset >= w[MmioWindow::FIELD___size].NumericByRefConst().u4)
    {
        return false;
    }

    if (guarded && offset - w[MmioWindow::FIELD___guardFirst].NumericByRefConst().u4 <=
                       w[MmioWindow::FIELD___guardSpan].NumericByRefConst().u4)
    {
        return false;
    }

    address = w[MmioWindow::FIELD___base].NumericByRefConst().u4 + offset;
    return true;
}

// Runs the IL of the method this frame was called for, in a new frame on top of this one (the steps of
// CLR_RT_StackFrame::MakeCall, with the interpreted kind CLR_RT_StackFrame::Push gives a method without a native
// implementation). The nanoCLR calls the handler again when that frame returns (m_customState 1): its result is
// then on this frame's evaluation stack, and is this call's result.
static HRESULT nr_window_run_il(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    const CLR_RT_MethodDef_Instance &md = stack.m_call;
    const CLR_RECORD_METHODDEF *mdR = md.m_target;
    CLR_RT_StackFrame *sub;

    if (mdR->RVA == CLR_EmptyIndex)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_NOT_SUPPORTED);
    }

    NANOCLR_CHECK_HRESULT(CLR_RT_StackFrame::Push(stack.m_owningThread, md, mdR->numArgs));
    sub = stack.m_owningThread->CurrentFrame();

    // Push found this handler in the native table: make the frame interpreted, and not "compatible" with this
    // native caller (a compatible return would resume this frame as IL).
    sub->m_nativeMethod = (CLR_RT_MethodHandler)CLR_RT_Thread::Execute_IL;
    sub->m_flags &= ~(CLR_RT_StackFrame::c_MethodKind_Mask | CLR_RT_StackFrame::c_CallerIsCompatibleForCall |
                      CLR_RT_StackFrame::c_CallerIsCompatibleForRet);
    sub->m_flags |= CLR_RT_StackFrame::c_MethodKind_Interpreted;
    sub->m_IPstart = md.m_assm->GetByteCode(mdR->RVA);
    sub->m_IP = sub->m_IPstart;

    for (int i = 0; i < mdR->numArgs; i++)
    {
        sub->m_arguments[i].Assign(stack.m_arguments[i]);
    }
    NANOCLR_CHECK_HRESULT(sub->FixCall());

    stack.m_customState = 1;
    NANOCLR_SET_AND_LEAVE(CLR_E_RESTART_EXECUTION);

    NANOCLR_NOCLEANUP();
}

// The IL ran (second call): its result, if any, is already on the evaluation stack.
#define NR_WINDOW_IL_DONE(stack)                                                                                       \
    if ((stack).m_customState != 0)                                                                                    \
    {                                                                                                                  \
        return S_OK;                                                                                                   \
    }

static HRESULT nr_window_modify(CLR_RT_StackFrame &stack, uint32_t address, uint32_t clear, uint32_t set, uint32_t toggle, bool result)
{
    uint32_t old = 0;
    int rc = nr_modify32(nr_firmware_board(), nr_firmware_bus(), address, clear, set, toggle, &old);
    if (rc != NR_OK && rc != NR_DPORT)
    {
        return nr_interop_refuse(stack, "modify", address, rc);
    }

    if (result)
    {
        stack.SetResult_U4(old);
    }

    return S_OK;
}

HRESULT MmioWindow::Read32___U4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t address;
    if (!nr_window_address(stack, true, address))
    {
        return nr_window_run_il(stack);
    }

    uint32_t value = 0;
    int rc = nr_read32(nr_firmware_board(), nr_firmware_bus(), address, &value);
    if (rc != NR_OK && rc != NR_DPORT)
    {
        return nr_interop_refuse(stack, "read", address, rc);
    }

    stack.SetResult_U4(value);
    return S_OK;
}

HRESULT MmioWindow::Write32___VOID__U4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t address;
    if (!nr_window_address(stack, true, address))
    {
        return nr_window_run_il(stack);
    }

    int rc = nr_write32(nr_firmware_board(), nr_firmware_bus(), address, stack.Arg2().NumericByRefConst().u4);
    if (rc != NR_OK)
    {
        return nr_interop_refuse(stack, "write", address, rc);
    }

    return S_OK;
}

HRESULT MmioWindow::Modify___U4__U4__U4__U4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t address;
    if (!nr_window_address(stack, false, address))
    {
        return nr_window_run_il(stack);
    }

    return nr_window_modify(
        stack,
        address,
        stack.Arg2().NumericByRefConst().u4,
        stack.Arg3().NumericByRefConst().u4,
        stack.Arg4().NumericByRefConst().u4,
        true);
}

HRESULT MmioWindow::SetBits___VOID__U4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t address;
    if (!nr_window_address(stack, false, address))
    {
        return nr_window_run_il(stack);
    }

    return nr_window_modify(stack, address, 0, stack.Arg2().NumericByRefConst().u4, 0, false);
}

HRESULT MmioWindow::ClearBits___VOID__U4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t address;
    if (!nr_window_address(stack, false, address))
    {
        return nr_window_run_il(stack);
    }

    return nr_window_modify(stack, address, stack.Arg2().NumericByRefConst().u4, 0, 0, false);
}

HRESULT MmioWindow::ToggleBits___VOID__U4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t address;
    if (!nr_window_address(stack, false, address))
    {
        return nr_window_run_il(stack);
    }

    return nr_window_modify(stack, address, 0, 0, stack.Arg2().NumericByRefConst().u4, false);
}

// SetField(offset, field, value): field is the packed (width << 8) | lsb of the typed chip definitions.
HRESULT MmioWindow::SetField___VOID__U4__U4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t field = stack.Arg2().NumericByRefConst().u4;
    uint32_t value = stack.Arg3().NumericByRefConst().u4;
    uint32_t width = field >> 8;
    uint32_t shift = field & 0xFF;
    uint32_t address;
    if (width - 1u > 31u || shift + width > 32u || (value & ~(0xFFFFFFFFu >> (32u - width))) != 0 ||
        !nr_window_address(stack, false, address))
    {
        return nr_window_run_il(stack);
    }

    uint32_t mask = 0xFFFFFFFFu >> (32u - width);
    return nr_window_modify(stack, address, mask << shift, value << shift, 0, false);
}

// SetField(offset, mask, shift, value): IDF REG_SET_FIELD with the field's _V and _S.
HRESULT MmioWindow::SetField___VOID__U4__U4__I4__U4(CLR_RT_StackFrame &stack)
{
    NR_WINDOW_IL_DONE(stack);
    uint32_t mask = stack.Arg2().NumericByRefConst().u4;
    int32_t shift = stack.Arg3().NumericByRefConst().s4;
    uint32_t value = stack.Arg4().NumericByRefConst().u4;
    uint32_t address;
    if (mask == 0 || shift < 0 || shift > 31 || ((uint64_t)mask << shift) > 0xFFFFFFFFull || (value & ~mask) != 0 ||
        !nr_window_address(stack, false, address))
    {
        return nr_window_run_il(stack);
    }

    return nr_window_modify(stack, address, mask << shift, value << shift, 0, false);
}
