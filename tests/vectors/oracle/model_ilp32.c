/* ILP32 (e.g. ESP32, Cortex-M): 32-bit unsigned long, 32-bit phys_addr_t. */
#include <stdint.h>
typedef uint32_t ulong_t;
typedef uint32_t phys_addr_t;
#define BITS_PER_LONG 32
#define MODEL_RUN oracle_run_ilp32
#define MODEL_PREP oracle_prep_ilp32
#include "model.h"
