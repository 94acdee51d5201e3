/* ILP32 with 64-bit phys_addr_t (e.g. ARM LPAE): 32-bit unsigned long. */
#include <stdint.h>
typedef uint32_t ulong_t;
typedef uint64_t phys_addr_t;
#define BITS_PER_LONG 32
#define MODEL_RUN oracle_run_ilp32_phys64
#define MODEL_PREP oracle_prep_ilp32_phys64
#include "model.h"
