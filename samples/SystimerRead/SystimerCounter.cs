// Licensed under the MIT license. See LICENSE in the project root.
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace SystimerRead
{
    /// <summary>
    /// The ESP32-S3's SYSTIMER counters, indexed, read-only as a driver must use them: the register accesses of ESP-IDF's
    /// hal/esp32s3/include/hal/systimer_ll.h (named on each method), with the typed NanoRemap.Esp32S3 constants.
    /// </summary>
    public static class SystimerCounter
    {
        /// <summary>
        /// Whether the clock is on and counter <paramref name="unit"/> counts: a read of CONF (systimer_ll_enable_clock,
        /// systimer_ll_enable_counter set these bits). A driver reads CONF but never writes it: SYSTIMER is the OS tick's
        /// and esp_timer's (the board map makes CONF read-only, boards/README.md "Policy by ownership"); the firmware
        /// turns the clock and counter 0 (esp_timer) on at boot and keeps them running.
        /// </summary>
        /// <param name="systimer">The SYSTIMER block.</param>
        /// <param name="unit">0 .. UNIT_OP_COUNT - 1.</param>
        /// <returns>True when <see cref="Read"/> returns a running count.</returns>
        public static bool IsCounting(MmioWindow systimer, uint unit)
        {
            uint conf = systimer.Read32(Esp32S3.Systimer.CONF);
            uint workEn = RegisterField.InPlace(Esp32S3.Systimer.CONF_TIMER_UNIT0_WORK_EN) >> (int)unit;
            return (conf & RegisterField.InPlace(Esp32S3.Systimer.CONF_CLK_EN)) != 0 && (conf & workEn) != 0;
        }

        /// <summary>
        /// The 52-bit count of counter <paramref name="unit"/>: snapshot, wait until valid, high then low word
        /// (systimer_ll_counter_snapshot, _is_counter_value_valid, _get_counter_value_high / _low). Writes UNITn_OP only
        /// (the one SYSTIMER register the board map lets a driver write: UPDATE latches a snapshot and takes nothing from
        /// esp_timer, which re-reads until stable).
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
