// Licensed under the MIT license. See LICENSE in the project root.
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace UartTx
{
    /// <summary>
    /// Transmit on the ESP32-C3's UART1: the register writes of ESP-IDF's hal/esp32c3/include/hal/uart_ll.h (named on each
    /// method), with the typed NanoRemap.Esp32C3 constants. Not UART0: that is the console (the nanoFramework wire
    /// protocol and the ESP-IDF console), owned by the firmware; the board map makes it read-only and denies its FIFO
    /// (boards/README.md, "Policy by ownership").
    /// </summary>
    public static class Uart1Tx
    {
        /// <summary>The baud rate from the 80 MHz APB clock (uart_ll_set_sclk, uart_ll_set_baudrate).</summary>
        /// <param name="uart">The UART1 block.</param>
        /// <param name="baud">Bits per second.</param>
        /// <returns>False when the rate cannot be reached (nothing written).</returns>
        public static bool SetBaudRate(MmioWindow uart, uint baud)
        {
            ulong maxDiv = (ulong)RegisterField.Mask(Esp32C3.Uart1.CLKDIV_CLKDIV) * baud;
            ulong sclkDiv = baud == 0 ? 0 : (Esp32C3.APB_CLK_FREQ + maxDiv - 1) / maxDiv;
            if (sclkDiv == 0 || sclkDiv > RegisterField.Mask(Esp32C3.Uart1.CLK_CONF_SCLK_DIV_NUM) + 1)
            {
                return false;
            }

            int fractionBits = (int)(Esp32C3.Uart1.CLKDIV_FRAG >> 8); // a packed field is (width << 8) | lsb
            uint clkDiv = (uint)(((ulong)Esp32C3.APB_CLK_FREQ << fractionBits) / (baud * sclkDiv));
            uart.SetField(Esp32C3.Uart1.CLK_CONF, Esp32C3.Uart1.CLK_CONF_SCLK_SEL, Esp32C3.Uart1.CLK_CONF_SCLK_SEL_APB);
            uart.SetField(Esp32C3.Uart1.CLKDIV, Esp32C3.Uart1.CLKDIV_CLKDIV, clkDiv >> fractionBits);
            uart.SetField(Esp32C3.Uart1.CLKDIV, Esp32C3.Uart1.CLKDIV_FRAG, clkDiv & RegisterField.Mask(Esp32C3.Uart1.CLKDIV_FRAG));
            uart.SetField(Esp32C3.Uart1.CLK_CONF, Esp32C3.Uart1.CLK_CONF_SCLK_DIV_NUM, (uint)sclkDiv - 1);
            return true;
        }

        /// <summary>Queues bytes as the TX FIFO frees room (uart_ll_get_txfifo_len, uart_ll_write_txfifo: one 32-bit store a byte).</summary>
        /// <param name="uart">The UART1 block.</param>
        /// <param name="data">The bytes.</param>
        /// <param name="index">First byte.</param>
        /// <param name="count">Number of bytes.</param>
        public static void Write(MmioWindow uart, byte[] data, int index, int count)
        {
            while (count > 0)
            {
                uint room = Esp32C3.SOC_UART_FIFO_LEN - uart.GetField(Esp32C3.Uart1.STATUS, Esp32C3.Uart1.STATUS_TXFIFO_CNT);
                for (; room > 0 && count > 0; room--, count--)
                {
                    uart.Write32(Esp32C3.Uart1.FIFO, data[index++]);
                }
            }
        }

        /// <summary>True when the FIFO is empty and the transmitter idle (uart_ll_is_tx_idle).</summary>
        /// <param name="uart">The UART1 block.</param>
        /// <returns>Whether everything was sent.</returns>
        public static bool IsIdle(MmioWindow uart)
        {
            return uart.GetField(Esp32C3.Uart1.STATUS, Esp32C3.Uart1.STATUS_TXFIFO_CNT) == 0
                && uart.GetField(Esp32C3.Uart1.FSM_STATUS, Esp32C3.Uart1.FSM_STATUS_ST_UTX_OUT) == 0;
        }
    }
}
