using System;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// How registers behave at the bit level, for <see cref="RegisterSimulator"/>: reset value, read-only bits
    /// (keep their value on a write), write-1-to-clear bits, clear-on-read bits, write-only bits (read as zero).
    /// The host builds the model of every register of a chip from its SVD facts
    /// (<c>NanoRemap.Testing.SimulatorModels</c>); device code adds the few registers it cares about.
    /// </summary>
    /// <remarks>Entries are kept sorted by address; adding an address again replaces its entry. Allocation happens on <see cref="Add"/> only.</remarks>
    public sealed class RegisterModel
    {
        private uint[] _address = new uint[16];
        private uint[] _reset = new uint[16];
        private uint[] _readOnly = new uint[16];
        private uint[] _w1c = new uint[16];
        private uint[] _clearOnRead = new uint[16];
        private uint[] _writeOnly = new uint[16];
        private int _count;

        /// <summary>Number of registers described.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Describes one register (or replaces its description).</summary>
        /// <param name="address">Physical address, 4-byte aligned.</param>
        /// <param name="resetValue">Value after reset.</param>
        /// <param name="readOnlyMask">Bits a write leaves unchanged (read-only fields, reserved bits).</param>
        /// <param name="writeOneToClearMask">Bits a written 1 clears and a written 0 leaves (interrupt status).</param>
        /// <param name="clearOnReadMask">Bits a read clears after returning them.</param>
        /// <param name="writeOnlyMask">Bits that read as zero (write-only fields; 0xFFFFFFFF for a write-only register).</param>
        /// <exception cref="ArgumentException">The address is not 4-byte aligned.</exception>
        public void Add(uint address, uint resetValue, uint readOnlyMask, uint writeOneToClearMask, uint clearOnReadMask, uint writeOnlyMask)
        {
            if ((address & 3) != 0)
            {
                throw new ArgumentException("register model: 0x" + address.ToString("X8") + " is not 4-byte aligned");
            }

            int i = Find(address);
            if (i < 0)
            {
                i = ~i;
                if (_count == _address.Length)
                {
                    Grow();
                }

                int move = _count - i;
                if (move > 0)
                {
                    Array.Copy(_address, i, _address, i + 1, move);
                    Array.Copy(_reset, i, _reset, i + 1, move);
                    Array.Copy(_readOnly, i, _readOnly, i + 1, move);
                    Array.Copy(_w1c, i, _w1c, i + 1, move);
                    Array.Copy(_clearOnRead, i, _clearOnRead, i + 1, move);
                    Array.Copy(_writeOnly, i, _writeOnly, i + 1, move);
                }

                _count++;
            }

            _address[i] = address;
            _reset[i] = resetValue;
            _readOnly[i] = readOnlyMask;
            _w1c[i] = writeOneToClearMask;
            _clearOnRead[i] = clearOnReadMask;
            _writeOnly[i] = writeOnlyMask;
        }

        /// <summary>The entry index of an address, or the bitwise complement of its insertion point (binary search).</summary>
        /// <param name="address">Physical address.</param>
        /// <returns>The index (&gt;= 0) when described, else a negative value.</returns>
        public int Find(uint address)
        {
            int lo = 0;
            int hi = _count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                uint a = _address[mid];
                if (a == address)
                {
                    return mid;
                }

                if (a < address)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return ~lo;
        }

        /// <summary>Address of entry <paramref name="index"/> (entries are sorted by address).</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The address.</returns>
        public uint GetAddress(int index)
        {
            return _address[Check(index)];
        }

        /// <summary>Reset value of entry <paramref name="index"/>.</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The reset value.</returns>
        public uint GetReset(int index)
        {
            return _reset[Check(index)];
        }

        /// <summary>Read-only bits of entry <paramref name="index"/>.</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The mask.</returns>
        public uint GetReadOnlyMask(int index)
        {
            return _readOnly[Check(index)];
        }

        /// <summary>Write-1-to-clear bits of entry <paramref name="index"/>.</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The mask.</returns>
        public uint GetWriteOneToClearMask(int index)
        {
            return _w1c[Check(index)];
        }

        /// <summary>Clear-on-read bits of entry <paramref name="index"/>.</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The mask.</returns>
        public uint GetClearOnReadMask(int index)
        {
            return _clearOnRead[Check(index)];
        }

        /// <summary>Write-only bits (read as zero) of entry <paramref name="index"/>.</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The mask.</returns>
        public uint GetWriteOnlyMask(int index)
        {
            return _writeOnly[Check(index)];
        }

        private int Check(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return index;
        }

        private void Grow()
        {
            int n = _address.Length * 2;
            _address = Copy(_address, n);
            _reset = Copy(_reset, n);
            _readOnly = Copy(_readOnly, n);
            _w1c = Copy(_w1c, n);
            _clearOnRead = Copy(_clearOnRead, n);
            _writeOnly = Copy(_writeOnly, n);
        }

        private static uint[] Copy(uint[] a, int n)
        {
            uint[] b = new uint[n];
            Array.Copy(a, b, a.Length);
            return b;
        }
    }
}
