/* COMPILE CHECK ONLY, NOT ESP-IDF: the critical-section API of ESP-IDF's FreeRTOS port (freertos/FreeRTOS.h ->
 * portmacro.h: portMUX_TYPE, portMUX_INITIALIZER_UNLOCKED, portENTER_CRITICAL_SAFE, portEXIT_CRITICAL_SAFE) that
 * the NanoRemap firmware glue uses, declared as plain functions so CI compiles the glue for every target. */
#ifndef NR_COMPILE_CHECK_FREERTOS_H
#define NR_COMPILE_CHECK_FREERTOS_H

#include <stdint.h>

typedef struct {
    uint32_t owner;
    uint32_t count;
} portMUX_TYPE;
#define portMUX_INITIALIZER_UNLOCKED { 0xB33FFFFFu, 0u }

void nr_check_enter_critical_safe(portMUX_TYPE *mux);
void nr_check_exit_critical_safe(portMUX_TYPE *mux);
#define portENTER_CRITICAL_SAFE(mux) nr_check_enter_critical_safe(mux)
#define portEXIT_CRITICAL_SAFE(mux) nr_check_exit_critical_safe(mux)

#endif
