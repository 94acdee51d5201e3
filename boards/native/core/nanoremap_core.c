/* NanoRemap native core: see nanoremap_core.h. */
#include "nanoremap_core.h"

#include <stddef.h>

const nr_block_t *nr_find_block(const nr_board_t *board, uint32_t addr)
{
    uint32_t lo = 0;
    uint32_t hi = board->block_count;
    while (lo < hi) {
        uint32_t mid = lo + ((hi - lo) >> 1);
        const nr_block_t *b = &board->blocks[mid];
        if (addr < b->base) {
            hi = mid;
        } else if (addr - b->base >= b->size) {
            lo = mid + 1;
        } else {
            return b;
        }
    }
    return NULL;
}

static int is_fifo(const nr_board_t *board, uint32_t addr)
{
    for (uint32_t i = 0; i < board->fifo_count; i++) {
        if (board->fifo[i] == addr) {
            return 1;
        }
    }
    return 0;
}

const nr_reg_policy_t *nr_find_policy(const nr_board_t *board, uint32_t addr)
{
    uint32_t lo = 0;
    uint32_t hi = board->policy_count;
    while (lo < hi) {
        uint32_t mid = lo + ((hi - lo) >> 1);
        const nr_reg_policy_t *p = &board->policy[mid];
        uint32_t size = p->size == 0 ? 4u : p->size;
        if (addr < p->addr) {
            hi = mid;
        } else if (addr - p->addr >= size) {
            lo = mid + 1;
        } else {
            return p;
        }
    }
    return NULL;
}

int nr_check_write_value(const nr_board_t *board, uint32_t addr, uint32_t old_value, uint32_t new_value)
{
    const nr_reg_policy_t *p = nr_find_policy(board, addr);
    if (p != NULL && p->kind == NR_POLICY_PROTECT && ((old_value ^ new_value) & p->mask) != 0) {
        return NR_DENIED;
    }
    return NR_OK;
}

int nr_check(const nr_board_t *board, uint32_t addr, int is_read)
{
    if ((addr & 3u) != 0) {
        return NR_MISALIGNED;
    }
    const nr_block_t *b = nr_find_block(board, addr);
    if (b == NULL) {
        return NR_UNMAPPED;
    }
    if (!b->allowed) {
        return NR_DENIED;
    }
    if (board->policy_count != 0) {
        const nr_reg_policy_t *p = nr_find_policy(board, addr);
        if (p != NULL && p->kind == NR_POLICY_DENY) {
            return NR_DENIED;
        }
        if (p != NULL && p->kind == NR_POLICY_RO && !is_read) {
            return NR_READONLY;
        }
    }
    if (is_read && is_fifo(board, addr)) {
        return NR_FIFO;
    }
    if (is_read && board->has_dport && addr >= board->dport_first && addr <= board->dport_last) {
        return NR_DPORT;
    }
    return NR_OK;
}

const char *nr_check_name(int result)
{
    switch (result) {
    case NR_OK: return "ok";
    case NR_DPORT: return "dport";
    case NR_MISALIGNED: return "misaligned";
    case NR_UNMAPPED: return "unmapped";
    case NR_DENIED: return "denied";
    case NR_FIFO: return "fifo";
    case NR_READONLY: return "read-only";
    case NR_NOT_OWNED: return "not owned";
    default: return "?";
    }
}

int nr_read32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t *value)
{
    int rc = nr_check(board, addr, 1);
    if (rc == NR_OK) {
        *value = bus->read32(bus->ctx, addr);
    } else if (rc == NR_DPORT) {
        if (bus->dport_read32 == NULL) {
            return NR_EBUS;
        }
        *value = bus->dport_read32(bus->ctx, addr);
    }
    return rc;
}

static uint32_t read_word(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr);
static void lock(const nr_bus_t *bus);
static void unlock(const nr_bus_t *bus);

int nr_write32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t value)
{
    int rc = nr_check(board, addr, 0);
    if (rc != NR_OK) {
        return rc;
    }
    const nr_reg_policy_t *p = board->policy_count != 0 ? nr_find_policy(board, addr) : NULL;
    if (p != NULL && p->kind == NR_POLICY_PROTECT) {
        /* The value check needs the old value: read, check and write inside the bus lock, as nr_modify32 does,
         * so code on the other core cannot change the register between the check and the write. */
        if (board->has_dport && addr >= board->dport_first && addr <= board->dport_last && bus->dport_read32 == NULL) {
            return NR_EBUS;
        }
        lock(bus);
        rc = nr_check_write_value(board, addr, read_word(board, bus, addr), value);
        if (rc == NR_OK) {
            bus->write32(bus->ctx, addr, value);
        }
        unlock(bus);
        return rc;
    }
    bus->write32(bus->ctx, addr, value);
    return NR_OK;
}

static uint32_t read_word(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr)
{
    if (board->has_dport && addr >= board->dport_first && addr <= board->dport_last) {
        return bus->dport_read32(bus->ctx, addr);
    }
    return bus->read32(bus->ctx, addr);
}

static void lock(const nr_bus_t *bus)
{
    if (bus->lock != NULL) {
        bus->lock(bus->ctx);
    }
}

static void unlock(const nr_bus_t *bus)
{
    if (bus->unlock != NULL) {
        bus->unlock(bus->ctx);
    }
}

int nr_modify32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t clear, uint32_t set,
                uint32_t toggle, uint32_t *old_value)
{
    int rc = nr_check(board, addr, 1);
    if (rc != NR_OK && rc != NR_DPORT) {
        return rc;
    }
    int wrc = nr_check(board, addr, 0);
    if (wrc != NR_OK) {
        return wrc;
    }
    if (rc == NR_DPORT && bus->dport_read32 == NULL) {
        return NR_EBUS;
    }
    lock(bus);
    uint32_t old = read_word(board, bus, addr);
    uint32_t value = NR_MODIFY(old, clear, set, toggle);
    wrc = nr_check_write_value(board, addr, old, value);
    if (wrc == NR_OK) {
        bus->write32(bus->ctx, addr, value);
    }
    unlock(bus);
    if (wrc != NR_OK) {
        return wrc;
    }
    if (old_value != NULL) {
        *old_value = old;
    }
    return rc;
}

/* The decision for the whole range of a block transfer, before any access: one check for a single register (step 0). */
static int check_block(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t step, uint32_t count,
                       int is_read, uint32_t *bad_addr, int *dport)
{
    if (step != 0 && step != 4) {
        if (bad_addr != NULL) {
            *bad_addr = addr;
        }
        return NR_MISALIGNED;
    }
    if (count != 0 && step != 0 && (uint64_t)addr + (uint64_t)step * (count - 1u) > 0xFFFFFFFFu) {
        if (bad_addr != NULL) {
            *bad_addr = addr;
        }
        return NR_UNMAPPED;
    }
    *dport = 0;
    uint32_t n = step == 0 && count != 0 ? 1u : count; /* one register: one decision */
    for (uint32_t i = 0; i < n; i++) {
        uint32_t a = NR_BLOCK_ADDR(addr, step, i);
        int rc = nr_check(board, a, is_read);
        if (rc == NR_FIFO && step == 0 && bus->fifo_read32 != NULL) {
            rc = NR_OK;
        }
        if (rc == NR_OK && !is_read
            && (nr_check_write_value(board, a, 0u, 0xFFFFFFFFu) != NR_OK
                || nr_check_write_value(board, a, 0xFFFFFFFFu, 0u) != NR_OK)) {
            rc = NR_DENIED; /* a protect register: its value check needs the old value */
        }
        if (rc == NR_DPORT) {
            if (bus->dport_read32 == NULL) {
                return NR_EBUS;
            }
            *dport = 1;
            rc = NR_OK;
        }
        if (rc != NR_OK) {
            if (bad_addr != NULL) {
                *bad_addr = a;
            }
            return rc;
        }
    }
    return NR_OK;
}

int nr_read_block(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t step, uint32_t *dst,
                  uint32_t count, uint32_t *bad_addr)
{
    int dport;
    int rc = check_block(board, bus, addr, step, count, 1, bad_addr, &dport);
    if (rc != NR_OK) {
        return rc;
    }
    if (count != 0 && step == 0 && nr_check(board, addr, 1) == NR_FIFO) {
        for (uint32_t i = 0; i < count; i++) {
            lock(bus);
            dst[i] = bus->fifo_read32(bus->ctx, addr);
            unlock(bus);
        }
        return NR_OK;
    }
    for (uint32_t i = 0; i < count; i++) {
        dst[i] = read_word(board, bus, NR_BLOCK_ADDR(addr, step, i));
    }
    return dport ? NR_DPORT : NR_OK;
}

int nr_write_block(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t step,
                   const uint32_t *src, uint32_t count, uint32_t *bad_addr)
{
    int dport;
    int rc = check_block(board, bus, addr, step, count, 0, bad_addr, &dport);
    if (rc != NR_OK) {
        return rc;
    }
    for (uint32_t i = 0; i < count; i++) {
        bus->write32(bus->ctx, NR_BLOCK_ADDR(addr, step, i), src[i]);
    }
    return NR_OK;
}

static uint32_t clock_read(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr)
{
    if (board->has_dport && addr >= board->dport_first && addr <= board->dport_last && bus->dport_read32 != NULL) {
        return bus->dport_read32(bus->ctx, addr);
    }
    return bus->read32(bus->ctx, addr);
}

int nr_clock_running(const nr_board_t *board, const nr_bus_t *bus, const nr_clock_t *clock)
{
    return (clock_read(board, bus, clock->en_reg) & clock->en_mask) == clock->en_mask
        && (clock_read(board, bus, clock->rst_reg) & clock->rst_mask) == 0;
}

int nr_clock(const nr_board_t *board, const nr_bus_t *bus, const nr_clock_driver_t *driver, uint8_t *owned, int index,
             int operation)
{
    if (index < 0 || (uint32_t)index >= board->clock_count) {
        return NR_UNMAPPED;
    }
    if (operation != NR_CLOCK_ENABLE && operation != NR_CLOCK_DISABLE && operation != NR_CLOCK_RESET) {
        return NR_MISALIGNED;
    }
    const nr_clock_t *c = &board->clocks[index];
    int rc = NR_OK;
    if (driver->enter != NULL) {
        driver->enter(driver->ctx);
    }
    if (operation == NR_CLOCK_ENABLE) {
        if (!nr_clock_running(board, bus, c)) {
            if (owned[index]) {
                driver->disable(driver->ctx, c); /* ours, gated by someone else: give our reference back first */
            }
            driver->enable(driver->ctx, c);
            owned[index] = 1;
        }
    } else if (!owned[index]) {
        rc = NR_NOT_OWNED;
    } else if (operation == NR_CLOCK_DISABLE) {
        driver->disable(driver->ctx, c);
        owned[index] = 0;
    } else {
        driver->reset(driver->ctx, c);
    }
    if (driver->exit != NULL) {
        driver->exit(driver->ctx);
    }
    return rc;
}
