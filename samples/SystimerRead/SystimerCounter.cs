// Licensed under the MIT license. See LICENSE in the project root.
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace SystimerRead
{
    /// <summary>
    /// The ESP32-S3's SYSTIMER counters, indexed: the register accesses of ESP-IDF's hal/esp32s3/include/hal/systimer_ll.h
    /// (named on each method), with the typed NanoRemap.Esp32S3 constants.
    /// </summary>
    public static class SystimerCounter
    {
        /// <summary>Clock on and counter <paramref name="unit"/> counting (systimer_ll_enable_clock, systimer_ll_enable_counter).</summary>
        /// <param name="systimer">The SYSTIMER block.</param>
        /// <param name="unit">0 .. UNIT_OP_COUNT - 1.</param>
        public static void Enable(MmioWindow systimer, uint unit)
        {
            systimer.SetField(Esp32S3.Systimer.CONF, Esp32S3.Systimer.CONF_CLK_EN, 1);
            systimer.SetBits(Esp32S3.Systimer.CONF, RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT0_WORK_EN) >> (int)unit);
        }

        /// <summary>
        /// The 52-bit count of counter <paramref name="unit"/>: snapshot, wait until valid, high then low word
        /// (systimer_ll_counter_snapshot, _is_counter_value_valid, _get_counter_value_high / _low).
        /// </summary>
        /// <param name="systimer">The SYSTIMER block.</param>
        /// <param name="unit">0 .. UNIT_OP_COUNT - 1.</param>
        /// <returns>The count, in SYSTIMER ticks (16 MHz: XTAL / 2.5).</returns>
        public static ulong Read(MmioWindow systimer, uint unit)
        {
            uint op = Esp32S3.Systimer.UNIT0_OP + unit * Esp32S3.Systimer.UNIT_OP_STRIDE;
            systimer.Write32(op, RegisterField.InPlace(Esp32S3.Systimer.UNIT_OP_TIMER_UPDATE));
            while (systimer.GetField(op, Esp32S3.Systimer.UNIT_OP_TIMER_VALUE_VALID) == 0)
            {
            }

            uint hi = systimer.Read32(Esp32S3.Systimer.UNIT0_VALUE_HI + unit * Esp32S3.Systimer.UNIT_VALUE_HI_STRIDE);
            uint lo = systimer.Read32(Esp32S3.Systimer.UNIT0_VALUE_LO + unit * Esp32S3.Systimer.UNIT_VALUE_LO_STRIDE);
            return ((ulong)hi << (int)Esp32S3.SOC_SYSTIMER_BIT_WIDTH_LO) | lo;
        }
    }
}
