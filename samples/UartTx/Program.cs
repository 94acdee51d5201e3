// Licensed under the MIT license. See LICENSE in the project root.
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Mmio;

namespace UartTx
{
    /// <summary>
    /// Sends a line on the ESP32-C3's UART0 at 115200 baud through <see cref="Uart0Tx"/>, once a second. UART0 is the
    /// console: its clock is the firmware's (the board map has no clock line for it). Needs a firmware with the NanoRemap
    /// interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            RegisterBus bus = RegisterBus.CreateHardware(BoardTables.Esp32C3);
            MmioWindow uart = bus.MapBlock("UART0");
            Uart0Tx.SetBaudRate(uart, 115200);
            string text = "hello from NanoRemap\r\n"; // ASCII: one byte a char (System.Text is not in mscorlib)
            byte[] line = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                line[i] = (byte)text[i];
            }

            while (true)
            {
                Uart0Tx.Write(uart, line, 0, line.Length);
                Thread.Sleep(1000);
            }
        }
    }
}
