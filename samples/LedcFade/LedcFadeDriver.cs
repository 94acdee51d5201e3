// Licensed under the MIT license. See LICENSE in the project root.
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace LedcFade
{
    /// <summary>
    /// The ESP32's LEDC low-speed timers and channels, indexed, with the hardware fade: the register writes of
    /// ESP-IDF's hal/esp32/include/hal/ledc_ll.h (named on each method), with the typed NanoRemap.Esp32 constants.
    /// </summary>
    public static class LedcFadeDriver
    {
        /// <summary>The LEDC duty registers hold the duty with this many fraction bits (ledc_ll.h LEDC_LL_FRACTIONAL_BITS).</summary>
        public const int DutyFractionBits = 4;

        /// <summary>
        /// Low-speed timer <paramref name="timer"/> at <paramref name="frequency"/> Hz with <paramref name="bits"/> of duty
        /// resolution from the 80 MHz APB clock (ledc_ll_set_slow_clk_sel, _set_clock_divider, _set_duty_resolution,
        /// _set_clock_source, _timer_resume / _timer_rst, _ls_timer_update).
        /// </summary>
        /// <param name="ledc">The LEDC block.</param>
        /// <param name="timer">0 .. LSTIMER_CONF_COUNT - 1.</param>
        /// <param name="frequency">PWM frequency in Hz.</param>
        /// <param name="bits">Duty resolution in bits.</param>
        public static void ConfigureTimer(MmioWindow ledc, uint timer, uint frequency, uint bits)
        {
            uint conf = Esp32.Ledc.LSTIMER0_CONF + timer * Esp32.Ledc.LSTIMER_CONF_STRIDE;
            ledc.SetField(Esp32.Ledc.CONF, Esp32.Ledc.CONF_APB_CLK_SEL, Esp32.Ledc.CONF_APB_CLK_SEL_APB);
            ledc.SetField(conf, Esp32.Ledc.LSTIMER_CONF_DIV_NUM, (uint)(((ulong)Esp32.APB_CLK_FREQ << 8) / ((ulong)frequency << (int)bits)));
            ledc.SetField(conf, Esp32.Ledc.LSTIMER_CONF_DUTY_RES, bits);
            ledc.SetField(conf, Esp32.Ledc.LSTIMER_CONF_TICK_SEL, Esp32.Ledc.LSTIMER_CONF_TICK_SEL_SLOW_CLK);
            ledc.SetField(conf, Esp32.Ledc.LSTIMER_CONF_RST, 0);
            ledc.SetField(conf, Esp32.Ledc.LSTIMER_CONF_PARA_UP, 1);
        }

        /// <summary>
        /// Channel <paramref name="channel"/> on <paramref name="timer"/>, output on <paramref name="pin"/> through the GPIO
        /// matrix (ledc_ll_bind_channel_timer, _set_hpoint, _set_sig_out_en; gpio_ll_func_sel / esp_rom_gpio_connect_out_signal).
        /// </summary>
        /// <param name="ledc">The LEDC block.</param>
        /// <param name="gpio">The GPIO block.</param>
        /// <param name="channel">0 .. LSCH_CONF0_COUNT - 1.</param>
        /// <param name="timer">0 .. LSTIMER_CONF_COUNT - 1.</param>
        /// <param name="pin">The output pad (its IO_MUX function set to GPIO by the caller).</param>
        public static void AttachChannel(MmioWindow ledc, MmioWindow gpio, uint channel, uint timer, int pin)
        {
            uint conf0 = Esp32.Ledc.LSCH0_CONF0 + channel * Esp32.Ledc.LSCH_CONF0_STRIDE;
            ledc.SetField(conf0, Esp32.Ledc.LSCH_CONF0_TIMER_SEL, timer);
            ledc.Write32(Esp32.Ledc.LSCH0_HPOINT + channel * Esp32.Ledc.LSCH_HPOINT_STRIDE, 0);
            ledc.SetField(conf0, Esp32.Ledc.LSCH_CONF0_SIG_OUT_EN, 1);
            gpio.Write32(Esp32.Gpio.FUNC0_OUT_SEL_CFG + (uint)pin * Esp32.Gpio.FUNC_OUT_SEL_CFG_STRIDE, Esp32.LEDC_LS_SIG_OUT0_IDX + channel);
            gpio.Write32(Esp32.Gpio.ENABLE_W1TS, 1u << pin);
        }

        /// <summary>
        /// A hardware fade from <paramref name="from"/>: <paramref name="steps"/> steps of <paramref name="scale"/>, one every
        /// <paramref name="cycles"/> PWM periods, up or down (ledc_ll_set_duty_int_part, _set_fade_param, _set_duty_start,
        /// _ls_channel_update).
        /// </summary>
        /// <param name="ledc">The LEDC block.</param>
        /// <param name="channel">0 .. LSCH_CONF0_COUNT - 1.</param>
        /// <param name="from">Starting duty.</param>
        /// <param name="up">Fade up (true) or down.</param>
        /// <param name="steps">Number of steps.</param>
        /// <param name="cycles">PWM periods per step.</param>
        /// <param name="scale">Duty change per step.</param>
        public static void Fade(MmioWindow ledc, uint channel, uint from, bool up, uint steps, uint cycles, uint scale)
        {
            uint conf1 = Esp32.Ledc.LSCH0_CONF1 + channel * Esp32.Ledc.LSCH_CONF1_STRIDE;
            while (ledc.GetField(conf1, Esp32.Ledc.LSCH_CONF1_DUTY_START) != 0)
            {
            }

            ledc.Write32(Esp32.Ledc.LSCH0_DUTY + channel * Esp32.Ledc.LSCH_DUTY_STRIDE, from << DutyFractionBits);
            ledc.Write32(conf1, (up ? RegisterField.InPlace(Esp32.Ledc.LSCH_CONF1_DUTY_INC) : 0)
                | (steps << RegisterField.Shift(Esp32.Ledc.LSCH_CONF1_DUTY_NUM))
                | (cycles << RegisterField.Shift(Esp32.Ledc.LSCH_CONF1_DUTY_CYCLE))
                | (scale << RegisterField.Shift(Esp32.Ledc.LSCH_CONF1_DUTY_SCALE))
                | RegisterField.InPlace(Esp32.Ledc.LSCH_CONF1_DUTY_START));
            ledc.SetField(Esp32.Ledc.LSCH0_CONF0 + channel * Esp32.Ledc.LSCH_CONF0_STRIDE, Esp32.Ledc.LSCH_CONF0_PARA_UP, 1);
        }
    }
}
