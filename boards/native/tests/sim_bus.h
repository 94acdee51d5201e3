/* A simulated address space for the host tests: a small associative store that records every access, so a
 * test can prove that a refused access touched nothing. */
#ifndef NR_SIM_BUS_H
#define NR_SIM_BUS_H

#include <stdint.h>
#include "nanoremap_core.h"

#define SIM_SLOTS 64

typedef struct sim_bus {
    uint32_t addr[SIM_SLOTS];
    uint32_t value[SIM_SLOTS];
    int used;
    int reads;
    int writes;
    int dport_reads;
    int fifo_reads;
    int locks;        /* lock() calls */
    int held;         /* 1 between lock() and unlock() */
    int unlocked_rmw; /* accesses by nr_modify32 / FIFO reads made without the lock held (must stay 0) */
    int check_lock;   /* when set, every read/write counts into unlocked_rmw if the lock is not held */
    uint32_t last_addr;
} sim_bus_t;

void sim_init(sim_bus_t *s);
nr_bus_t sim_as_bus(sim_bus_t *s, int with_dport);
/* The bus with the lock seam and an errata-safe FIFO read hook (counted in fifo_reads). */
nr_bus_t sim_as_locked_bus(sim_bus_t *s, int with_dport);
void sim_poke(sim_bus_t *s, uint32_t addr, uint32_t value);
uint32_t sim_peek(const sim_bus_t *s, uint32_t addr);
int sim_accesses(const sim_bus_t *s);

#endif
