// Licensed under the MIT license. See LICENSE in the project root.
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace GpioInOut
{
    /// <summary>
    /// The ESP32-C6's GPIO pins as inputs and outputs, indexed: the register accesses of ESP-IDF's
    /// hal/esp32c6/include/hal/gpio_ll.h (named on each method), with the typed NanoRemap.Esp32C6 constants.
    /// </summary>
    public static class GpioPins
    {
        /// <summary>
        /// <paramref name="pin"/> as a GPIO: pad function GPIO with its input buffer on, driven by the GPIO_OUT bit
        /// (gpio_ll_func_sel, gpio_ll_input_enable, gpio_ll_matrix_out_default); output enabled or not.
        /// </summary>
        /// <param name="ioMux">The IO_MUX block.</param>
        /// <param name="gpio">The GPIO block.</param>
        /// <param name="pin">0 .. SOC_GPIO_PIN_COUNT - 1 (not a flash pad: the board map refuses those).</param>
        /// <param name="output">Enable the output driver (gpio_ll_output_enable / _disable).</param>
        public static void Configure(MmioWindow ioMux, MmioWindow gpio, int pin, bool output)
        {
            uint pad = Esp32C6.IoMux.GPIO0 + (uint)pin * Esp32C6.IoMux.GPIO_STRIDE;
            ioMux.SetField(pad, Esp32C6.IoMux.GPIO_MCU_SEL, Esp32C6.PIN_FUNC_GPIO);
            ioMux.SetField(pad, Esp32C6.IoMux.GPIO_FUN_IE, 1);
            gpio.SetField(Esp32C6.Gpio.FUNC0_OUT_SEL_CFG + (uint)pin * Esp32C6.Gpio.FUNC_OUT_SEL_CFG_STRIDE, Esp32C6.Gpio.FUNC_OUT_SEL_CFG_OUT_SEL, Esp32C6.SIG_GPIO_OUT_IDX);
            gpio.Write32(output ? Esp32C6.Gpio.ENABLE_W1TS : Esp32C6.Gpio.ENABLE_W1TC, 1u << pin);
        }

        /// <summary>Drives <paramref name="pin"/> high or low: one store to GPIO_OUT_W1TS or _W1TC (gpio_ll_set_level).</summary>
        /// <param name="gpio">The GPIO block.</param>
        /// <param name="pin">The pin.</param>
        /// <param name="high">The level.</param>
        public static void Write(MmioWindow gpio, int pin, bool high)
        {
            gpio.Write32(high ? Esp32C6.Gpio.OUT_W1TS : Esp32C6.Gpio.OUT_W1TC, 1u << pin);
        }

        /// <summary>The level on <paramref name="pin"/> (gpio_ll_get_level).</summary>
        /// <param name="gpio">The GPIO block.</param>
        /// <param name="pin">The pin.</param>
        /// <returns>True when high.</returns>
        public static bool Read(MmioWindow gpio, int pin)
        {
            return ((gpio.Read32(Esp32C6.Gpio.IN) >> pin) & 1) != 0;
        }
    }
}
