// COMPILE CHECK ONLY, NOT THE nanoCLR RUNTIME: the few declarations of nf-interpreter's public interop API
// (src/CLR/Include/nanoCLR_Interop.h, nf_errors_exceptions.h, nanoCLR_Types.h) that the NanoRemap interop library
// uses, with their signatures copied from those headers, so CI can compile the staged library (warnings as errors)
// without the firmware tree. Nothing here is ever linked or run; the firmware build uses the real headers.
#ifndef NR_COMPILE_CHECK_NANOCLR_INTEROP_H
#define NR_COMPILE_CHECK_NANOCLR_INTEROP_H

#include <stddef.h>
#include <stdint.h>

// nf_errors_exceptions.h
typedef int HRESULT;
#define SEVERITY_ERROR 1
#define SUCCEEDED(Status) ((HRESULT)(Status) >= 0)
#define FAILED(Status) ((HRESULT)(Status) < 0)
#define S_OK ((HRESULT)0x00000000L)
#define S_FALSE ((HRESULT)0x00000001L)
#define MAKE_HRESULT(sev, fac, code) \
    ((HRESULT)(((unsigned long)(sev) << 31) | ((unsigned long)(fac) << 16) | ((unsigned long)(code))))
#define CLR_E_INDEX_OUT_OF_RANGE MAKE_HRESULT(SEVERITY_ERROR, 0x2900, 0x0000)
#define CLR_E_PROCESS_EXCEPTION MAKE_HRESULT(SEVERITY_ERROR, 0x4100, 0x0000)
#define CLR_E_INVALID_OPERATION MAKE_HRESULT(SEVERITY_ERROR, 0x5600, 0x0000)
#define CLR_E_OUT_OF_MEMORY MAKE_HRESULT(SEVERITY_ERROR, 0x7A00, 0x0000)

// nanoCLR_Types.h
typedef uint16_t CLR_UINT16;
typedef uint32_t CLR_UINT32;
struct CLR_RECORD_VERSION
{
    CLR_UINT16 majorVersion;
    CLR_UINT16 minorVersion;
    CLR_UINT16 buildNumber;
    CLR_UINT16 revisionNumber;
};

// nanoCLR_Interop.h (the non-_WIN32, non-NANOCLR_TRACE_HRESULT variants of the macros)
#define NANOCLR_LEAVE() goto nanoCLR_Cleanup
#define NANOCLR_RETURN() return hr
#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_CHECK_HRESULT(expr)                                                                                    \
    {                                                                                                                  \
        if (FAILED(hr = (expr)))                                                                                       \
            NANOCLR_LEAVE();                                                                                           \
    }
#define NANOCLR_SET_AND_LEAVE(expr)                                                                                    \
    {                                                                                                                  \
        hr = (expr);                                                                                                   \
        NANOCLR_LEAVE();                                                                                               \
    }
#define NANOCLR_CLEANUP()                                                                                              \
    hr = S_OK;                                                                                                         \
    nanoCLR_Cleanup:
#define NANOCLR_CLEANUP_END() NANOCLR_RETURN()
#define NANOCLR_NOCLEANUP()                                                                                            \
    NANOCLR_CLEANUP();                                                                                                 \
    NANOCLR_CLEANUP_END()

struct CLR_RT_StackFrame;
struct CLR_RT_HeapBlock;

#define NANOCLR_NATIVE_DECLARE(mtd) static HRESULT mtd(CLR_RT_StackFrame &stack)

typedef HRESULT (*CLR_RT_MethodHandler)(CLR_RT_StackFrame &stack);

struct CLR_RT_NativeAssemblyData
{
    const char *m_szAssemblyName;
    unsigned int m_checkSum;
    const void *m_pNativeMethods;
    CLR_RECORD_VERSION m_Version;
};

template <class T> class CLR_RT_TypedArray
{
    T *m_pData;
    unsigned int m_ElemCount;

  public:
    CLR_RT_TypedArray()
    {
        m_pData = NULL;
        m_ElemCount = 0;
    }
    unsigned int GetSize()
    {
        return m_ElemCount;
    }
    T *GetBuffer()
    {
        return m_pData;
    }
};

typedef CLR_RT_TypedArray<unsigned int> CLR_RT_TypedArray_UINT32;

HRESULT Interop_Marshal_UINT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, unsigned int &param);
HRESULT Interop_Marshal_INT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, signed int &param);
HRESULT Interop_Marshal_UINT32_ARRAY(
    const CLR_RT_StackFrame &stackFrame,
    unsigned int paramIndex,
    CLR_RT_TypedArray_UINT32 &typedArray);
void SetResult_UINT32(CLR_RT_StackFrame &stackFrame, unsigned int value);

#endif
