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

/*
 * Register-level policy of a board (board.map lines ro / deny / protect), sorted by addr, non-overlapping.
 * An entry covers `size` bytes from addr (consecutive registers of one policy line merge; 0 means one
 * register, 4 bytes). NR_POLICY_RO: writes refused (NR_READONLY); NR_POLICY_DENY: reads and writes refused
 * (NR_DENIED); NR_POLICY_PROTECT: a write changing any bit of `mask` is refused (nr_check_write_value).
 */
#define NR_POLICY_RO 1
#define NR_POLICY_DENY 2
#define NR_POLICY_PROTECT 3
typedef struct nr_reg_policy {
    uint32_t addr;
    uint8_t kind;
    uint32_t mask;
    uint32_t size;
} nr_reg_policy_t;

/*
 * A peripheral's bus clock and reset bits (board.map `clock` lines). idf_module is ESP-IDF's periph_module_t
 * on the firmware (NR_IDF_MODULE(x) defined as x), -1 on the host.
 */
typedef struct nr_clock {
    const char *name;
    uint32_t en_reg, en_mask, rst_reg, rst_mask;
    int idf_module;
} nr_clock_t;

/* A board's allow-list: blocks sorted by base, the DPORT range, the refused FIFO registers, the policy, the clocks. */
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
    const nr_reg_policy_t *policy; /* sorted by addr */
    uint32_t policy_count;
    const nr_clock_t *clocks;
    uint32_t clock_count;
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

/*
 * The allow-list decision for a read (is_read != 0) or a write of the 32-bit word at addr: block, then
 * register-level policy (NR_DENIED for deny, NR_READONLY for a write to ro), then FIFO and DPORT.
 */
int nr_check(const nr_board_t *board, uint32_t addr, int is_read);

/* The policy entry covering addr, or NULL (binary search). */
const nr_reg_policy_t *nr_find_policy(const nr_board_t *board, uint32_t addr);

/*
 * The value check of a write that nr_check allowed: NR_DENIED when addr is protected and old_value ^ new_value
 * touches the protected mask, else NR_OK. nr_write32 reads the old value itself.
 */
int nr_check_write_value(const nr_board_t *board, uint32_t addr, uint32_t old_value, uint32_t new_value);

/* "ok", "dport", "misaligned", "unmapped", "denied", "fifo", "read-only" (the names used in probes.txt), or "?". */
const char *nr_check_name(int result);

/*
 * Checked read: on NR_OK / NR_DPORT stores the value in *value and returns the decision; otherwise returns
 * the refusal and touches nothing (neither the bus nor *value). NR_EBUS when a DPORT read has no hook.
 */
int nr_read32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t *value);

/*
 * Checked write: NR_OK after one 32-bit write (DPORT writes are plain: DPORT_REG_WRITE), else the refusal.
 * A protected register is read first (DPORT-safe in the DPORT range) to check the value; a refused write
 * touches nothing but that read.
 */
int nr_write32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t value);

#ifdef __cplusplus
}
#endif

#endif /* NANOREMAP_MMIO_H */
