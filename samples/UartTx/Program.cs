// Licensed under the MIT license. See LICENSE in the project root.
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace UartTx
{
    /// <summary>
    /// Sends a line on the ESP32-C3's UART1 at 115200 baud through <see cref="Uart1Tx"/>, once a second, out of GPIO4
    /// (UART1 has no IO_MUX pads on the C3: its TXD goes through the GPIO matrix). Not UART0: that is the console
    /// (the nanoFramework wire protocol and the ESP-IDF console), owned by the firmware, which the board map makes
    /// read-only (boards/README.md, "Policy by ownership"). UART1's clock is turned on through the board's reference-counted
    /// clock line (boards/esp32c3/board.map <c>clock UART1</c>). Needs a firmware with the NanoRemap interop library
    /// (boards/README.md).
    /// </summary>
    public class Program
    {
        private const int TxPin = 4; // the pad of Esp32C3.IoMux.GPIO4 and the matrix output Esp32C3.Gpio.FUNC4_OUT_SEL_CFG below

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            BoardMap board = BoardTables.Esp32C3;
            RegisterBus bus = RegisterBus.CreateHardware(board);
            bus.EnableClock(board.FindClock("UART1"));
            MmioWindow uart = bus.MapBlock("UART1");
            MmioWindow gpio = bus.MapBlock("GPIO");
            bus.MapBlock("IO_MUX").SetField(Esp32C3.IoMux.GPIO4, Esp32C3.IoMux.GPIO_MCU_SEL, Esp32C3.PIN_FUNC_GPIO);
            gpio.SetField(Esp32C3.Gpio.FUNC4_OUT_SEL_CFG, Esp32C3.Gpio.FUNC_OUT_SEL_CFG_OUT_SEL, Esp32C3.U1TXD_OUT_IDX);
            gpio.Write32(Esp32C3.Gpio.ENABLE_W1TS, 1u << TxPin);
            Uart1Tx.SetBaudRate(uart, 115200);
            string text = "hello from NanoRemap\r\n"; // ASCII: one byte a char (System.Text is not in mscorlib)
            byte[] line = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                line[i] = (byte)text[i];
            }

            while (true)
            {
                Uart1Tx.Write(uart, line, 0, line.Length);
                Thread.Sleep(1000);
            }
        }
    }
}
