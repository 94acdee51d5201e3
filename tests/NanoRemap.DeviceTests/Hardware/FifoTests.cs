using NanoRemap.Mmio;
using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>
    /// FIFO transfers on the classic ESP32's UART1.FIFO (UART0 is the firmware's console: its FIFO is denied): N accesses of one register in one InternalCall, the read the
    /// errata-safe way (a plain read of it is refused: RefusalTests). On the simulated board the FIFO is the SVD's
    /// register (rw, reset 0, RXFIFO_RD_BYTE in bits 0..7): each write stores its byte, each read returns it.
    /// </summary>
    [TestClass]
    public class FifoTests
    {
        [TestMethod]
        public void WriteFifoThenReadFifo()
        {
            Checks c = new Checks("WriteFifoThenReadFifo");
            MmioWindow uart = Board.Bus().MapBlock("UART1");
            uint fifo = Esp32.Uart1Fifo - uart.PhysicalAddress;
            uint[] bytes = new uint[] { 0x11, 0x22, 0x1FF };
            c.Works("WriteFifo of 3 words", () => uart.WriteFifo(fifo, bytes, 0, 3));

            uint[] back = new uint[] { 0xBEEF, 0xBEEF, 0xBEEF, 0xBEEF, 0xBEEF, 0xBEEF };
            c.Works("ReadFifo of 4 words", () => uart.ReadFifo(fifo, back, 1, 4));
            c.Eq("buffer[0] before the range untouched", 0xBEEF, back[0]);
            for (int i = 1; i <= 4; i++)
            {
                c.Eq("buffer[" + i.ToString() + "]: the last byte written (bits 8..31 have no field)", 0xFF, back[i]);
            }

            c.Eq("buffer[5] after the range untouched", 0xBEEF, back[5]);
            c.Done();
        }
    }
}
