/* NanoRemap simulated board for the nanoCLR's posix target: what a host test (or a debugger) can do to the simulated
 * register file besides the bus accesses of nanoremap_firmware.h. Only in a build with nanoremap_firmware_posix.c. */
#ifndef NANOREMAP_FIRMWARE_POSIX_H
#define NANOREMAP_FIRMWARE_POSIX_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bus accesses performed, as RegisterSimulator counts them. */
typedef struct nr_posix_stats {
    uint32_t reads;
    uint32_t writes;
    uint32_t ignored_writes; /* to read-only registers, reserved gaps and words with no register */
    uint32_t dport_reads;
    uint32_t fifo_reads;
} nr_posix_stats_t;

/* The stored value of a register (no bus semantics; an alias reads its own, zero, storage); 0 outside every block. */
uint32_t nr_posix_peek(uint32_t addr);

/* Sets the stored value, no bit rules (what the outside world does: pin levels in GPIO_IN); ignored outside every block. */
void nr_posix_poke(uint32_t addr, uint32_t value);

/* Every register back to its reset value, counters and clock ownership cleared. */
void nr_posix_reset(void);

/* The counters since the last nr_posix_reset. */
const nr_posix_stats_t *nr_posix_stats(void);

#ifdef __cplusplus
}
#endif

#endif /* NANOREMAP_FIRMWARE_POSIX_H */
