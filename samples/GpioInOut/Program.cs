// Licensed under the MIT license. See LICENSE in the project root.
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Mmio;

namespace GpioInOut
{
    /// <summary>
    /// Copies a button on GPIO9 (the BOOT button of the ESP32-C6 DevKit, pulled up) to an LED on GPIO5 through
    /// <see cref="GpioPins"/>, every 10 ms. Needs a firmware with the NanoRemap interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        private const int ButtonPin = 9;
        private const int LedPin = 5;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            RegisterBus bus = RegisterBus.CreateHardware(BoardTables.Esp32C6);
            MmioWindow ioMux = bus.MapBlock("IO_MUX");
            MmioWindow gpio = bus.MapBlock("GPIO");
            GpioPins.Configure(ioMux, gpio, ButtonPin, false);
            GpioPins.Configure(ioMux, gpio, LedPin, true);
            while (true)
            {
                GpioPins.Write(gpio, LedPin, !GpioPins.Read(gpio, ButtonPin)); // pressed pulls it low: LED on
                Thread.Sleep(10);
            }
        }
    }
}
