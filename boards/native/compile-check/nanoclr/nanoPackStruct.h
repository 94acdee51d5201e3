// COMPILE CHECK ONLY, NOT THE nanoCLR RUNTIME: nf-interpreter's src/CLR/Include/nanoPackStruct.h is included by the
// MetadataProcessor's assembly header template; the NanoRemap interop library uses nothing from it.
#ifndef NR_COMPILE_CHECK_NANOPACKSTRUCT_H
#define NR_COMPILE_CHECK_NANOPACKSTRUCT_H
#endif
