/*
 * NanoRemap native core: the allow-list check and the checked 32-bit register access of the NanoRemap
 * interop library. Portable C99 with no ESP-IDF or nanoFramework dependency, so it builds and is unit-tested
 * on the host (boards/native/CMakeLists.txt, CTest); the firmware glue in boards/native/interop plugs in
 * the real bus (volatile accesses, DPORT_REG_READ).
 *
 * The file names (nanoremap_core.{h,c}, guard NANOREMAP_CORE_H) must not clash with the interop library's
 * NanoRemap_Mmio.h (guard NANOREMAP_MMIO_H, from the MetadataProcessor's template) even on a case-insensitive
 * file system: the firmware build stages all of them in one folder (.ci/steps/12-interop-compile.sh checks it).
 *
 * Why a second check when the managed window already validated: managed code must not be the only guard.
 * A bug or a hostile assembly calling the InternalCall directly still cannot reach a register outside the
 * board's allow-list. The decision is the one of NanoRemap.Boards.BoardMap.Check; the generated
 * boards/<chip>/native/probes.txt proves the two agree (nr_probe_check).
 */
#ifndef NANOREMAP_CORE_H
#define NANOREMAP_CORE_H

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
    NR_READONLY = 6,   /* refused: write to a register the board policy makes read-only */
    NR_NOT_OWNED = 7   /* refused: disable / reset of a clock NanoRemap did not turn on (nr_clock) */
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
    /*
     * The critical section of nr_modify32 and of FIFO reads (NULL: none, a single-threaded host test).
     * The firmware passes portENTER_CRITICAL_SAFE / portEXIT_CRITICAL_SAFE on one spinlock: interrupts
     * off on this core, and the other core excluded from every NanoRemap access that takes the lock.
     */
    void (*lock)(void *ctx);
    void (*unlock)(void *ctx);
    /*
     * The errata-safe read of a FIFO register (classic ESP32, errata CPU-3.21), called with the lock held
     * (so no interrupt can land in the read) and pacing consecutive reads. NULL: FIFO reads are refused.
     */
    uint32_t (*fifo_read32)(void *ctx, uint32_t addr);
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

/* "ok", "dport", "misaligned", "unmapped", "denied", "fifo", "read-only" (the names used in probes.txt),
 * "not owned" (a clock operation), or "?". */
const char *nr_check_name(int result);

/*
 * Checked read: on NR_OK / NR_DPORT stores the value in *value and returns the decision; otherwise returns
 * the refusal and touches nothing (neither the bus nor *value). NR_EBUS when a DPORT read has no hook.
 */
int nr_read32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t *value);

/*
 * Checked write: NR_OK after one 32-bit write (DPORT writes are plain: DPORT_REG_WRITE), else the refusal.
 * A protected register is read first (DPORT-safe in the DPORT range) to check the value, inside the bus's
 * lock / unlock together with the write; a refused write touches nothing but that read.
 */
int nr_write32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t value);

/* The new value of nr_modify32: ((old & ~clear) | set) ^ toggle. */
#define NR_MODIFY(old, clear, set, toggle) ((((old) & ~(clear)) | (set)) ^ (toggle))

/*
 * Checked atomic read-modify-write: the register must pass the read and the write check (a FIFO register or
 * a write-refused one is refused untouched), then, inside bus->lock .. bus->unlock, one read (DPORT-safe in
 * the DPORT range), the value check of the write policy on (old, new) and one write of NR_MODIFY(old, ...).
 * On NR_OK / NR_DPORT stores the old value in *old_value (may be NULL). A refusal touches nothing.
 */
int nr_modify32(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t clear, uint32_t set,
                uint32_t toggle, uint32_t *old_value);

/*
 * Block transfers: count words at addr, addr + step, ... with step 4 (consecutive registers, RMT RAM) or 0
 * (count accesses of one register: a FIFO). The whole range is checked before the first access; on a refusal
 * nothing is touched and *bad_addr (may be NULL) is the first refused address. A range that wraps the 32-bit
 * address space is NR_UNMAPPED. Reads of a FIFO register (step 0) go through bus->fifo_read32 with the lock
 * held for each word; without that hook they are NR_FIFO. Block writes refuse `protect` registers (the check
 * needs the old value; use nr_write32 / nr_modify32 for those). Returns NR_OK (or NR_DPORT when a word was
 * read through the DPORT-safe path), a refusal, or NR_EBUS; step other than 0 or 4 is NR_MISALIGNED.
 */
int nr_read_block(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t step, uint32_t *dst,
                  uint32_t count, uint32_t *bad_addr);
int nr_write_block(const nr_board_t *board, const nr_bus_t *bus, uint32_t addr, uint32_t step,
                   const uint32_t *src, uint32_t count, uint32_t *bad_addr);

/*
 * Peripheral clocks that coexist with the firmware's own drivers. ESP-IDF v5.5.4's drivers switch their bus clocks
 * with PERIPH_RCC_ATOMIC() and their LL functions (esp_driver_ledc/src/ledc.c LEDC_BUS_CLOCK_ATOMIC), without the
 * reference count of periph_module_enable, so a count cannot tell whether a driver uses a clock; the bits can.
 * The rule (the managed RegisterSimulator and the posix board keep the same):
 *   - NR_CLOCK_ENABLE of a running clock (every enable bit set, every reset bit clear) changes nothing and takes no
 *     ownership: it is the firmware's (or already NanoRemap's). Otherwise NanoRemap turns it on (driver->enable)
 *     and owns it; an owned clock found gated (a driver switched it off) is released (driver->disable) and turned
 *     on again, so NanoRemap never holds more than one reference of the firmware's count.
 *   - NR_CLOCK_DISABLE / NR_CLOCK_RESET act only on a clock NanoRemap owns (disable gives it up); otherwise
 *     NR_NOT_OWNED and nothing is touched.
 * Ownership is one flag per clock (owned[index], 0 or 1): nothing counts, so nothing can wrap, and repeated
 * enables by several windows share the one ownership (the first DisableClock ends it).
 */
#define NR_CLOCK_ENABLE 0
#define NR_CLOCK_DISABLE 1
#define NR_CLOCK_RESET 2

/* How the firmware switches a clock: its lock (ESP-IDF: the RCC lock its drivers take, periph_rcc_enter / _exit),
 * and the three operations, called with the lock held (ESP-IDF: periph_module_enable / _disable / _reset, or on the
 * C5 PERIPH_RCC_ACQUIRE_ATOMIC / RELEASE_ATOMIC around the table's bits). enter / exit may be NULL (one thread). */
typedef struct nr_clock_driver {
    void (*enter)(void *ctx);
    void (*exit)(void *ctx);
    void (*enable)(void *ctx, const nr_clock_t *clock);  /* ungate the clock and release the reset */
    void (*disable)(void *ctx, const nr_clock_t *clock); /* gate the clock and assert the reset */
    void (*reset)(void *ctx, const nr_clock_t *clock);   /* pulse the reset, the clock left as it is */
    void *ctx;
} nr_clock_driver_t;

/* 1 when every enable bit of the clock is set and every reset bit clear (read through bus, DPORT-safe in the DPORT
 * range), else 0. */
int nr_clock_running(const nr_board_t *board, const nr_bus_t *bus, const nr_clock_t *clock);

/*
 * The clock operation (NR_CLOCK_ENABLE / _DISABLE / _RESET) on the board's clock at index, by the rule above, inside
 * driver->enter .. exit. owned holds board->clock_count flags, kept by the caller across calls. NR_OK, NR_NOT_OWNED,
 * NR_UNMAPPED for an index outside the table, NR_MISALIGNED for an unknown operation.
 */
int nr_clock(const nr_board_t *board, const nr_bus_t *bus, const nr_clock_driver_t *driver, uint8_t *owned, int index,
             int operation);

/* The address of word i of a block transfer (wraps like the hardware address; callers check the range first). */
#define NR_BLOCK_ADDR(addr, step, i) ((uint32_t)((addr) + (step) * (i)))

#ifdef __cplusplus
}
#endif

#endif /* NANOREMAP_CORE_H */
