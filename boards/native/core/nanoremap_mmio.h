/*
 * NanoRemap native core: the allow-list check and the checked 32-bit register access of the NanoRemap
 * interop library. Portable C99 with no ESP-IDF or nanoFramework dependency, so it builds and is unit-tested
 * on the host (boards/native/CMakeLists.txt, CTest); the firmware glue in boards/native/interop plugs in
 * the real bus (volatile accesses, DPORT_REG_READ).
 *
 * Why a second check when the managed window already validated: managed code must not be the only guard.
 * A bug or a hostile assembly calling the InternalCall directly still cannot reach a register outside the
 * board's allow-list. The decision is the one of NanoRemap.Boards.BoardMap.Check; the generated
 * boards/<chip>/native/probes.txt proves the two agree (nr_probe_check).
 */
#ifndef NANOREMAP_MMIO_H
#define NANOREMAP_MMIO_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One peripheral block of a board map (generated from boards/<chip>/board.map). */
typedef struct nr_block {
    uint32_t base;
    uint32_t size;       /* bytes, a multiple of 4 */
    uint8_t allowed;     /* 0: denied by default (security-sensitive) */
    const char *name;
} nr_block_t;

/* A board's allow-list: blocks sorted by base, the DPORT range and the refused FIFO registers. */
typedef struct nr_board {
    const char *chip;
    uint32_t bus_base;
    uint32_t bus_size;
    uint8_t has_dport;
    uint32_t dport_first;
    uint32_t dport_last;  /* inclusive, like IS_DPORT_REG */
    const nr_block_t *blocks;
    uint32_t block_count;
    const uint32_t *fifo;
    uint32_t fifo_count;
} nr_board_t;

/* The decision for one access. Same numbers as NanoRemap.Boards.AccessCheck. */
enum nr_check_result {
    NR_OK = 0,         /* allowed: plain volatile access */
    NR_DPORT = 1,      /* allowed: read in the classic ESP32 DPORT range, use the DPORT-safe read */
    NR_MISALIGNED = 2, /* refused: not 4-byte aligned */
    NR_UNMAPPED = 3,   /* refused: in no block */
    NR_DENIED = 4,     /* refused: block denied by default */
    NR_FIFO = 5,       /* refused: FIFO read, ESP32 errata CPU-3.21 */
    NR_READONLY = 6    /* refused: write to a register the board policy makes read-only */
};

/* nr_read32 / nr_write32 result when the bus has no DPORT-safe read but the board needs one. */
#define NR_EBUS (-1)

/*
 * The seam between the core and the memory: the firmware passes volatile accesses (and DPORT_REG_READ on
 * the classic ESP32); the host tests pass a simulated address space that records every access.
 */
typedef struct nr_bus {
    uint32_t (*read32)(void *ctx, uint32_t addr);
    void (*write32)(void *ctx, uint32_t addr, uint32_t value);
    uint32_t (*dport_read32)(void *ctx, uint32_t addr); /* required when the board has_dport */
    void *ctx;
} nr_bus_t;

/* The block containing addr, or NULL (binary search over the sorted blocks). */
const nr_block_t *nr_find_block(const nr_board_t *board, uint32_t addr);

/* The allow-list decision for a read (is_read != 0) or a write of the 32-bit word at addr. */
int nr_check(const nr_board_t *board, uint32_t addr, int is_read);

/* "ok", "dport", "misaligned", "unmapped", "denied", "fifo", "read-only" (the names used in probes.txt), or "?". */
const char *nr_check_name(int result);

/*
 * Checked read: on NR_OK / NR_DPORT stores the value in *value and returns the decision; otherwise returns
 * the refusal and touches nothing (neither the bus nor *value). NR_EBUS when a DPORT read has no hook.
 */
int nr_read32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t *value);

/* Checked write: NR_OK after one 32-bit write (DPORT writes are plain: DPORT_REG_WRITE), else the refusal. */
int nr_write32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t value);

#ifdef __cplusplus
}
#endif

#endif /* NANOREMAP_MMIO_H */
