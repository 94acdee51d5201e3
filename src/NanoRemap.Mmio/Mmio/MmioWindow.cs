using System;
using NanoRemap.Boards;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// A validated window <c>[phys, phys + size)</c> onto the registers of one allowed peripheral block,
    /// mapped the no-MMU way (virtual address == physical address). Obtain one from
    /// <see cref="RegisterBus.Map"/>, <see cref="RegisterBus.MapBlock"/> or <see cref="NommuDirectMap"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Accesses are 32-bit at 4-byte aligned byte offsets (the IDF <c>REG_*</c> accessors are 32-bit only).
    /// An offset outside the window or not aligned raises <see cref="ArgumentOutOfRangeException"/> /
    /// <see cref="ArgumentException"/> before any register is touched. What only the board knows per register is
    /// left to the native layer, which checks every access anyway (and the simulator playing it): a plain read or a
    /// read-modify-write of a classic-ESP32 FIFO register (errata CPU-3.21; <see cref="ReadFifo"/> reads it the
    /// safe way) and the board policy's read-only / denied registers raise <see cref="InvalidOperationException"/>
    /// before the register is touched, so the window's hot path is two compares. Register accesses allocate
    /// nothing. Every refusal message names its check ("misaligned", "unmapped", "denied", "read-only", "fifo")
    /// and the address, in the words of the firmware's native layer ("refused read of 0x3FF40000 on esp32: fifo").
    /// </para>
    /// <para>
    /// <see cref="SetBits"/> / <see cref="ClearBits"/> / <see cref="ToggleBits"/> / <see cref="SetField(uint, uint, int, uint)"/> /
    /// <see cref="Modify"/> are atomic read-modify-writes (one InternalCall, a critical section on the device);
    /// <see cref="ReadBlock"/> / <see cref="WriteBlock"/> / <see cref="ReadFifo"/> / <see cref="WriteFifo"/> move N
    /// words in one InternalCall into or out of a caller-owned buffer.
    /// </para>
    /// <para>
    /// On a firmware with the NanoRemap interop library, <see cref="Read32"/>, <see cref="Write32"/>, <see cref="Modify"/>,
    /// <see cref="SetBits"/>, <see cref="ClearBits"/>, <see cref="ToggleBits"/> and both <c>SetField</c> are one
    /// InternalCall and no managed frame: the library's native table implements these methods too
    /// (boards/native/interop/NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow.cpp), and the nanoCLR runs a method's native
    /// implementation instead of its IL. The handler reads the window's fields, does the hardware access when the IL
    /// below would make exactly that InternalCall, and otherwise runs the IL (a simulated window, a bad argument, a
    /// guarded word), so the checks and their words are this code's. The IL runs wherever no native table is
    /// registered (the host, a nanoCLR without the library): a struct (no interface or virtual dispatch) that
    /// validates inline and calls the InternalCall directly, one managed frame. Keep the instance fields' order in
    /// step with the handlers' FIELD___ indices (NanoRemap_Mmio.h; a test compares them). The default value is an
    /// unmapped window: every access throws.
    /// </para>
    /// <para>
    /// On the nanoCLR a struct other than a primitive lives in a heap block, and copying it clones the block:
    /// mapping a window costs one allocation there (none on CoreCLR), and so does every copy. Keep the window
    /// in a local or a non-readonly field (a call through a <c>readonly</c> field copies it first) and pass it
    /// by <c>ref</c> on hot paths; register accesses on it then copy nothing.
    /// </para>
    /// </remarks>
    public struct MmioWindow
    {
        private readonly uint _base;
        private readonly uint _size;
        private const byte GuardFifo = 4;         // beside RegisterPolicy.ReadOnly (1), Deny (2), Protect (3)

        private readonly uint _guardFirst;        // first window offset with a FIFO register or register policy, or 0xFFFFFFFF
        private readonly uint _guardSpan;         // last guarded offset - _guardFirst: offset - _guardFirst <= _guardSpan is guarded
        private readonly byte[] _guardKind;       // per word from _guardFirst: 0, RegisterPolicy, or GuardFifo
        private readonly SimulatedBus _sim;  // null on hardware
        private readonly RegisterBus _bus;
        private readonly PeripheralBlock _block;

        /// <summary>Validates and creates a window (see <see cref="RegisterBus.Map"/>).</summary>
        /// <param name="bus">The bus.</param>
        /// <param name="phys">Physical start.</param>
        /// <param name="size">Size in bytes.</param>
        internal MmioWindow(RegisterBus bus, uint phys, uint size)
        {
            BoardMap board = bus.Board;
            if ((phys & 3) != 0 || (size & 3) != 0 || size == 0)
            {
                throw new ArgumentException("cannot map 0x" + phys.ToString("X8") + " +0x" + size.ToString("X")
                    + " on " + board.Chip + ": start and size must be non-zero multiples of 4 (32-bit registers)");
            }

            PeripheralBlock block = board.FindBlock(phys);
            if (block == null)
            {
                throw new ArgumentOutOfRangeException("phys", "cannot map 0x" + phys.ToString("X8") + " on " + board.Chip
                    + ": the address is in no peripheral block of the board map");
            }

            if (size > block.Size - (phys - block.Base))
            {
                throw new ArgumentOutOfRangeException("size", "cannot map 0x" + phys.ToString("X8") + " +0x" + size.ToString("X")
                    + " on " + board.Chip + ": the window leaves block " + block.Name + " [0x" + block.Base.ToString("X8")
                    + ", 0x" + block.End.ToString("X8") + ")");
            }

            if (!block.Allowed)
            {
                throw new ArgumentException("cannot map 0x" + phys.ToString("X8") + " on " + board.Chip + ": block " + block.Name
                    + " is denied by default (security-sensitive); allow it in boards/" + board.Chip + "/board.map and regenerate");
            }

            // Computed once: a window without FIFO or policy registers pays one compare per access; the others
            // look the word up in one small array (no call on the register path). Protected bits need the
            // register's current value: the native core (and the simulator playing it) checks them atomically.
            uint guardFirst;
            uint guardLast;
            board.GuardRange(phys, size, out guardFirst, out guardLast);
            byte[] guardKind = null;
            if (guardFirst != 0xFFFFFFFF)
            {
                guardKind = new byte[((guardLast - guardFirst) >> 2) + 1];
                for (int w = 0; w < guardKind.Length; w++)
                {
                    uint a = phys + guardFirst + ((uint)w << 2);
                    uint mask;
                    byte policy = (byte)board.PolicyAt(a, out mask);
                    // nr_check's order: a denied register is "denied" before it is a FIFO
                    guardKind[w] = policy != (byte)RegisterPolicy.Deny && board.IsFifo(a) ? GuardFifo : policy;
                }
            }

            _base = phys;
            _size = size;
            _guardFirst = guardFirst;
            _guardSpan = guardFirst == 0xFFFFFFFF ? 0 : guardLast - guardFirst;
            _guardKind = guardKind;
            _sim = bus.Simulator;
            _bus = bus;
            _block = block;
        }

        /// <summary>Physical start of the window.</summary>
        public uint PhysicalAddress
        {
            get { return _base; }
        }

        /// <summary>The address a driver uses: on nommu the physical address itself (identity mapping).</summary>
        public uint VirtualAddress
        {
            get { return _base; }
        }

        /// <summary>Size of the window in bytes (0 for an unmapped window).</summary>
        public uint Size
        {
            get { return _size; }
        }

        /// <summary>True for a window obtained from a map step; false for <c>default(MmioWindow)</c>.</summary>
        public bool IsMapped
        {
            get { return _size != 0; }
        }

        /// <summary>The peripheral block the window lies in (null when unmapped).</summary>
        public PeripheralBlock Block
        {
            get { return _block; }
        }

        /// <summary>The bus the window was mapped on (null when unmapped).</summary>
        public RegisterBus Bus
        {
            get { return _bus; }
        }

        /// <summary>
        /// The window offset of a register of its block by name (<c>"OUT_W1TS"</c>, <c>"PIN2"</c>).
        /// </summary>
        /// <param name="registerName">A register name from the board map.</param>
        /// <returns>The byte offset from <see cref="PhysicalAddress"/>.</returns>
        /// <exception cref="ArgumentException">No such register, or it lies outside the window.</exception>
        public uint OffsetOf(string registerName)
        {
            PeripheralBlock block = RequireMapped();
            uint offset = block.Base + block.OffsetOf(registerName) - _base;
            if (offset >= _size)
            {
                throw new ArgumentException("register " + registerName + " of " + block.Name + " lies outside this window");
            }

            return offset;
        }

        /// <summary>Reads the 32-bit register at a byte offset (IDF <c>REG_READ</c>; volatile).</summary>
        /// <param name="offset">Byte offset from the window start: a multiple of 4 below <see cref="Size"/>.</param>
        /// <returns>The register value.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is not 4-byte aligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register read on the classic ESP32, a register the board policy makes read-only or denied, a board map that is not the firmware's chip); the message names the check: "refused read of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public uint Read32(uint offset)
        {
            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            uint guard = offset - _guardFirst;
            if (guard <= _guardSpan)
            {
                byte kind = _guardKind[guard >> 2];
                if (kind == GuardFifo)
                {
                    throw MmioErrors.Refused("read", _base + offset, _bus.Board.Chip, AccessCheck.Fifo);
                }

                if (kind == (byte)RegisterPolicy.Deny)
                {
                    throw MmioErrors.Refused("read", _base + offset, _bus.Board.Chip, AccessCheck.Denied);
                }
            }

            if (_sim == null)
            {
                return NativeRegisterAccess.NativeRead32(_base + offset);
            }

            return _sim.Read32(_base + offset);
        }

        /// <summary>Writes the 32-bit register at a byte offset (IDF <c>REG_WRITE</c>; volatile). Writes to read-only registers are ignored by the silicon.</summary>
        /// <param name="offset">Byte offset from the window start: a multiple of 4 below <see cref="Size"/>.</param>
        /// <param name="value">Value to write.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is not 4-byte aligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register read on the classic ESP32, a register the board policy makes read-only or denied, a board map that is not the firmware's chip); the message names the check: "refused read of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void Write32(uint offset, uint value)
        {
            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            uint guard = offset - _guardFirst;
            if (guard <= _guardSpan)
            {
                byte kind = _guardKind[guard >> 2];
                if (kind == (byte)RegisterPolicy.Deny)
                {
                    throw MmioErrors.Refused("write", _base + offset, _bus.Board.Chip, AccessCheck.Denied);
                }

                if (kind == (byte)RegisterPolicy.ReadOnly)
                {
                    throw MmioErrors.Refused("write", _base + offset, _bus.Board.Chip, AccessCheck.ReadOnly);
                }
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeWrite32(_base + offset, value);
                return;
            }

            _sim.Write32(_base + offset, value);
        }

        /// <summary>
        /// Atomic read-modify-write: <c>reg = ((reg &amp; ~clearMask) | setMask) ^ toggleMask</c> in one native call
        /// (<c>nr_modify32</c>: one read and one write inside the firmware's critical section, <c>portENTER_CRITICAL_SAFE</c>,
        /// so no interrupt on this core and no other NanoRemap access on either core comes between them). The
        /// simulator does the same. <see cref="SetBits"/>, <see cref="ClearBits"/>, <see cref="ToggleBits"/> and
        /// <see cref="SetField(uint, uint, int, uint)"/> are special cases.
        /// </summary>
        /// <param name="offset">Byte offset of the register: a multiple of 4 below <see cref="Size"/>.</param>
        /// <param name="clearMask">Bits to clear.</param>
        /// <param name="setMask">Bits to set (after clearing).</param>
        /// <param name="toggleMask">Bits to toggle (last).</param>
        /// <returns>The register value before the write.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public uint Modify(uint offset, uint clearMask, uint setMask, uint toggleMask)
        {
            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            if (_sim == null)
            {
                return NativeRegisterAccess.NativeModify32(_base + offset, clearMask, setMask, toggleMask);
            }

            return _sim.Modify32(_base + offset, clearMask, setMask, toggleMask);
        }

        /// <summary>
        /// Sets bits: <c>reg = reg | mask</c> (IDF <c>REG_SET_BIT</c>), atomically: one native read-modify-write in a
        /// critical section (see <see cref="Modify"/>). Where the register has a W1TS alias, <see cref="AtomicSet"/> is
        /// one plain store and cheaper.
        /// </summary>
        /// <param name="offset">Byte offset of the register.</param>
        /// <param name="mask">Bits to set.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void SetBits(uint offset, uint mask)
        {
            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeModify32(_base + offset, 0, mask, 0);
                return;
            }

            _sim.Modify32(_base + offset, 0, mask, 0);
        }

        /// <summary>Clears bits: <c>reg = reg &amp; ~mask</c> (IDF <c>REG_CLR_BIT</c>), atomically (see <see cref="Modify"/>).</summary>
        /// <param name="offset">Byte offset of the register.</param>
        /// <param name="mask">Bits to clear.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void ClearBits(uint offset, uint mask)
        {
            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeModify32(_base + offset, mask, 0, 0);
                return;
            }

            _sim.Modify32(_base + offset, mask, 0, 0);
        }

        /// <summary>Toggles bits: <c>reg = reg ^ mask</c>, atomically (see <see cref="Modify"/>; the hardware has no toggle alias).</summary>
        /// <param name="offset">Byte offset of the register.</param>
        /// <param name="mask">Bits to toggle.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void ToggleBits(uint offset, uint mask)
        {
            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeModify32(_base + offset, 0, 0, mask);
                return;
            }

            _sim.Modify32(_base + offset, 0, 0, mask);
        }

        /// <summary>
        /// Reads a field: <c>(reg &gt;&gt; shift) &amp; mask</c>, IDF <c>REG_GET_FIELD</c> with the field's
        /// <c>_V</c> (unshifted mask) and <c>_S</c> (shift).
        /// </summary>
        /// <param name="offset">Byte offset of the register.</param>
        /// <param name="mask">The field's unshifted mask (<c>_V</c>), non-zero.</param>
        /// <param name="shift">The field's shift (<c>_S</c>), 0..31; <c>mask &lt;&lt; shift</c> must fit in 32 bits.</param>
        /// <returns>The field value.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window, or mask / shift describe no 32-bit field.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public uint GetField(uint offset, uint mask, int shift)
        {
            MmioErrors.CheckField(mask, shift);
            return (Read32(offset) >> shift) & mask;
        }

        /// <summary>
        /// Writes a field, IDF <c>REG_SET_FIELD</c>: <c>reg = (reg &amp; ~(mask &lt;&lt; shift)) | (value &lt;&lt; shift)</c>,
        /// atomically (one native read-modify-write, see <see cref="Modify"/>). Unlike the IDF macro, a value wider than
        /// the field is refused instead of truncated.
        /// </summary>
        /// <param name="offset">Byte offset of the register.</param>
        /// <param name="mask">The field's unshifted mask (<c>_V</c>), non-zero.</param>
        /// <param name="shift">The field's shift (<c>_S</c>), 0..31.</param>
        /// <param name="value">The new field value, at most <paramref name="mask"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window, mask / shift describe no 32-bit field, or the value does not fit the field.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void SetField(uint offset, uint mask, int shift, uint value)
        {
            if (mask == 0 || shift < 0 || shift > 31 || ((ulong)mask << shift) > 0xFFFFFFFFUL)
            {
                throw MmioErrors.BadField(mask, shift);
            }

            if ((value & ~mask) != 0)
            {
                throw MmioErrors.BadFieldValue(mask, value);
            }

            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeModify32(_base + offset, mask << shift, value << shift, 0);
                return;
            }

            _sim.Modify32(_base + offset, mask << shift, value << shift, 0);
        }

        /// <summary>
        /// Reads <paramref name="count"/> consecutive registers from <paramref name="offset"/> into
        /// <c>buffer[index ..]</c> in one native call (<c>nr_read_block</c>), checked once for the whole range before
        /// the first read. Allocates nothing: the caller owns the buffer.
        /// </summary>
        /// <param name="offset">Byte offset of the first register: a multiple of 4.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="index">First element written.</param>
        /// <param name="count">Number of words; <c>offset + 4 * count</c> must stay inside the window.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The buffer range or the register range is invalid.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void ReadBlock(uint offset, uint[] buffer, int index, int count)
        {
            if (buffer == null || index < 0 || count < 0 || count > buffer.Length - index || (offset & 3) != 0 || offset >= _size
                || (uint)count > (_size - offset) >> 2)
            {
                throw MmioErrors.BadBlock(_base, _size, offset, buffer, index, count);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeReadBlock(_base + offset, 4, buffer, index, count);
                return;
            }

            _sim.ReadBlock(_base + offset, 4, buffer, index, count);
        }

        /// <summary>
        /// Writes <c>buffer[index ..]</c> to <paramref name="count"/> consecutive registers from <paramref name="offset"/>
        /// in one native call (<c>nr_write_block</c>: RMT RAM, a LUT), checked once for the whole range before the first write.
        /// </summary>
        /// <param name="offset">Byte offset of the first register: a multiple of 4.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="index">First element read.</param>
        /// <param name="count">Number of words; <c>offset + 4 * count</c> must stay inside the window.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The buffer range or the register range is invalid.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void WriteBlock(uint offset, uint[] buffer, int index, int count)
        {
            if (buffer == null || index < 0 || count < 0 || count > buffer.Length - index || (offset & 3) != 0 || offset >= _size
                || (uint)count > (_size - offset) >> 2)
            {
                throw MmioErrors.BadBlock(_base, _size, offset, buffer, index, count);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeWriteBlock(_base + offset, 4, buffer, index, count);
                return;
            }

            _sim.WriteBlock(_base + offset, 4, buffer, index, count);
        }

        /// <summary>
        /// Reads one register <paramref name="count"/> times into <c>buffer[index ..]</c> in one native call: a FIFO.
        /// On the classic ESP32 a FIFO register (whose plain <see cref="Read32"/> is refused, errata CPU-3.21) is read
        /// the errata-safe way: each read inside a critical section, so no interrupt lands in it, paced as
        /// ESP-IDF's <c>uart_ll_read_rxfifo</c> paces them.
        /// </summary>
        /// <param name="offset">Byte offset of the register: a multiple of 4 below <see cref="Size"/>.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="index">First element written.</param>
        /// <param name="count">Number of reads.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The buffer range is invalid or the offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void ReadFifo(uint offset, uint[] buffer, int index, int count)
        {
            if (buffer == null || index < 0 || count < 0 || count > buffer.Length - index || (offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadBlock(_base, _size, offset, buffer, index, count);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeReadBlock(_base + offset, 0, buffer, index, count);
                return;
            }

            _sim.ReadBlock(_base + offset, 0, buffer, index, count);
        }

        /// <summary>Writes <c>buffer[index ..]</c> to one register, <paramref name="count"/> stores in one native call: a TX FIFO.</summary>
        /// <param name="offset">Byte offset of the register: a multiple of 4 below <see cref="Size"/>.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="index">First element read.</param>
        /// <param name="count">Number of writes.</param>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The buffer range is invalid or the offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register, a register the board policy makes read-only or denied); the message names the check: "refused modify of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void WriteFifo(uint offset, uint[] buffer, int index, int count)
        {
            if (buffer == null || index < 0 || count < 0 || count > buffer.Length - index || (offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadBlock(_base, _size, offset, buffer, index, count);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeWriteBlock(_base + offset, 0, buffer, index, count);
                return;
            }

            _sim.WriteBlock(_base + offset, 0, buffer, index, count);
        }

        /// <summary>
        /// Reads a field described by a packed field constant of the generated chip definitions
        /// (<c>Esp32.Ledc.LSTIMER0_CONF_DUTY_RES</c>): <c>(width &lt;&lt; 8) | lsb</c>, see <see cref="RegisterField"/>.
        /// Decodes with a shift and a mask and calls <see cref="GetField(uint, uint, int)"/>.
        /// </summary>
        /// <param name="offset">Byte offset of the register (the generated register constant).</param>
        /// <param name="field">The packed field constant.</param>
        /// <returns>The field value.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window, or <paramref name="field"/> is no packed field (width 1..32 and lsb + width at most 32).</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The window's guard, the native layer or the simulator playing it refuses the address (a FIFO register on the classic ESP32, a register the board policy makes read-only or denies, a protected bit); the message names the check.</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public uint GetField(uint offset, uint field)
        {
            uint width = field >> 8;
            int shift = (int)(field & 0xFF);
            if (width - 1u > 31u || (uint)shift + width > 32u)
            {
                throw MmioErrors.BadPackedField(field);
            }

            return (Read32(offset) >> shift) & (0xFFFFFFFFu >> (int)(32u - width));
        }

        /// <summary>
        /// Writes a field described by a packed field constant of the generated chip definitions, e.g.
        /// <c>w.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_DUTY_RES, 10)</c>: decodes the constant with a
        /// shift and a mask and does what <see cref="SetField(uint, uint, int, uint)"/> does (one atomic native read-modify-write).
        /// </summary>
        /// <param name="offset">Byte offset of the register (the generated register constant).</param>
        /// <param name="field">The packed field constant: <c>(width &lt;&lt; 8) | lsb</c>.</param>
        /// <param name="value">The new field value; a value wider than the field is refused.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window, <paramref name="field"/> is no packed field, or the value does not fit the field.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned.</exception>
        /// <exception cref="InvalidOperationException">The window's guard, the native layer or the simulator playing it refuses the address (a FIFO register on the classic ESP32, a register the board policy makes read-only or denies, a protected bit); the message names the check.</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void SetField(uint offset, uint field, uint value)
        {
            // Decoded inline (no RegisterField call): one managed frame on top of the native modify where this IL runs.
            uint width = field >> 8;
            int shift = (int)(field & 0xFF);
            if (width - 1u > 31u || (uint)shift + width > 32u)
            {
                throw MmioErrors.BadPackedField(field);
            }

            uint mask = 0xFFFFFFFFu >> (int)(32u - width);
            if ((value & ~mask) != 0)
            {
                throw MmioErrors.BadFieldValue(mask, value);
            }

            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            if (_sim == null)
            {
                NativeRegisterAccess.NativeModify32(_base + offset, mask << shift, value << shift, 0);
                return;
            }

            _sim.Modify32(_base + offset, mask << shift, value << shift, 0);
        }

        /// <summary>
        /// Atomically sets bits of the register at <paramref name="offset"/> with one store to its
        /// write-1-to-set alias (<c>GPIO_OUT_W1TS_REG</c> for <c>GPIO_OUT_REG</c>): one plain store, race-free even against ESP-IDF code on the other core, and cheaper than <see cref="SetBits"/> (a read-modify-write in a critical section).
        /// </summary>
        /// <param name="offset">Byte offset of the target register (e.g. <c>OUT</c>), not of the alias.</param>
        /// <param name="bits">Bits to set.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned, the register has no W1TS alias, or the alias lies outside the window.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register read on the classic ESP32, a register the board policy makes read-only or denied, a board map that is not the firmware's chip); the message names the check: "refused read of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void AtomicSet(uint offset, uint bits)
        {
            Write32(AliasOffset(offset, true), bits);
        }

        /// <summary>
        /// Atomically clears bits of the register at <paramref name="offset"/> with one store to its
        /// write-1-to-clear alias (<c>GPIO_OUT_W1TC_REG</c> for <c>GPIO_OUT_REG</c>).
        /// </summary>
        /// <param name="offset">Byte offset of the target register, not of the alias.</param>
        /// <param name="bits">Bits to clear.</param>
        /// <exception cref="ArgumentOutOfRangeException">The offset is outside the window.</exception>
        /// <exception cref="ArgumentException">The offset is misaligned, the register has no W1TC alias, or the alias lies outside the window.</exception>
        /// <exception cref="InvalidOperationException">The native layer (or the simulator playing it) refuses the address (a FIFO register read on the classic ESP32, a register the board policy makes read-only or denied, a board map that is not the firmware's chip); the message names the check: "refused read of 0x3FF40000 on esp32: fifo".</exception>
        /// <exception cref="PlatformNotSupportedException">A hardware window used on the host, where there is no ESP32: use a simulated bus.</exception>
        public void AtomicClear(uint offset, uint bits)
        {
            Write32(AliasOffset(offset, false), bits);
        }

        private uint AliasOffset(uint offset, bool set)
        {
            if ((offset & 3) != 0 || offset >= _size)
            {
                throw MmioErrors.BadOffset(_base, _size, offset);
            }

            PeripheralBlock block = _block;
            uint target = _base - block.Base + offset;
            uint alias = set ? block.W1tsOffsetFor(target) : block.W1tcOffsetFor(target);
            string kind = set ? "W1TS" : "W1TC";
            if (alias == RegisterInfo.NoTarget)
            {
                throw new ArgumentException("the register at 0x" + (_base + offset).ToString("X8") + " (" + block.Name + " +0x"
                    + target.ToString("X") + ") has no " + kind + " alias; use " + (set ? "SetBits" : "ClearBits") + " (one atomic read-modify-write)");
            }

            uint windowOffset = block.Base + alias - _base;
            if (windowOffset >= _size)
            {
                throw new ArgumentException("the " + kind + " alias of the register at 0x" + (_base + offset).ToString("X8")
                    + " (0x" + (block.Base + alias).ToString("X8") + ") lies outside this window");
            }

            return windowOffset;
        }

        private PeripheralBlock RequireMapped()
        {
            if (_size == 0)
            {
                throw new ArgumentException("the window is not mapped (default MmioWindow)");
            }

            return _block;
        }
    }
}
