/* NanoRemap firmware glue: the allow-list and the real register bus of the chip the ESP-IDF build targets. */
#ifndef NANOREMAP_FIRMWARE_H
#define NANOREMAP_FIRMWARE_H

#include "nanoremap_mmio.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The generated allow-list of CONFIG_IDF_TARGET_* (esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6 or esp32h2). */
const nr_board_t *nr_firmware_board(void);

/* Volatile 32-bit accesses; DPORT_REG_READ for the DPORT range on the classic ESP32. */
const nr_bus_t *nr_firmware_bus(void);

#ifdef __cplusplus
}
#endif

#endif /* NANOREMAP_FIRMWARE_H */
