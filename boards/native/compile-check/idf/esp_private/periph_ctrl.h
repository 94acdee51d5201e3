/* COMPILE CHECK ONLY, NOT ESP-IDF: the reset and clock control API of ESP-IDF's
 * components/esp_hw_support/include/esp_private/periph_ctrl.h that the NanoRemap firmware glue uses
 * (periph_module_enable / _disable / _reset; the PERIPH_RCC_* lock macros with their helper functions, in the
 * shape of the real macros). The module enum is a stand-in for soc/periph_defs.h's shared_periph_module_t. */
#ifndef NR_COMPILE_CHECK_PERIPH_CTRL_H
#define NR_COMPILE_CHECK_PERIPH_CTRL_H

#include <stdint.h>

typedef enum { NR_CHECK_PERIPH_MODULE_MAX = 64 } shared_periph_module_t;
typedef shared_periph_module_t periph_module_t;

uint8_t periph_rcc_acquire_enter(shared_periph_module_t periph);
void periph_rcc_acquire_exit(shared_periph_module_t periph, uint8_t ref_count);
uint8_t periph_rcc_release_enter(shared_periph_module_t periph);
void periph_rcc_release_exit(shared_periph_module_t periph, uint8_t ref_count);
void periph_rcc_enter(void);
void periph_rcc_exit(void);

#define PERIPH_RCC_ACQUIRE_ATOMIC(rc_periph, rc_name)                                                            \
    for (uint8_t rc_name, _rc_cnt = 1; _rc_cnt ? (rc_name = periph_rcc_acquire_enter(rc_periph), 1) : 0;          \
         periph_rcc_acquire_exit(rc_periph, rc_name), _rc_cnt--)
#define PERIPH_RCC_RELEASE_ATOMIC(rc_periph, rc_name)                                                            \
    for (uint8_t rc_name, _rc_cnt = 1; _rc_cnt ? (rc_name = periph_rcc_release_enter(rc_periph), 1) : 0;          \
         periph_rcc_release_exit(rc_periph, rc_name), _rc_cnt--)
#define PERIPH_RCC_ATOMIC() for (int _rc_cnt = 1; _rc_cnt ? (periph_rcc_enter(), 1) : 0; periph_rcc_exit(), _rc_cnt--)

void periph_module_enable(shared_periph_module_t periph);
void periph_module_disable(shared_periph_module_t periph);
void periph_module_reset(shared_periph_module_t periph);

#endif
