// Licensed under the MIT license. See LICENSE in the project root.
using System;
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Mmio;

namespace SystimerRead
{
    /// <summary>
    /// Prints the ESP32-S3's SYSTIMER counter 0 once a second through <see cref="SystimerCounter"/>. Counter 0 is the one
    /// ESP-IDF's esp_timer runs: the firmware turned its clock and counter on at boot and owns SYSTIMER.CONF (read-only to
    /// a driver, boards/README.md "Policy by ownership"), so the sample only latches and reads it. Needs a firmware with
    /// the NanoRemap interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        private const uint Unit = 0; // esp_private/systimer.h SYSTIMER_COUNTER_ESPTIMER

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            MmioWindow systimer = RegisterBus.CreateHardware(BoardTables.Esp32S3).MapBlock("SYSTIMER");
            if (!SystimerCounter.IsCounting(systimer, Unit))
            {
                Console.WriteLine("SYSTIMER unit 0 is not counting: not a firmware with esp_timer on SYSTIMER");
                return;
            }

            while (true)
            {
                Console.WriteLine("SYSTIMER unit 0: " + SystimerCounter.Read(systimer, Unit).ToString());
                Thread.Sleep(1000);
            }
        }
    }
}
