/* NanoRemap native core: see nanoremap_mmio.h. */
#include "nanoremap_mmio.h"

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

int nr_write32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t value)
{
    int rc = nr_check(board, addr, 0);
    if (rc != NR_OK) {
        return rc;
    }
    const nr_reg_policy_t *p = board->policy_count != 0 ? nr_find_policy(board, addr) : NULL;
    if (p != NULL && p->kind == NR_POLICY_PROTECT) {
        uint32_t old_value;
        if (board->has_dport && addr >= board->dport_first && addr <= board->dport_last) {
            if (bus->dport_read32 == NULL) {
                return NR_EBUS;
            }
            old_value = bus->dport_read32(bus->ctx, addr);
        } else {
            old_value = bus->read32(bus->ctx, addr);
        }
        rc = nr_check_write_value(board, addr, old_value, value);
        if (rc != NR_OK) {
            return rc;
        }
    }
    bus->write32(bus->ctx, addr, value);
    return NR_OK;
}
