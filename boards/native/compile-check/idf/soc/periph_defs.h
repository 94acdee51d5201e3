/* COMPILE CHECK ONLY, NOT ESP-IDF: a stand-in for ESP-IDF's per-chip components/soc/<chip>/include/soc/periph_defs.h
 * (the periph_module_t / shared_periph_module_t enum) with every module name the generated board tables' clock lines
 * use (NR_IDF_MODULE(PERIPH_..._MODULE)), so CI compiles the glue's board table for every target. The values are not
 * IDF's (they differ per chip); the firmware build uses the real header. */
#ifndef NR_COMPILE_CHECK_PERIPH_DEFS_H
#define NR_COMPILE_CHECK_PERIPH_DEFS_H

enum nr_check_periph_module {
    PERIPH_LEDC_MODULE = 0,
    PERIPH_UART1_MODULE,
    PERIPH_UART2_MODULE,
    PERIPH_I2C0_MODULE,
    PERIPH_I2C1_MODULE,
    PERIPH_I2S0_MODULE,
    PERIPH_I2S1_MODULE,
    PERIPH_TIMG1_MODULE,
    PERIPH_PWM0_MODULE,
    PERIPH_PWM1_MODULE,
    PERIPH_MCPWM0_MODULE,
    PERIPH_MCPWM1_MODULE,
    PERIPH_RMT_MODULE,
    PERIPH_PCNT_MODULE,
    PERIPH_TWAI_MODULE,
    PERIPH_TWAI0_MODULE,
    PERIPH_TWAI1_MODULE,
    PERIPH_HSPI_MODULE,
    PERIPH_VSPI_MODULE,
    PERIPH_FSPI_MODULE,
    PERIPH_SPI2_MODULE,
    PERIPH_SPI3_MODULE,
    PERIPH_GPSPI2_MODULE,
    PERIPH_SDMMC_MODULE,
    PERIPH_USB_MODULE,
    PERIPH_LCD_CAM_MODULE,
    PERIPH_PARLIO_MODULE,
};

#endif
