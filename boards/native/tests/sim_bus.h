/* A simulated address space for the host tests: a small associative store that records every access, so a
 * test can prove that a refused access touched nothing. */
#ifndef NR_SIM_BUS_H
#define NR_SIM_BUS_H

#include <stdint.h>
#include "nanoremap_mmio.h"

#define SIM_SLOTS 64

typedef struct sim_bus {
    uint32_t addr[SIM_SLOTS];
    uint32_t value[SIM_SLOTS];
    int used;
    int reads;
    int writes;
    int dport_reads;
    uint32_t last_addr;
} sim_bus_t;

void sim_init(sim_bus_t *s);
nr_bus_t sim_as_bus(sim_bus_t *s, int with_dport);
uint32_t sim_peek(const sim_bus_t *s, uint32_t addr);
int sim_accesses(const sim_bus_t *s);

#endif
