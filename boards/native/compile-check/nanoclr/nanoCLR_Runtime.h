// COMPILE CHECK ONLY, NOT THE nanoCLR RUNTIME: the members of nf-interpreter's src/CLR/Include/nanoCLR_Runtime.h and
// nanoCLR_Runtime__HeapBlock.h that the NanoRemap interop library uses to raise an exception with a message
// (CLR_RT_StackFrame::m_owningThread, CLR_RT_Thread::m_currentException, CLR_RT_HeapBlock::Dereference,
// CLR_RT_HeapBlock_String::CreateInstance), declared with the real names and signatures. Layouts are not the real
// ones; nothing here is linked or run.
#ifndef NR_COMPILE_CHECK_NANOCLR_RUNTIME_H
#define NR_COMPILE_CHECK_NANOCLR_RUNTIME_H

#include "nanoCLR_Interop.h"

struct CLR_RT_HeapBlock
{
    CLR_UINT32 m_data[3];
    CLR_RT_HeapBlock *Dereference() const;
};

struct CLR_RT_HeapBlock_String : public CLR_RT_HeapBlock
{
    static HRESULT CreateInstance(CLR_RT_HeapBlock &reference, const char *szText);
};

struct CLR_RT_Thread
{
    CLR_RT_HeapBlock m_currentException;
};

struct CLR_RT_StackFrame
{
    CLR_RT_Thread *m_owningThread;
};

#endif
