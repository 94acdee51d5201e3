/* LP64: 64-bit unsigned long, 64-bit phys_addr_t. */
#include <stdint.h>
typedef uint64_t ulong_t;
typedef uint64_t phys_addr_t;
#define BITS_PER_LONG 64
#define MODEL_RUN oracle_run_lp64
#define MODEL_PREP oracle_prep_lp64
#include "model.h"
