/* COMPILE CHECK ONLY, NOT ESP-IDF: DPORT_REG_READ of ESP-IDF's components/soc/esp32/include/soc/dport_access.h
 * (the SMP-safe DPORT read, esp_dport_access_reg_read) that the NanoRemap firmware glue uses on the classic ESP32. */
#ifndef NR_COMPILE_CHECK_DPORT_ACCESS_H
#define NR_COMPILE_CHECK_DPORT_ACCESS_H

#include <stdint.h>

uint32_t esp_dport_access_reg_read(uint32_t reg);
#define DPORT_REG_READ(_r) esp_dport_access_reg_read(_r)

#endif
