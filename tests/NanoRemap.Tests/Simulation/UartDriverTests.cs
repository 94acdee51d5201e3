using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Simulation;

/// <summary>
/// A UART driver's test on the simulator with the UART model, no address-keyed hook: a small polled driver (written
/// as IDF's uart_ll writes it: FIFO count from STATUS, bytes through FIFO, interrupts through INT_ENA / INT_ST /
/// INT_CLR) sends a line, echoes what the wire delivers, and sees TX_DONE and RXFIFO_FULL as interrupts.
/// </summary>
public class UartDriverTests
{
    /// <summary>The driver under test: register offsets and fields by name from the chip's facts, then plain window calls.</summary>
    private sealed class PolledUart
    {
        private readonly MmioWindow _w;
        private readonly uint _fifo, _status, _intSt, _intEna, _intClr, _conf1;
        private readonly (uint Mask, int Shift) _rxCnt, _txCnt, _rxFullThr;
        public const uint TxDone = 1u << 14, RxFull = 1u << 0;   // IDF uart_reg.h UART_TX_DONE_INT_*, UART_RXFIFO_FULL_INT_*

        public PolledUart(string chip, MmioWindow w, string uart)
        {
            _w = w;
            _fifo = Facts.Offset(chip, w, uart + ".FIFO");
            _status = Facts.Offset(chip, w, uart + ".STATUS");
            _intSt = Facts.Offset(chip, w, uart + ".INT_ST");
            _intEna = Facts.Offset(chip, w, uart + ".INT_ENA");
            _intClr = Facts.Offset(chip, w, uart + ".INT_CLR");
            _conf1 = Facts.Offset(chip, w, uart + ".CONF1");
            _rxCnt = Facts.Field(chip, uart + ".STATUS.RXFIFO_CNT");
            _txCnt = Facts.Field(chip, uart + ".STATUS.TXFIFO_CNT");
            _rxFullThr = Facts.Field(chip, uart + ".CONF1.RXFIFO_FULL_THRHD");
        }

        public void Open(uint rxFullThreshold)
        {
            _w.Write32(_intClr, 0xFFFFFFFF);
            _w.Write32(_conf1, (_w.Read32(_conf1) & ~_rxFullThr.Mask) | (rxFullThreshold << _rxFullThr.Shift));
            _w.Write32(_intEna, TxDone | RxFull);
        }

        public int Write(byte[] data)
        {
            int n = 0;
            while (n < data.Length && ((_w.Read32(_status) & _txCnt.Mask) >> _txCnt.Shift) < UartModel.FifoLength)
            {
                _w.Write32(_fifo, data[n++]);
            }

            return n;
        }

        public byte[] Read()
        {
            uint count = (_w.Read32(_status) & _rxCnt.Mask) >> _rxCnt.Shift;
            var words = new uint[count];
            _w.ReadFifo(_fifo, words, 0, (int)count);
            return words.Select(x => (byte)x).ToArray();
        }

        public uint TakeInterrupts()
        {
            uint st = _w.Read32(_intSt);
            _w.Write32(_intClr, st);
            return st;
        }
    }

    [Theory]
    [InlineData("esp32", "UART2")]
    [InlineData("esp32c3", "UART1")]
    [InlineData("esp32c6", "UART1")]
    [InlineData("esp32s3", "UART2")]
    public void The_driver_sends_receives_and_sees_its_interrupts(string chip, string uartName)
    {
        var (sim, bus) = Mmio.WindowTests.ModelBoard(chip);
        var wire = new UartModel(uartName);
        sim.Attach(wire);
        var uart = new PolledUart(chip, bus.MapBlock(uartName), uartName);
        uart.Open(rxFullThreshold: 4);

        byte[] line = "AT+GMR\r\n"u8.ToArray();
        Assert.Equal(line.Length, uart.Write(line));
        Assert.Equal(0u, uart.TakeInterrupts() & PolledUart.TxDone);   // still in the FIFO
        sim.Advance(100);
        Assert.Equal(line, wire.TakeTransmitted());
        Assert.Equal(PolledUart.TxDone, uart.TakeInterrupts() & PolledUart.TxDone);
        Assert.Equal(0u, uart.TakeInterrupts() & PolledUart.TxDone);   // cleared by INT_CLR

        wire.Receive("OK\r\n"u8.ToArray());
        Assert.Equal(PolledUart.RxFull, uart.TakeInterrupts() & PolledUart.RxFull);
        byte[] got = uart.Read();
        Assert.Equal("OK\r\n"u8.ToArray(), got);
        Assert.Empty(uart.Read());

        var big = new byte[200];                                        // more than the TX FIFO holds
        Assert.Equal(UartModel.FifoLength, uart.Write(big));
        Assert.Equal(UartModel.FifoLength, wire.TransmitCount);
    }
}
