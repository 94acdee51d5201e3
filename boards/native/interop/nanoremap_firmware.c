/*
 * NanoRemap firmware glue (ESP-IDF only; not part of the host build). Picks the generated allow-list of the
 * chip being built (CONFIG_IDF_TARGET_*: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6, esp32h2) and
 * provides the real bus and the peripheral clocks for the portable core:
 *   - volatile 32-bit reads and writes (IDF soc.h REG_READ / REG_WRITE are the same volatile dereference;
 *     errata CPU-3.16: peripheral reads must be volatile),
 *   - on the classic ESP32, DPORT_REG_READ (components/soc/esp32/include/soc/dport_access.h) for reads in
 *     0x3FF00000..0x3FF13FFC: the SMP-safe read of esp_dport_access_reg_read(). DPORT writes are plain,
 *     as DPORT_REG_WRITE is.
 *   - the critical section of nr_modify32: portENTER_CRITICAL_SAFE / portEXIT_CRITICAL_SAFE on one spinlock
 *     (ESP-IDF FreeRTOS SMP: interrupts off on this core, and the spinlock keeps the other core's NanoRemap
 *     accesses out; callable from task and ISR context). The nanoCLR runs on one core while ESP-IDF code runs on
 *     the other: registers IDF drivers also read-modify-write under their own locks (the peripheral clock and
 *     reset registers) are driven through IDF's calls instead, see nr_firmware_clock.
 *   - the errata-safe FIFO read of the classic ESP32 (errata CPU-3.21: an interrupt during a FIFO read through
 *     0x3FF4_0000..0x3FF7_FFFF can break later APB accesses): ESP-IDF reads the UART RX FIFO through the APB
 *     address with interrupts masked (its UART ISR, hal/esp32/include/hal/uart_ll.h uart_ll_read_rxfifo), and the
 *     chip errata (CPU "limited access to address spaces", item 3) asks for 7 nops between two consecutive FIFO
 *     reads at 240 MHz (6 at 160 MHz) because the read pointer updates late. fw_fifo_read32 runs with the
 *     critical section held (the core takes it around each word) and pads each read with 7 nops.
 *   - peripheral clock and reset by the core's ownership rule (nr_clock: a running clock is left alone, only a
 *     clock NanoRemap turned on is disabled or reset) under ESP-IDF's RCC lock, switched with
 *     periph_module_enable / periph_module_disable / periph_module_reset on esp32, esp32s2, esp32s3, esp32c3,
 *     esp32c6 and esp32h2 (the targets ESP-IDF keeps the legacy API for); on esp32c5, where that API is not
 *     functional, the RCC lock macros PERIPH_RCC_ACQUIRE_ATOMIC / PERIPH_RCC_RELEASE_ATOMIC (the same reference
 *     count, IDF's own) around the clock-enable and reset bits of the board's clock table.
 */
#include "sdkconfig.h"
#include <stddef.h>
#include <stdint.h>

#include "freertos/FreeRTOS.h"
#include "esp_private/periph_ctrl.h"
#include "soc/periph_defs.h"

#include "nanoremap_firmware.h"

/*
 * The board table of this target is compiled here, in the glue's translation unit, so that the clock table's
 * NR_IDF_MODULE(PERIPH_LEDC_MODULE) entries take ESP-IDF's periph_module_t values (soc/periph_defs.h): the
 * generated nanoremap_board_<chip>.c defines NR_IDF_MODULE as -1 only when it is not defined (the host build).
 * FindINTEROP-NanoRemap.Mmio.cmake therefore lists no board table of its own.
 */
#define NR_IDF_MODULE(x) (x)

#if CONFIG_IDF_TARGET_ESP32
#include "soc/dport_access.h"
#include "nanoremap_board_esp32.c"
#define NR_FIRMWARE_BOARD nr_board_esp32
#elif CONFIG_IDF_TARGET_ESP32S2
#include "nanoremap_board_esp32s2.c"
#define NR_FIRMWARE_BOARD nr_board_esp32s2
#elif CONFIG_IDF_TARGET_ESP32S3
#include "nanoremap_board_esp32s3.c"
#define NR_FIRMWARE_BOARD nr_board_esp32s3
#elif CONFIG_IDF_TARGET_ESP32C3
#include "nanoremap_board_esp32c3.c"
#define NR_FIRMWARE_BOARD nr_board_esp32c3
#elif CONFIG_IDF_TARGET_ESP32C5
#include "nanoremap_board_esp32c5.c"
#define NR_FIRMWARE_BOARD nr_board_esp32c5
#elif CONFIG_IDF_TARGET_ESP32C6
#include "nanoremap_board_esp32c6.c"
#define NR_FIRMWARE_BOARD nr_board_esp32c6
#elif CONFIG_IDF_TARGET_ESP32H2
#include "nanoremap_board_esp32h2.c"
#define NR_FIRMWARE_BOARD nr_board_esp32h2
#else
#error "NanoRemap: no board map for this IDF target (boards/<chip>/board.map: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6, esp32h2)"
#endif

static portMUX_TYPE nr_fw_lock = portMUX_INITIALIZER_UNLOCKED;

static uint32_t fw_read32(void *ctx, uint32_t addr)
{
    (void)ctx;
    return *(volatile uint32_t *)(uintptr_t)addr;
}

static void fw_write32(void *ctx, uint32_t addr, uint32_t value)
{
    (void)ctx;
    *(volatile uint32_t *)(uintptr_t)addr = value;
}

static void fw_lock(void *ctx)
{
    (void)ctx;
    portENTER_CRITICAL_SAFE(&nr_fw_lock);
}

static void fw_unlock(void *ctx)
{
    (void)ctx;
    portEXIT_CRITICAL_SAFE(&nr_fw_lock);
}

#if CONFIG_IDF_TARGET_ESP32
static uint32_t fw_dport_read32(void *ctx, uint32_t addr)
{
    (void)ctx;
    return DPORT_REG_READ(addr);
}

static uint32_t fw_fifo_read32(void *ctx, uint32_t addr)
{
    (void)ctx;
    uint32_t value = *(volatile uint32_t *)(uintptr_t)addr;
    __asm__ __volatile__("nop\n nop\n nop\n nop\n nop\n nop\n nop");
    return value;
}
#define NR_FW_DPORT_READ fw_dport_read32
#define NR_FW_FIFO_READ fw_fifo_read32
#else
/* no DPORT range and no FIFO errata: a FIFO register is an ordinary one (board.map lists none) */
#define NR_FW_DPORT_READ NULL
#define NR_FW_FIFO_READ NULL
#endif

static const nr_bus_t nr_fw_bus = {
    fw_read32, fw_write32, NR_FW_DPORT_READ, NULL, fw_lock, fw_unlock, NR_FW_FIFO_READ,
};

const nr_board_t *nr_firmware_board(void)
{
    return &NR_FIRMWARE_BOARD;
}

const nr_bus_t *nr_firmware_bus(void)
{
    return &nr_fw_bus;
}

#if defined(NR_POLICY_PROTECT) /* the generated board tables carry the clock table (contracts section 3) */

/*
 * The clocks, by nr_clock's ownership rule (nanoremap_core.h), under the RCC lock ESP-IDF's own drivers switch
 * their clocks under (PERIPH_RCC_ATOMIC, esp_private/periph_ctrl.h) around nr_clock, so the
 * "running?" test and the switch are one step for every driver that takes it. The legacy calls below take the same
 * spinlock again (periph_ctrl.c; ESP-IDF spinlocks nest on one core, esp_hw_support/include/spinlock.h).
 *
 * NanoRemap holds at most one reference of ESP-IDF's count for a clock it owns: on esp32, -S2, -S3, -C3, -C6, -H2
 * periph_module_enable when the clock is not running and periph_module_disable when giving it up (never a disable
 * without its enable: the uint8_t count cannot wrap), so a legacy user of the count keeps the clock on after
 * NanoRemap lets go. On the C5, where that API is "not functional", the same count through
 * PERIPH_RCC_ACQUIRE_ATOMIC / PERIPH_RCC_RELEASE_ATOMIC around the table's bits. A driver that switches its clock
 * with its LL functions only (LEDC, RMT, I2C, ... in v5.5.4) keeps no count: NanoRemap never gates a clock such a
 * driver turned on (it does not own it), but a driver started on a clock NanoRemap owns is gated by NanoRemap's
 * DisableClock (boards/README.md).
 */
#define NR_FW_MAX_CLOCKS 64u
static uint8_t nr_fw_clock_owned[NR_FW_MAX_CLOCKS];

/* A read-modify-write of clock bits, with the RCC lock held (nr_firmware_clock). The DPORT read is DPORT-safe; DPORT
 * writes are plain, as DPORT_REG_WRITE is. */
static void fw_bits(uint32_t reg, uint32_t mask, int set)
{
    const nr_board_t *b = nr_firmware_board();
    uint32_t v = (b->has_dport && reg >= b->dport_first && reg <= b->dport_last && nr_fw_bus.dport_read32 != NULL)
        ? nr_fw_bus.dport_read32(NULL, reg) : *(volatile uint32_t *)(uintptr_t)reg;
    *(volatile uint32_t *)(uintptr_t)reg = set ? (v | mask) : (v & ~mask);
}

/* After the IDF call: a module whose count was already held (a legacy user) while a driver's LL call gated it is not
 * switched on by the call; NanoRemap enables only a clock that is not running, so it sets the bits then. */
static void fw_clock_ensure_running(const nr_clock_t *c)
{
    if (!nr_clock_running(nr_firmware_board(), &nr_fw_bus, c)) {
        fw_bits(c->en_reg, c->en_mask, 1);
        fw_bits(c->rst_reg, c->rst_mask, 0);
    }
}

#if CONFIG_IDF_TARGET_ESP32C5
/* Each RCC block declares __DECLARE_RCC_RC_ATOMIC_ENV for the LL calls to use (the *_ll_enable_bus_clock macros do);
 * the table's bits stand in for those calls, so the body uses it as they do. */
static void fw_clock_enable(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    PERIPH_RCC_ACQUIRE_ATOMIC((periph_module_t)c->idf_module, ref_count) {
        (void)__DECLARE_RCC_RC_ATOMIC_ENV;
        (void)ref_count; /* nr_clock enables only a clock that is not running, whatever the count says */
        fw_clock_ensure_running(c);
    }
}

static void fw_clock_disable(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    PERIPH_RCC_RELEASE_ATOMIC((periph_module_t)c->idf_module, ref_count) {
        (void)__DECLARE_RCC_RC_ATOMIC_ENV;
        if (ref_count == 0) {
            fw_bits(c->en_reg, c->en_mask, 0);
            fw_bits(c->rst_reg, c->rst_mask, 1);
        }
    }
}

static void fw_clock_reset(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    fw_bits(c->rst_reg, c->rst_mask, 1); /* the RCC lock is held (nr_firmware_clock) */
    fw_bits(c->rst_reg, c->rst_mask, 0);
}
#else
static void fw_clock_enable(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    periph_module_enable((periph_module_t)c->idf_module);
    fw_clock_ensure_running(c);
}

static void fw_clock_disable(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    periph_module_disable((periph_module_t)c->idf_module);
}

static void fw_clock_reset(void *ctx, const nr_clock_t *c)
{
    (void)ctx;
    periph_module_reset((periph_module_t)c->idf_module);
}
#endif

static const nr_clock_driver_t nr_fw_clock_driver = {
    NULL, NULL, fw_clock_enable, fw_clock_disable, fw_clock_reset, NULL,
};

int nr_firmware_clock(int index, int operation)
{
    const nr_board_t *b = nr_firmware_board();
    if (index >= 0 && (uint32_t)index >= NR_FW_MAX_CLOCKS) {
        return NR_UNMAPPED;
    }
    int rc = NR_UNMAPPED;
    PERIPH_RCC_ATOMIC() {
        rc = nr_clock(b, nr_firmware_bus(), &nr_fw_clock_driver, nr_fw_clock_owned, index, operation);
    }
    return rc;
}

#else /* board tables without a clock table: every clock operation is refused */

int nr_firmware_clock(int index, int operation)
{
    (void)index;
    (void)operation;
    return NR_UNMAPPED;
}

#endif
