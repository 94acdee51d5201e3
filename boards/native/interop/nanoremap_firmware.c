/*
 * NanoRemap firmware glue (ESP-IDF only; not part of the host build). Picks the generated allow-list of the
 * chip being built and provides the real bus for the portable core:
 *   - volatile 32-bit reads and writes (IDF soc.h REG_READ / REG_WRITE are the same volatile dereference;
 *     errata CPU-3.16: peripheral reads must be volatile),
 *   - on the classic ESP32, DPORT_REG_READ (components/soc/esp32/include/soc/dport_access.h) for reads in
 *     0x3FF00000..0x3FF13FFC: the SMP-safe read of esp_dport_access_reg_read(). DPORT writes are plain,
 *     as DPORT_REG_WRITE is.
 */
#include "sdkconfig.h"
#include <stdint.h>

#include "nanoremap_firmware.h"

#if CONFIG_IDF_TARGET_ESP32
#include "soc/dport_access.h"
#include "nanoremap_board_esp32.h"
#define NR_FIRMWARE_BOARD nr_board_esp32
#elif CONFIG_IDF_TARGET_ESP32S3
#include "nanoremap_board_esp32s3.h"
#define NR_FIRMWARE_BOARD nr_board_esp32s3
#elif CONFIG_IDF_TARGET_ESP32C3
#include "nanoremap_board_esp32c3.h"
#define NR_FIRMWARE_BOARD nr_board_esp32c3
#elif CONFIG_IDF_TARGET_ESP32S2
#include "nanoremap_board_esp32s2.h"
#define NR_FIRMWARE_BOARD nr_board_esp32s2
#elif CONFIG_IDF_TARGET_ESP32C5
#include "nanoremap_board_esp32c5.h"
#define NR_FIRMWARE_BOARD nr_board_esp32c5
#elif CONFIG_IDF_TARGET_ESP32C6
#include "nanoremap_board_esp32c6.h"
#define NR_FIRMWARE_BOARD nr_board_esp32c6
#elif CONFIG_IDF_TARGET_ESP32H2
#include "nanoremap_board_esp32h2.h"
#define NR_FIRMWARE_BOARD nr_board_esp32h2
#else
#error "NanoRemap: no board map for this IDF target (boards/<chip>/board.map: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6, esp32h2)"
#endif

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

#if CONFIG_IDF_TARGET_ESP32
static uint32_t fw_dport_read32(void *ctx, uint32_t addr)
{
    (void)ctx;
    return DPORT_REG_READ(addr);
}
#define NR_FW_DPORT_READ fw_dport_read32
#else
#define NR_FW_DPORT_READ 0
#endif

static const nr_bus_t nr_fw_bus = { fw_read32, fw_write32, NR_FW_DPORT_READ, 0 };

const nr_board_t *nr_firmware_board(void)
{
    return &NR_FIRMWARE_BOARD;
}

const nr_bus_t *nr_firmware_bus(void)
{
    return &nr_fw_bus;
}
