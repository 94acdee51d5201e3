// COMPILE CHECK ONLY, NOT THE nanoCLR RUNTIME: from nf-interpreter's src/CLR/CorLib/corlib_native.h, the part of
// Library_corlib_native_System_Exception the NanoRemap interop library uses (the message field index and
// CreateInstance from an HRESULT, which maps CLR_E_INVALID_OPERATION to System.InvalidOperationException in
// corlib_native_System_Exception.cpp). Nothing here is linked or run.
#ifndef NR_COMPILE_CHECK_CORLIB_NATIVE_H
#define NR_COMPILE_CHECK_CORLIB_NATIVE_H

#include "nanoCLR_Interop.h"
#include "nanoCLR_Runtime.h"

struct Library_corlib_native_System_Exception
{
    static const int FIELD___message = 1;

    static HRESULT CreateInstance(CLR_RT_HeapBlock &ref, HRESULT hr, CLR_RT_StackFrame *stack);
};

#endif
