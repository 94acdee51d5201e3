/* NanoRemap firmware glue: the allow-list, the real register bus and the peripheral clocks of the chip the ESP-IDF
 * build targets (nanoremap_firmware.c), or of the simulated board of the nanoCLR's posix target
 * (nanoremap_firmware_posix.c). Exactly one of the two is linked. */
#ifndef NANOREMAP_FIRMWARE_H
#define NANOREMAP_FIRMWARE_H

#include "nanoremap_core.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The generated allow-list of CONFIG_IDF_TARGET_* (or of the simulated board). */
const nr_board_t *nr_firmware_board(void);

/* Volatile 32-bit accesses, DPORT_REG_READ for the DPORT range on the classic ESP32, the critical section of
 * nr_modify32 and the errata-safe FIFO read. */
const nr_bus_t *nr_firmware_bus(void);

/*
 * Enable (ungate + release reset), disable (gate + assert reset) or reset (NR_CLOCK_ENABLE / _DISABLE / _RESET of
 * nanoremap_core.h) the peripheral at index of the board's clock table, by nr_clock's ownership rule: enabling a
 * running clock changes nothing; disable and reset act only on a clock NanoRemap turned on. NR_OK, NR_NOT_OWNED,
 * NR_UNMAPPED for an index outside the table (or a firmware built without one), NR_MISALIGNED for an unknown
 * operation.
 */
int nr_firmware_clock(int index, int operation);

#ifdef __cplusplus
}
#endif

#endif /* NANOREMAP_FIRMWARE_H */
