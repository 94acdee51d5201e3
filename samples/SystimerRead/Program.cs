// Licensed under the MIT license. See LICENSE in the project root.
using System;
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Mmio;

namespace SystimerRead
{
    /// <summary>
    /// Prints the ESP32-S3's SYSTIMER counter 0 once a second through <see cref="SystimerCounter"/>. Counter 0 is the one
    /// ESP-IDF's esp_timer uses: enabling it again changes nothing. Needs a firmware with the NanoRemap interop library
    /// (boards/README.md).
    /// </summary>
    public class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            MmioWindow systimer = RegisterBus.CreateHardware(BoardTables.Esp32S3).MapBlock("SYSTIMER");
            SystimerCounter.Enable(systimer, 0);
            while (true)
            {
                Console.WriteLine("SYSTIMER unit 0: " + SystimerCounter.Read(systimer, 0).ToString());
                Thread.Sleep(1000);
            }
        }
    }
}
