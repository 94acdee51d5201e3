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

static void note_lock(sim_bus_t *s)
{
    if (s->check_lock && !s->held) {
        s->unlocked_rmw++;
    }
}

static uint32_t sim_read32(void *ctx, uint32_t addr)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    note_lock(s);
    s->reads++;
    s->last_addr = addr;
    uint32_t *v = slot(s, addr);
    return v ? *v : 0xDEADBEEFu;
}

static uint32_t sim_dport_read32(void *ctx, uint32_t addr)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    note_lock(s);
    s->dport_reads++;
    s->last_addr = addr;
    uint32_t *v = slot(s, addr);
    return v ? *v : 0xDEADBEEFu;
}

static void sim_write32(void *ctx, uint32_t addr, uint32_t value)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    note_lock(s);
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
    bus.lock = 0;
    bus.unlock = 0;
    bus.fifo_read32 = 0;
    return bus;
}

static void sim_lock(void *ctx)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    s->locks++;
    s->held = 1;
}

static void sim_unlock(void *ctx)
{
    ((sim_bus_t *)ctx)->held = 0;
}

static uint32_t sim_fifo_read32(void *ctx, uint32_t addr)
{
    sim_bus_t *s = (sim_bus_t *)ctx;
    if (!s->held) {
        s->unlocked_rmw++;
    }
    s->fifo_reads++;
    s->last_addr = addr;
    uint32_t *v = slot(s, addr);
    if (v == 0) {
        return 0xDEADBEEFu;
    }
    return (*v)++; /* a FIFO pops: the next read returns the next value */
}

nr_bus_t sim_as_locked_bus(sim_bus_t *s, int with_dport)
{
    nr_bus_t bus = sim_as_bus(s, with_dport);
    bus.lock = sim_lock;
    bus.unlock = sim_unlock;
    bus.fifo_read32 = sim_fifo_read32;
    return bus;
}

void sim_poke(sim_bus_t *s, uint32_t addr, uint32_t value)
{
    uint32_t *v = slot(s, addr);
    if (v) {
        *v = value;
    }
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
    return s->reads + s->writes + s->dport_reads + s->fifo_reads;
}
