using System;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// A UART's FIFOs (every ESP32-family UART): bytes a driver writes to <c>FIFO</c> enter the TX FIFO
    /// (<c>STATUS.TXFIFO_CNT</c> counts them) and leave it when the virtual clock advances
    /// (<see cref="RegisterSimulator.Advance"/>) or on <see cref="CompleteTransmission"/>; the test reads them with
    /// <see cref="TakeTransmitted"/>. The test feeds the receiver with <see cref="Receive"/>: the bytes enter the RX FIFO
    /// (<c>STATUS.RXFIFO_CNT</c>) and each read of <c>FIFO</c> pops one. Interrupt raw bits follow as the hardware sets
    /// them: <c>RXFIFO_FULL</c> when the RX count reaches <c>CONF1.RXFIFO_FULL_THRHD</c>, <c>RXFIFO_OVF</c> when a byte
    /// finds the RX FIFO full, <c>TXFIFO_EMPTY</c> while the TX count is below <c>CONF1.TXFIFO_EMPTY_THRHD</c>, <c>TX_DONE</c>
    /// when the last byte has left. <c>RXFIFO_RST</c> / <c>TXFIFO_RST</c> empty the FIFOs.
    /// </summary>
    /// <remarks>
    /// Not modelled: baud rate and frame timing (one <see cref="RegisterSimulator.Advance"/> sends the whole TX FIFO),
    /// flow control, break, parity and framing errors (raise them with <see cref="RegisterSimulator.Raise(string, string)"/>).
    /// </remarks>
    public sealed class UartModel : PeripheralModel
    {
        /// <summary>Bytes each FIFO holds (128 on every ESP32-family UART: IDF <c>SOC_UART_FIFO_LEN</c>).</summary>
        public const int FifoLength = 128;

        private readonly byte[] _tx = new byte[FifoLength];
        private readonly byte[] _rx = new byte[FifoLength];
        private int _txCount;
        private int _rxHead;
        private int _rxCount;
        private byte[] _sent = new byte[64];
        private int _sentCount;

        private uint _fifo;
        private uint _status;
        private uint _rxCntMask;
        private uint _txCntMask;
        private uint _conf1;
        private uint _rxFullThrMask;
        private uint _txEmptyThrMask;
        private uint _rxRstAddress;
        private uint _rxRstMask;
        private uint _txRstAddress;
        private uint _txRstMask;
        private uint _raw;
        private uint _rxFull;
        private uint _rxOvf;
        private uint _txEmpty;
        private uint _txDone;

        /// <summary>Creates the model of one UART.</summary>
        /// <param name="block">The UART's block (<c>UART0</c>).</param>
        public UartModel(string block)
            : base(block)
        {
        }

        /// <summary>Bytes in the TX FIFO (written, not sent yet).</summary>
        public int TransmitCount
        {
            get { return _txCount; }
        }

        /// <summary>Bytes in the RX FIFO (received, not read yet).</summary>
        public int ReceiveCount
        {
            get { return _rxCount; }
        }

        /// <inheritdoc/>
        protected override void Bind(RegisterModel model)
        {
            uint mask;
            _fifo = Require(model, "RXFIFO_RD_BYTE", out mask);
            _status = Require(model, "RXFIFO_CNT", out _rxCntMask);
            if (Require(model, "TXFIFO_CNT", out _txCntMask) != _status)
            {
                throw new InvalidOperationException(Describe() + ": RXFIFO_CNT and TXFIFO_CNT are not in one register");
            }

            _conf1 = Require(model, "RXFIFO_FULL_THRHD", out _rxFullThrMask);
            Require(model, "TXFIFO_EMPTY_THRHD", out _txEmptyThrMask);
            Optional(model, "RXFIFO_RST", out _rxRstAddress, out _rxRstMask);
            Optional(model, "TXFIFO_RST", out _txRstAddress, out _txRstMask);
            _raw = Require(model, "RXFIFO_FULL_INT_RAW", out _rxFull);
            Require(model, "RXFIFO_OVF_INT_RAW", out _rxOvf);
            Require(model, "TXFIFO_EMPTY_INT_RAW", out _txEmpty);
            Require(model, "TX_DONE_INT_RAW", out _txDone);
        }

        /// <summary>
        /// The wire delivers bytes to the receiver: they enter the RX FIFO (a byte that finds it full is lost and
        /// raises <c>RXFIFO_OVF</c>).
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The model is not attached.</exception>
        public void Receive(byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            RegisterSimulator sim = Attached();
            lock (sim)
            {
                for (int i = 0; i < data.Length; i++)
                {
                    if (_rxCount == FifoLength)
                    {
                        sim.Raise(_raw, _rxOvf);
                        continue;
                    }

                    _rx[(_rxHead + _rxCount) % FifoLength] = data[i];
                    _rxCount++;
                }

                Update();
            }
        }

        /// <summary>Sends every byte of the TX FIFO now (as <see cref="RegisterSimulator.Advance"/> does).</summary>
        /// <exception cref="InvalidOperationException">The model is not attached.</exception>
        public void CompleteTransmission()
        {
            RegisterSimulator sim = Attached();
            lock (sim)
            {
                Drain();
            }
        }

        /// <summary>The bytes sent on the wire since the last call (oldest first), and forgets them.</summary>
        /// <returns>A new array (empty when nothing was sent).</returns>
        /// <exception cref="InvalidOperationException">The model is not attached.</exception>
        public byte[] TakeTransmitted()
        {
            RegisterSimulator sim = Attached();
            lock (sim)
            {
                byte[] copy = new byte[_sentCount];
                Array.Copy(_sent, copy, _sentCount);
                _sentCount = 0;
                return copy;
            }
        }

        /// <inheritdoc/>
        protected internal override uint OnRead(uint address, uint value)
        {
            if (address != _fifo)
            {
                return value;
            }

            if (_rxCount == 0)
            {
                return 0;
            }

            byte b = _rx[_rxHead];
            _rxHead = (_rxHead + 1) % FifoLength;
            _rxCount--;
            Update();
            return b;
        }

        /// <inheritdoc/>
        protected internal override void OnWrite(uint address, uint value)
        {
            if (address == _fifo)
            {
                if (_txCount < FifoLength)
                {
                    _tx[_txCount++] = (byte)value; // a byte written to a full TX FIFO is lost, as on the silicon
                }

                Update();
                return;
            }

            bool reset = false;
            if (_rxRstMask != 0 && address == _rxRstAddress && (value & _rxRstMask) != 0)
            {
                _rxCount = 0;
                _rxHead = 0;
                reset = true;
            }

            if (_txRstMask != 0 && address == _txRstAddress && (value & _txRstMask) != 0)
            {
                _txCount = 0;
                reset = true;
            }

            if (reset || address == _conf1)
            {
                Update();
            }
        }

        /// <inheritdoc/>
        protected internal override void OnAdvance(uint microseconds)
        {
            if (microseconds != 0)
            {
                Drain();
            }
        }

        private void Drain()
        {
            if (_txCount == 0)
            {
                return;
            }

            if (_sentCount + _txCount > _sent.Length)
            {
                byte[] grown = new byte[(_sentCount + _txCount) * 2];
                Array.Copy(_sent, grown, _sentCount);
                _sent = grown;
            }

            Array.Copy(_tx, 0, _sent, _sentCount, _txCount);
            _sentCount += _txCount;
            _txCount = 0;
            Simulator.Raise(_raw, _txDone);
            Update();
        }

        // The counts into STATUS, the level interrupts into INT_RAW.
        private void Update()
        {
            Set(_status, _rxCntMask, (uint)_rxCount);
            Set(_status, _txCntMask, (uint)_txCount);
            uint rxThreshold = Get(_conf1, _rxFullThrMask);
            uint txThreshold = Get(_conf1, _txEmptyThrMask);
            if (_rxCount > 0 && (uint)_rxCount >= rxThreshold)
            {
                Simulator.Raise(_raw, _rxFull);
            }

            if ((uint)_txCount < txThreshold)
            {
                Simulator.Raise(_raw, _txEmpty);
            }
        }

        private RegisterSimulator Attached()
        {
            RegisterSimulator sim = Simulator;
            if (sim == null)
            {
                throw new InvalidOperationException(Describe() + " is not attached to a simulator");
            }

            return sim;
        }
    }
}
