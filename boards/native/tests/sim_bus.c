#include "sim_bus.h"

#include <string.h>

void sim_init(sim_bus_t *s)
{
    memset(s, 0, sizeof(*s));
}

static uint32_t *slot(sim_bus_t *s, uint32_t addr)
{
    for (int i = 0; i < s->used; i++) {
        if (s->addr[i] == addr) {
            return &s->value[i];
        }
    }
    if (s->used == SIM_SLOTS) {
        return 0;
    }
    s->addr[s->used] = addr;
    s->value[s->used] = 0;
    return &s->value[s->used++];
}

static uint32_t sim_read32(void *ctx, uint32_t addr)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    s->reads++;
    s->last_addr = addr;
    uint32_t *v = slot(s, addr);
    return v ? *v : 0xDEADBEEFu;
}

static uint32_t sim_dport_read32(void *ctx, uint32_t addr)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    s->dport_reads++;
    s->last_addr = addr;
    uint32_t *v = slot(s, addr);
    return v ? *v : 0xDEADBEEFu;
}

static void sim_write32(void *ctx, uint32_t addr, uint32_t value)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    s->writes++;
    s->last_addr = addr;
    uint32_t *v = slot(s, addr);
    if (v) {
        *v = value;
    }
}

nr_bus_t sim_as_bus(sim_bus_t *s, int with_dport)
{
    nr_bus_t bus;
    bus.read32 = sim_read32;
    bus.write32 = sim_write32;
    bus.dport_read32 = with_dport ? sim_dport_read32 : 0;
    bus.ctx = s;
    return bus;
}

uint32_t sim_peek(const sim_bus_t *s, uint32_t addr)
{
    for (int i = 0; i < s->used; i++) {
        if (s->addr[i] == addr) {
            return s->value[i];
        }
    }
    return 0;
}

int sim_accesses(const sim_bus_t *s)
{
    return s->reads + s->writes + s->dport_reads;
}
