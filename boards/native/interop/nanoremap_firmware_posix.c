/*
 * NanoRemap simulated board for the nanoCLR's posix target (nf-interpreter targets/posix): the glue that replaces
 * nanoremap_firmware.c there, backing the portable core's bus with a simulated register file that behaves as the
 * managed RegisterSimulator (src/NanoRemap.Mmio.Simulation/RegisterSimulator.cs) given the chip's SVD register
 * model (NanoRemap.Tooling.Boards.SimulatorModels.ForChip), as the host tests run it: every register starts at its
 * SVD reset value, read-only registers and reserved gaps ignore writes, write-only registers and the W1TS / W1TC
 * aliases read as zero, and a store to an alias sets / clears bits of its target; at the bit level, read-only bits
 * keep their value on a write, a 1 clears a write-1-to-clear bit, write-only bits read as zero, clear-on-read bits
 * clear when read, and words with no register (in a block the model covers) read as zero and ignore writes. The
 * access kinds and the bit model come from the generated nanoremap_sim_model.c (from the same board maps and SVD
 * facts as the managed tables and model), in the order of RegisterSimulator.ReadAt / WriteAt; the allow-list is the generated board
 * table, so the core refuses exactly what it refuses on the device, with the same words. The board is chosen at
 * compile time: -DNR_POSIX_BOARD_ESP32S2 / _ESP32S3 / _ESP32C3 / _ESP32C5 / _ESP32C6 / _ESP32H2, default esp32 (a board
 * needs its generated table and its entry in nanoremap_sim_model.c, which compiles that chip's model only).
 *
 * The nanoCLR interprets managed code on one thread, so the critical section of nr_modify32 needs no lock here
 * (the lock hooks are NULL). DPORT reads and the errata-safe FIFO read are plain reads, counted apart.
 * Peripheral clocks follow the core's ownership rule (nr_clock, as on the device): enabling a running clock (enable
 * bits set, reset bits clear) changes nothing, and only a clock NanoRemap turned on can be disabled or reset; the
 * enable / disable / reset set and clear the clock table's bits in the simulated register file, as
 * periph_module_enable / _disable / _reset do on the chip. What the firmware's own drivers do is a poke
 * (nr_posix_poke) of those bits.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nanoremap_firmware.h"
#include "nanoremap_firmware_posix.h"
#include "nanoremap_sim_model.h"

#if defined(NR_POSIX_BOARD_ESP32S2)
#include "nanoremap_board_esp32s2.h"
#define NR_POSIX_BOARD nr_board_esp32s2
#define NR_POSIX_MODEL nr_sim_model_esp32s2
#elif defined(NR_POSIX_BOARD_ESP32S3)
#include "nanoremap_board_esp32s3.h"
#define NR_POSIX_BOARD nr_board_esp32s3
#define NR_POSIX_MODEL nr_sim_model_esp32s3
#elif defined(NR_POSIX_BOARD_ESP32C3)
#include "nanoremap_board_esp32c3.h"
#define NR_POSIX_BOARD nr_board_esp32c3
#define NR_POSIX_MODEL nr_sim_model_esp32c3
#elif defined(NR_POSIX_BOARD_ESP32C5)
#include "nanoremap_board_esp32c5.h"
#define NR_POSIX_BOARD nr_board_esp32c5
#define NR_POSIX_MODEL nr_sim_model_esp32c5
#elif defined(NR_POSIX_BOARD_ESP32C6)
#include "nanoremap_board_esp32c6.h"
#define NR_POSIX_BOARD nr_board_esp32c6
#define NR_POSIX_MODEL nr_sim_model_esp32c6
#elif defined(NR_POSIX_BOARD_ESP32H2)
#include "nanoremap_board_esp32h2.h"
#define NR_POSIX_BOARD nr_board_esp32h2
#define NR_POSIX_MODEL nr_sim_model_esp32h2
#else
#include "nanoremap_board_esp32.h"
#define NR_POSIX_BOARD nr_board_esp32
#define NR_POSIX_MODEL nr_sim_model_esp32
#endif

#define NR_POSIX_MAX_BLOCKS 128u
#define NR_POSIX_MAX_CLOCKS 64u

static uint32_t *nr_posix_words[NR_POSIX_MAX_BLOCKS]; /* per block, allocated on first use at the reset values */
static nr_posix_stats_t nr_posix_counters;
static uint8_t nr_posix_clock_owned[NR_POSIX_MAX_CLOCKS]; /* nr_clock's ownership flags */

/* The storage word of addr (any block, denied ones included), or NULL outside every block. A block's storage is
 * allocated on its first access with every register of the model at its reset value (RegisterSimulator.Words). */
static uint32_t *word_at(uint32_t addr)
{
    const nr_board_t *b = &NR_POSIX_BOARD;
    const nr_block_t *block = nr_find_block(b, addr & ~3u);
    if (block == NULL) {
        return NULL;
    }
    uint32_t i = (uint32_t)(block - b->blocks);
    if (i >= NR_POSIX_MAX_BLOCKS) {
        return NULL;
    }
    if (nr_posix_words[i] == NULL) {
        uint32_t *words = (uint32_t *)calloc(block->size / 4u, sizeof(uint32_t));
        if (words == NULL) {
            return NULL;
        }
        const nr_sim_model_t *m = &NR_POSIX_MODEL;
        for (uint32_t k = nr_sim_bits_from(m, block->base); k < m->bits_count && m->bits[k].addr - block->base < block->size; k++) {
            words[(m->bits[k].addr - block->base) / 4u] = m->bits[k].reset;
        }
        nr_posix_words[i] = words;
    }
    return &nr_posix_words[i][((addr & ~3u) - block->base) / 4u];
}

static uint32_t kind_at(uint32_t addr, uint32_t *target)
{
    const nr_sim_reg_t *r = nr_sim_find(&NR_POSIX_MODEL, addr);
    if (r == NULL) {
        return NR_SIM_RW;
    }
    *target = r->target;
    return r->kind;
}

/* The stored value of addr, 0 outside every block. */
static uint32_t stored(uint32_t addr)
{
    uint32_t *w = word_at(addr);
    return w != NULL ? *w : 0;
}

/* RegisterSimulator.GroupStatus: INT_RAW & INT_ENA (all of INT_RAW when the group has no INT_ENA). */
static uint32_t group_status(const nr_sim_group_t *g)
{
    uint32_t raw = stored(g->raw);
    return g->ena == 0 ? raw : raw & stored(g->ena);
}

/* RegisterSimulator.ClearRaw: a 1 written to INT_CLR clears INT_RAW's bit clear_shift below it. */
static void group_clear(const nr_sim_group_t *g, uint32_t bits)
{
    uint32_t *w = word_at(g->raw);
    if (w != NULL) {
        *w &= ~(g->clear_shift >= 0 ? bits >> g->clear_shift : bits << -g->clear_shift);
    }
}

/* RegisterSimulator.ReadAt: the access kind first (write-only words, aliases and reserved gaps read as zero), then the
 * bit model: write-only bits read as zero and clear-on-read bits clear in the register; a word with no register reads
 * as zero. */
static uint32_t sim_read(uint32_t addr)
{
    const nr_sim_model_t *m = &NR_POSIX_MODEL;
    uint32_t target = 0;
    uint32_t kind = kind_at(addr, &target);
    uint32_t *w = word_at(addr);
    uint32_t value;
    nr_posix_counters.reads++;
    if (kind == NR_SIM_WO || kind == NR_SIM_W1TS || kind == NR_SIM_W1TC || kind == NR_SIM_RESERVED) {
        value = 0;
    } else {
        value = w != NULL ? *w : 0;
    }
    const nr_sim_bits_t *bits = nr_sim_find_bits(m, addr);
    if (bits != NULL) {
        const nr_sim_masks_t *mask = &m->masks[bits->masks];
        if (bits->group > 0) {
            value = group_status(&m->groups[bits->group - 1]); /* INT_ST = INT_RAW & INT_ENA */
        }
        value &= ~mask->wo;
        if (w != NULL) {
            *w &= ~mask->cor;
        }
    } else if (nr_sim_in_hole(m, addr)) {
        value = 0; /* no register here: a reserved word */
    }
    return value;
}
static uint32_t posix_read32(void *ctx, uint32_t addr)
{
    (void)ctx;
    return sim_read(addr);
}

static uint32_t posix_dport_read32(void *ctx, uint32_t addr)
{
    (void)ctx;
    nr_posix_counters.dport_reads++;
    return sim_read(addr);
}

static uint32_t posix_fifo_read32(void *ctx, uint32_t addr)
{
    (void)ctx;
    nr_posix_counters.fifo_reads++;
    return sim_read(addr);
}

static void posix_write32(void *ctx, uint32_t addr, uint32_t value)
{
    (void)ctx;
    uint32_t target = 0;
    uint32_t kind = kind_at(addr, &target);
    nr_posix_counters.writes++;
    uint32_t *w;
    const nr_sim_bits_t *bits;
    switch (kind) {
    case NR_SIM_RO:
    case NR_SIM_RESERVED:
        nr_posix_counters.ignored_writes++;
        break;
    case NR_SIM_W1TS:
        w = word_at(target);
        if (w != NULL) {
            *w |= value;
        }
        break;
    case NR_SIM_W1TC:
        w = word_at(target);
        if (w != NULL) {
            *w &= ~value;
        }
        break;
    default:
        w = word_at(addr);
        bits = nr_sim_find_bits(&NR_POSIX_MODEL, addr);
        if (bits == NULL && nr_sim_in_hole(&NR_POSIX_MODEL, addr)) {
            nr_posix_counters.ignored_writes++; /* no register here: a reserved word */
        } else if (w == NULL) {
            break;
        } else if (bits != NULL) {
            /* RegisterSimulator.WriteAt: read-only bits keep their value, a 1 clears a write-1-to-clear bit and sets a
             * write-1-to-set bit, self-clearing bits are done once written, INT_CLR clears its group's INT_RAW */
            const nr_sim_masks_t *mask = &NR_POSIX_MODEL.masks[bits->masks];
            uint32_t old = *w;
            uint32_t next = (old & mask->ro) | (value & ~mask->ro);
            next = (next & ~mask->w1c) | (old & mask->w1c & ~value);
            next = (next & ~mask->w1s) | (old & mask->w1s) | (value & mask->w1s);
            *w = next & ~mask->sc;
            if (bits->group < 0) {
                group_clear(&NR_POSIX_MODEL.groups[-bits->group - 1], value);
            }
        } else {
            *w = value;
        }
        break;
    }
}

static const nr_bus_t nr_posix_bus = {
    posix_read32, posix_write32, posix_dport_read32, NULL, NULL, NULL, posix_fifo_read32,
};

const nr_board_t *nr_firmware_board(void)
{
    return &NR_POSIX_BOARD;
}

const nr_bus_t *nr_firmware_bus(void)
{
    return &nr_posix_bus;
}

uint32_t nr_posix_peek(uint32_t addr)
{
    uint32_t *w = word_at(addr);
    return w != NULL ? *w : 0;
}

void nr_posix_poke(uint32_t addr, uint32_t value)
{
    uint32_t *w = word_at(addr);
    if (w != NULL) {
        *w = value;
    }
}

void nr_posix_reset(void)
{
    for (uint32_t i = 0; i < NR_POSIX_MAX_BLOCKS; i++) {
        free(nr_posix_words[i]);
        nr_posix_words[i] = NULL;
    }
    memset(&nr_posix_counters, 0, sizeof(nr_posix_counters));
    memset(nr_posix_clock_owned, 0, sizeof(nr_posix_clock_owned));
}

const nr_posix_stats_t *nr_posix_stats(void)
{
    return &nr_posix_counters;
}

#if defined(NR_POLICY_PROTECT) /* the generated board tables carry the clock table (contracts section 3) */

static void poke_bits(uint32_t addr, uint32_t mask, int set)
{
    uint32_t v = nr_posix_peek(addr);
    nr_posix_poke(addr, set ? (v | mask) : (v & ~mask));
}

static void posix_clock_enable(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    poke_bits(c->en_reg, c->en_mask, 1);
    poke_bits(c->rst_reg, c->rst_mask, 0);
}

static void posix_clock_disable(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    poke_bits(c->en_reg, c->en_mask, 0);
    poke_bits(c->rst_reg, c->rst_mask, 1);
}

static void posix_clock_reset(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    poke_bits(c->rst_reg, c->rst_mask, 1);
    poke_bits(c->rst_reg, c->rst_mask, 0);
}

/* the state tests read: the stored bits (nr_posix_peek), not bus reads, so the counters stay the program's */
static uint32_t posix_clock_read(void *ctx, uint32_t addr)
{
    (void)ctx;
    return nr_posix_peek(addr);
}

static const nr_bus_t nr_posix_clock_bus = { posix_clock_read, NULL, posix_clock_read, NULL, NULL, NULL, NULL };

static const nr_clock_driver_t nr_posix_clock_driver = {
    NULL, NULL, posix_clock_enable, posix_clock_disable, posix_clock_reset, NULL,
};

int nr_firmware_clock(int index, int operation)
{
    if (index >= 0 && (uint32_t)index >= NR_POSIX_MAX_CLOCKS) {
        return NR_UNMAPPED;
    }
    return nr_clock(&NR_POSIX_BOARD, &nr_posix_clock_bus, &nr_posix_clock_driver, nr_posix_clock_owned, index, operation);
}

#else /* board tables without a clock table */

int nr_firmware_clock(int index, int operation)
{
    (void)index;
    (void)operation;
    return NR_UNMAPPED;
}

#endif
