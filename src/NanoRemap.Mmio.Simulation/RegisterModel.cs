using System;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// How registers behave at the bit level, for <see cref="RegisterSimulator"/>: reset value, read-only bits
    /// (keep their value on a write), write-1-to-clear bits, clear-on-read bits, write-only bits (read as zero),
    /// self-clearing bits (a written 1 reads back 0 once the write took effect; a write-trigger bit is write-only and
    /// self-clearing), write-1-to-set bits; the interrupt groups (<see cref="AddInterruptGroup(string, uint, uint, uint, uint)"/>:
    /// <c>INT_ST = INT_RAW &amp; INT_ENA</c>, <c>INT_CLR</c> clears <c>INT_RAW</c>) and the names of registers and
    /// fields (<see cref="AddName"/>) that <see cref="RegisterSimulator.Raise(string, string)"/> and the peripheral
    /// models look up. The host builds the model of every register of a chip from its facts
    /// (<c>NanoRemap.Testing.SimulatorModels</c>); device code adds the few registers it cares about.
    /// </summary>
    /// <remarks>
    /// Entries are kept sorted by address; adding an address again replaces its entry. Allocation happens on the
    /// <c>Add</c> methods only. Build the model before handing it to a simulator: it is not synchronised.
    /// </remarks>
    public sealed class RegisterModel
    {
        private uint[] _address = new uint[16];
        private uint[] _reset = new uint[16];
        private uint[] _readOnly = new uint[16];
        private uint[] _w1c = new uint[16];
        private uint[] _clearOnRead = new uint[16];
        private uint[] _writeOnly = new uint[16];
        private uint[] _selfClear = new uint[16];
        private uint[] _w1s = new uint[16];
        private int[] _group = new int[16];        // group + 1 of an INT_ST, -(group + 1) of an INT_CLR, 0: none
        private int _count;

        // Interrupt groups: INT_RAW / INT_ST / INT_ENA / INT_CLR addresses (0: the group has no such register).
        private string[] _groupPeripheral = new string[0];
        private uint[] _groupRaw = new uint[0];
        private uint[] _groupStatus = new uint[0];
        private uint[] _groupEnable = new uint[0];
        private uint[] _groupClear = new uint[0];
        private int[] _groupClearShift = new int[0];
        private int _groupCount;

        // Names: PERIPH.REG (mask: the bits its fields cover) and PERIPH.REG.FIELD (mask: the field's bits).
        private string[] _names = new string[0];
        private uint[] _nameAddress = new uint[0];
        private uint[] _nameMask = new uint[0];
        private int _nameCount;

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
            Add(address, resetValue, readOnlyMask, writeOneToClearMask, clearOnReadMask, writeOnlyMask, 0, 0);
        }

        /// <summary>Describes one register with every access kind (or replaces its description).</summary>
        /// <param name="address">Physical address, 4-byte aligned.</param>
        /// <param name="resetValue">Value after reset.</param>
        /// <param name="readOnlyMask">Bits a write leaves unchanged (read-only fields, reserved bits).</param>
        /// <param name="writeOneToClearMask">Bits a written 1 clears and a written 0 leaves (IDF <c>WTC</c>).</param>
        /// <param name="clearOnReadMask">Bits a read clears after returning them (IDF <c>RC</c>).</param>
        /// <param name="writeOnlyMask">Bits that read as zero (write-only fields, write-trigger fields).</param>
        /// <param name="selfClearingMask">Bits the hardware clears right after a write took effect: a written 1 reads back 0
        /// (IDF <c>SC</c>; a write-trigger <c>WT</c> field is write-only and self-clearing). Hooks and peripheral models see the written value.</param>
        /// <param name="writeOneToSetMask">Bits a written 1 sets and a written 0 leaves (IDF <c>WTS</c>).</param>
        /// <exception cref="ArgumentException">The address is not 4-byte aligned.</exception>
        public void Add(uint address, uint resetValue, uint readOnlyMask, uint writeOneToClearMask, uint clearOnReadMask, uint writeOnlyMask,
            uint selfClearingMask, uint writeOneToSetMask)
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
                    Array.Copy(_selfClear, i, _selfClear, i + 1, move);
                    Array.Copy(_w1s, i, _w1s, i + 1, move);
                    Array.Copy(_group, i, _group, i + 1, move);
                }

                _count++;
            }

            _address[i] = address;
            _reset[i] = resetValue;
            _readOnly[i] = readOnlyMask;
            _w1c[i] = writeOneToClearMask;
            _clearOnRead[i] = clearOnReadMask;
            _writeOnly[i] = writeOnlyMask;
            _selfClear[i] = selfClearingMask;
            _w1s[i] = writeOneToSetMask;
            _group[i] = GroupRole(address);
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

        /// <summary>Self-clearing bits of entry <paramref name="index"/> (a written 1 reads back 0).</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The mask.</returns>
        public uint GetSelfClearingMask(int index)
        {
            return _selfClear[Check(index)];
        }

        /// <summary>Write-1-to-set bits of entry <paramref name="index"/>.</summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The mask.</returns>
        public uint GetWriteOneToSetMask(int index)
        {
            return _w1s[Check(index)];
        }

        /// <summary>
        /// The interrupt group entry <paramref name="index"/> computes or clears: <c>g + 1</c> when it is group
        /// <c>g</c>'s status register (<c>INT_ST</c>), <c>-(g + 1)</c> when it is its clear register (<c>INT_CLR</c>), 0 otherwise.
        /// </summary>
        /// <param name="index">0 .. <see cref="Count"/> - 1.</param>
        /// <returns>The group role.</returns>
        public int GetGroupRole(int index)
        {
            return _group[Check(index)];
        }

        /// <summary>Number of interrupt groups.</summary>
        public int InterruptGroupCount
        {
            get { return _groupCount; }
        }

        /// <summary>
        /// Describes an interrupt group: the hardware (or a test, <see cref="RegisterSimulator.Raise(string, string)"/>)
        /// sets bits of <paramref name="raw"/>; a read of <paramref name="status"/> returns <c>raw &amp; enable</c>; a 1
        /// written to <paramref name="clear"/> clears that bit of <paramref name="raw"/> (bit for bit: Espressif's
        /// groups keep every field at the same bit in the four registers, with one exception: see the overload with a clear shift). Describe the status and clear registers
        /// (<see cref="Add(uint, uint, uint, uint, uint, uint)"/>) before or after; their role follows the address.
        /// </summary>
        /// <param name="peripheral">The peripheral's name (<c>UART0</c>).</param>
        /// <param name="raw">Address of <c>INT_RAW</c>.</param>
        /// <param name="status">Address of <c>INT_ST</c>, or 0 when the group has none.</param>
        /// <param name="enable">Address of <c>INT_ENA</c>, or 0 when the group has none (then status is raw).</param>
        /// <param name="clear">Address of <c>INT_CLR</c>, or 0 when the group has none.</param>
        /// <exception cref="ArgumentException">An address is not 4-byte aligned, or raw is 0.</exception>
        public void AddInterruptGroup(string peripheral, uint raw, uint status, uint enable, uint clear)
        {
            AddInterruptGroup(peripheral, raw, status, enable, clear, 0);
        }

        /// <summary>
        /// Describes an interrupt group whose <c>INT_CLR</c> bits sit <paramref name="clearShift"/> bits above their
        /// <c>INT_RAW</c> bits (the ESP32's <c>RTC_I2C</c>: <c>SLAVE_TRANS_COMPLETE_INT_RAW</c> is bit 3, its <c>_INT_CLR</c> bit 4,
        /// IDF <c>soc/esp32/register/soc/rtc_i2c_reg.h</c>); otherwise as <see cref="AddInterruptGroup(string, uint, uint, uint, uint)"/>.
        /// </summary>
        /// <param name="peripheral">The peripheral's name (<c>UART0</c>).</param>
        /// <param name="raw">Address of <c>INT_RAW</c>.</param>
        /// <param name="status">Address of <c>INT_ST</c>, or 0 when the group has none.</param>
        /// <param name="enable">Address of <c>INT_ENA</c>, or 0 when the group has none (then status is raw).</param>
        /// <param name="clear">Address of <c>INT_CLR</c>, or 0 when the group has none.</param>
        /// <param name="clearShift">Bit of a field in <c>INT_CLR</c> minus its bit in <c>INT_RAW</c> (-31 .. 31).</param>
        /// <exception cref="ArgumentException">An address is not 4-byte aligned, raw is 0, or the shift is out of range.</exception>
        public void AddInterruptGroup(string peripheral, uint raw, uint status, uint enable, uint clear, int clearShift)
        {
            if (clearShift < -31 || clearShift > 31)
            {
                throw new ArgumentException("interrupt group of " + peripheral + ": clear shift " + clearShift.ToString() + " is not -31 .. 31");
            }

            if (raw == 0 || ((raw | status | enable | clear) & 3) != 0)
            {
                throw new ArgumentException("interrupt group of " + peripheral + ": INT_RAW 0x" + raw.ToString("X8")
                    + " missing or an address not 4-byte aligned");
            }

            if (_groupCount == _groupRaw.Length)
            {
                int n = _groupCount == 0 ? 8 : _groupCount * 2;
                string[] p = new string[n];
                Array.Copy(_groupPeripheral, p, _groupCount);
                _groupPeripheral = p;
                _groupRaw = Copy(_groupRaw, n);
                _groupStatus = Copy(_groupStatus, n);
                _groupEnable = Copy(_groupEnable, n);
                _groupClear = Copy(_groupClear, n);
                int[] shifts = new int[n];
                Array.Copy(_groupClearShift, shifts, _groupCount);
                _groupClearShift = shifts;
            }

            int g = _groupCount++;
            _groupPeripheral[g] = peripheral;
            _groupRaw[g] = raw;
            _groupStatus[g] = status;
            _groupEnable[g] = enable;
            _groupClear[g] = clear;
            _groupClearShift[g] = clearShift;
            SetRole(status, g + 1);
            SetRole(clear, -(g + 1));
        }

        /// <summary>The peripheral of interrupt group <paramref name="group"/>.</summary>
        /// <param name="group">0 .. <see cref="InterruptGroupCount"/> - 1.</param>
        /// <returns>The name.</returns>
        public string GetGroupPeripheral(int group)
        {
            return _groupPeripheral[CheckGroup(group)];
        }

        /// <summary>Address of group <paramref name="group"/>'s <c>INT_RAW</c>.</summary>
        /// <param name="group">0 .. <see cref="InterruptGroupCount"/> - 1.</param>
        /// <returns>The address.</returns>
        public uint GetGroupRaw(int group)
        {
            return _groupRaw[CheckGroup(group)];
        }

        /// <summary>Address of group <paramref name="group"/>'s <c>INT_ST</c> (0: none).</summary>
        /// <param name="group">0 .. <see cref="InterruptGroupCount"/> - 1.</param>
        /// <returns>The address.</returns>
        public uint GetGroupStatus(int group)
        {
            return _groupStatus[CheckGroup(group)];
        }

        /// <summary>Address of group <paramref name="group"/>'s <c>INT_ENA</c> (0: none).</summary>
        /// <param name="group">0 .. <see cref="InterruptGroupCount"/> - 1.</param>
        /// <returns>The address.</returns>
        public uint GetGroupEnable(int group)
        {
            return _groupEnable[CheckGroup(group)];
        }

        /// <summary>Address of group <paramref name="group"/>'s <c>INT_CLR</c> (0: none).</summary>
        /// <param name="group">0 .. <see cref="InterruptGroupCount"/> - 1.</param>
        /// <returns>The address.</returns>
        public uint GetGroupClear(int group)
        {
            return _groupClear[CheckGroup(group)];
        }

        /// <summary>Bit of a field in group <paramref name="group"/>'s <c>INT_CLR</c> minus its bit in <c>INT_RAW</c> (0 on nearly every group).</summary>
        /// <param name="group">0 .. <see cref="InterruptGroupCount"/> - 1.</param>
        /// <returns>The shift.</returns>
        public int GetGroupClearShift(int group)
        {
            return _groupClearShift[CheckGroup(group)];
        }

        /// <summary>Number of names (<see cref="AddName"/>).</summary>
        public int NameCount
        {
            get { return _nameCount; }
        }

        /// <summary>
        /// Names a register (<c>UART0.STATUS</c>, mask: the bits its fields cover) or a field
        /// (<c>UART0.STATUS.TXFIFO_CNT</c>, mask: its bits), for lookups by name (<see cref="FindName"/>,
        /// <see cref="FindField"/>). The vendor SVD's names; a name added again keeps its first entry.
        /// </summary>
        /// <param name="name"><c>PERIPH.REG</c> or <c>PERIPH.REG.FIELD</c>.</param>
        /// <param name="address">The register's address.</param>
        /// <param name="mask">The bits.</param>
        /// <exception cref="ArgumentException">The name is null or empty.</exception>
        public void AddName(string name, uint address, uint mask)
        {
            if (name == null || name.Length == 0)
            {
                throw new ArgumentException("register model: a name is empty");
            }

            if (_nameCount == _names.Length)
            {
                int n = _nameCount == 0 ? 64 : _nameCount * 2;
                string[] s = new string[n];
                Array.Copy(_names, s, _nameCount);
                _names = s;
                _nameAddress = Copy(_nameAddress, n);
                _nameMask = Copy(_nameMask, n);
            }

            _names[_nameCount] = name;
            _nameAddress[_nameCount] = address;
            _nameMask[_nameCount] = mask;
            _nameCount++;
        }

        /// <summary>Finds a register or field by its full name (<c>UART0.STATUS</c>, <c>UART0.STATUS.TXFIFO_CNT</c>).</summary>
        /// <param name="name">The name (ordinal).</param>
        /// <param name="address">The register's address.</param>
        /// <param name="mask">The register's or field's bits.</param>
        /// <returns>True when found.</returns>
        public bool FindName(string name, out uint address, out uint mask)
        {
            for (int i = 0; i < _nameCount; i++)
            {
                if (_names[i] == name)
                {
                    address = _nameAddress[i];
                    mask = _nameMask[i];
                    return true;
                }
            }

            address = 0;
            mask = 0;
            return false;
        }

        /// <summary>
        /// Finds a field of a peripheral by its name alone, in whichever register it is (<c>UART0</c>, <c>TXFIFO_CNT</c>:
        /// <c>UART0.STATUS.TXFIFO_CNT</c>): the first one in the order names were added.
        /// </summary>
        /// <param name="peripheral">The peripheral's name.</param>
        /// <param name="field">The field's name.</param>
        /// <param name="address">The register's address.</param>
        /// <param name="mask">The field's bits.</param>
        /// <returns>True when found.</returns>
        public bool FindField(string peripheral, string field, out uint address, out uint mask)
        {
            int p = peripheral.Length;
            int f = field.Length;
            for (int i = 0; i < _nameCount; i++)
            {
                string n = _names[i];
                // PERIPH . REG . FIELD: at least one character of register between the two dots
                if (n.Length > p + f + 2 && n[p] == '.' && n[n.Length - f - 1] == '.' && n.IndexOf('.', p + 1) == n.Length - f - 1
                    && n.Substring(0, p) == peripheral && n.Substring(n.Length - f) == field)
                {
                    address = _nameAddress[i];
                    mask = _nameMask[i];
                    return true;
                }
            }

            address = 0;
            mask = 0;
            return false;
        }

        /// <summary>Name number <paramref name="index"/>, in the order they were added.</summary>
        /// <param name="index">0 .. <see cref="NameCount"/> - 1.</param>
        /// <param name="address">The register's address.</param>
        /// <param name="mask">The bits.</param>
        /// <returns>The name.</returns>
        public string GetName(int index, out uint address, out uint mask)
        {
            if (index < 0 || index >= _nameCount)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            address = _nameAddress[index];
            mask = _nameMask[index];
            return _names[index];
        }

        private int GroupRole(uint address)
        {
            for (int g = 0; g < _groupCount; g++)
            {
                if (_groupStatus[g] == address)
                {
                    return g + 1;
                }

                if (_groupClear[g] == address)
                {
                    return -(g + 1);
                }
            }

            return 0;
        }

        private void SetRole(uint address, int role)
        {
            if (address == 0)
            {
                return;
            }

            int i = Find(address);
            if (i >= 0)
            {
                _group[i] = role;
            }
        }

        private int CheckGroup(int group)
        {
            if (group < 0 || group >= _groupCount)
            {
                throw new ArgumentOutOfRangeException("group");
            }

            return group;
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
            _selfClear = Copy(_selfClear, n);
            _w1s = Copy(_w1s, n);
            int[] g = new int[n];
            Array.Copy(_group, g, _group.Length);
            _group = g;
        }

        private static uint[] Copy(uint[] a, int n)
        {
            uint[] b = new uint[n];
            Array.Copy(a, b, a.Length);
            return b;
        }
    }
}
