using System;
using NanoRemap.Boards;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// A register file per board that behaves like the silicon where it matters: plain read/write
    /// registers, read-only registers (writes ignored), write-only registers (read as zero), the
    /// <c>*_W1TS</c> / <c>*_W1TC</c> aliases that set / clear bits of their target and read as zero, and
    /// reserved gaps (read as zero, writes ignored). With a <see cref="RegisterModel"/> (on the host: every
    /// register of the chip from its SVD facts) registers start at their reset values, read-only bits keep
    /// their value on a write, write-1-to-clear bits clear on a 1, write-only bits read as zero and
    /// clear-on-read bits clear when read. Hooks (<see cref="OnRead"/>, <see cref="OnWrite"/>) let a test model
    /// what the hardware does. It backs the host tests, the demo and the device tests. It lives in the
    /// NanoRemap.Mmio.Simulation assembly (a deployed driver does not carry it) and reaches the windows through
    /// <see cref="SimulatedBus"/>: <c>RegisterBus.CreateSimulated(new RegisterSimulator(board))</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// It also plays the native layer of the firmware: every access is re-checked against the board's
    /// allow-list exactly as <c>nr_read32</c> / <c>nr_write32</c> / <c>nr_modify32</c> / <c>nr_read_block</c> do
    /// (<see cref="BoardMap.Check"/>), and a refused access touches nothing, is counted in <see cref="Refused"/> and
    /// raises <see cref="InvalidOperationException"/> with the native layer's message, word for word:
    /// <c>refused write of 0x3FF5A000 on esp32: denied</c> (the check: misaligned, unmapped, denied, read-only, fifo).
    /// Peripheral clocks follow the firmware's ownership rule (<c>nr_clock</c>): <see cref="EnableClock"/> of a running
    /// clock changes nothing, otherwise it sets the enable bits, clears the reset bits and owns the clock;
    /// <see cref="DisableClock"/> / <see cref="ResetPeripheral"/> act only on an owned clock ("not owned" otherwise).
    /// What the firmware's own drivers do to a clock is a write of those bits (<see cref="Poke"/>).
    /// Reads in the classic ESP32's DPORT range are counted in <see cref="DportReads"/>: on the device they
    /// go through <c>DPORT_REG_READ</c>.
    /// </para>
    /// <para>
    /// Storage for a block is allocated on its first access; after that, reads and writes allocate
    /// nothing. The last <see cref="LogCapacity"/> accesses are kept in a ring for tests.
    /// </para>
    /// <para>
    /// Interrupt groups of the model (<see cref="RegisterModel.AddInterruptGroup(string, uint, uint, uint, uint)"/>): a read of <c>INT_ST</c> returns
    /// <c>INT_RAW &amp; INT_ENA</c>, a 1 written to <c>INT_CLR</c> clears that bit of <c>INT_RAW</c>; the hardware's side
    /// is <see cref="Raise(string, string)"/> (by peripheral and interrupt name) or a <see cref="PeripheralModel"/>.
    /// Peripheral models (<see cref="Attach"/>) make the simulator a chip rather than a register file: UART FIFOs, the
    /// SYSTIMER counter on a virtual clock (<see cref="Advance"/>), GPIO loopback, LEDC duty updates.
    /// </para>
    /// <para>
    /// Thread safety: every public member takes one lock, the simulator object's own monitor (<c>lock (simulator)</c>
    /// groups several calls of a test into one atomic step), so a read-modify-write
    /// (<see cref="Modify32"/>), lazy block storage, hook and model registration and the counters are atomic with
    /// respect to each other, as the device's critical section makes <c>nr_modify32</c>. Hooks and peripheral models
    /// run under that lock: what a hook does with <see cref="Poke"/> is atomic with the access that called it, and a
    /// hook may use the simulator (the lock is re-entrant), but it must not wait for another thread that uses the
    /// simulator (that thread waits for the lock: a deadlock). The public counter fields are written under the lock;
    /// read them when the threads are done.
    /// </para>
    /// </remarks>
    public sealed class RegisterSimulator : SimulatedBus
    {
        /// <summary>Number of accesses the ring log keeps.</summary>
        public const int LogCapacity = 64;

        private readonly BoardMap _board;          // SimulatedBus.Board, kept as a field: a property call per access costs on the nanoCLR
        private readonly uint[][] _words;          // per block, lazily allocated
        private readonly byte[][] _kinds;          // per described block: RegisterAccess per word
        private readonly ushort[][] _targets;      // per described block: target word index of an alias
        private readonly RegisterModel _model;     // null: every bit plain read/write, reset 0
        private readonly int[][] _modelIndex;      // per block: model entry + 1 of each word (0: none), null when none
        private uint[] _hookAddress = new uint[0];
        private RegisterReadHook[] _readHooks = new RegisterReadHook[0];
        private RegisterWriteHook[] _writeHooks = new RegisterWriteHook[0];
        private int _hookCount;
        private readonly uint[] _logAddress = new uint[LogCapacity];
        private readonly uint[] _logValue = new uint[LogCapacity];
        private readonly bool[] _logWrite = new bool[LogCapacity];
        private int _logNext;
        private int _logCount;
        private readonly object _sync;                     // this: a test or a model can group calls with lock (simulator)
        private readonly PeripheralModel[] _peripherals; // per block: first attached model (a chain), or null
        private long _microseconds;

        /// <summary>Reads performed (allowed ones).</summary>
        public int Reads;

        /// <summary>Writes performed (allowed ones, including ignored writes to read-only words).</summary>
        public int Writes;

        /// <summary>Allowed reads that went through the DPORT-safe path (classic ESP32 only).</summary>
        public int DportReads;

        /// <summary>Writes the silicon ignores: to read-only registers and reserved gaps.</summary>
        public int IgnoredWrites;

        /// <summary>Accesses refused by the allow-list check (none ever reached a register).</summary>
        public int Refused;

        /// <summary>Atomic read-modify-writes performed (<see cref="Modify32"/>; each also counts one read and one write).</summary>
        public int Modifies;

        /// <summary>FIFO words read the errata-safe way by <see cref="ReadBlock"/> with step 0 (each also counts one read).</summary>
        public int FifoReads;

        /// <summary>Reset pulses of <see cref="ResetPeripheral"/>.</summary>
        public int PeripheralResets;

        private bool[] _clockOwned; // nr_clock's ownership flags, one per entry of the board's clock table (on first use)

        /// <summary>Creates a simulator with every register zero.</summary>
        /// <param name="board">The board map.</param>
        /// <exception cref="ArgumentNullException"><paramref name="board"/> is null.</exception>
        public RegisterSimulator(BoardMap board)
            : this(board, null)
        {
        }

        /// <summary>Creates a simulator whose registers behave as <paramref name="model"/> says (reset values, bit access rules).</summary>
        /// <param name="board">The board map.</param>
        /// <param name="model">The register model, or null for plain read/write registers that reset to zero.</param>
        /// <exception cref="ArgumentNullException"><paramref name="board"/> is null.</exception>
        public RegisterSimulator(BoardMap board, RegisterModel model)
            : base(board)
        {
            _board = board;
            _model = model;
            _words = new uint[board.BlockCount][];
            _kinds = new byte[board.BlockCount][];
            _targets = new ushort[board.BlockCount][];
            _modelIndex = new int[board.BlockCount][];
            _peripherals = new PeripheralModel[board.BlockCount];
            _sync = this;
        }

        /// <summary>The register model (null when every register is plain read/write).</summary>
        public RegisterModel Model
        {
            get { return _model; }
        }

        /// <summary>
        /// Calls <paramref name="hook"/> on every allowed read of <paramref name="address"/>; its result is what
        /// the read returns. Null removes the read hook.
        /// </summary>
        /// <param name="address">A word address.</param>
        /// <param name="hook">The hook, or null.</param>
        public void OnRead(uint address, RegisterReadHook hook)
        {
            lock (_sync)
            {
                int slot = HookSlot(address); // may grow the arrays: index after
                _readHooks[slot] = hook;
            }
        }

        /// <summary>Calls <paramref name="hook"/> after every allowed write of <paramref name="address"/>. Null removes the write hook.</summary>
        /// <param name="address">A word address.</param>
        /// <param name="hook">The hook, or null.</param>
        public void OnWrite(uint address, RegisterWriteHook hook)
        {
            lock (_sync)
            {
                int slot = HookSlot(address); // may grow the arrays: index after
                _writeHooks[slot] = hook;
            }
        }

        /// <summary>Puts every register back to its reset value (hooks, counters and the log are kept).</summary>
        public void Reset()
        {
            lock (_sync)
            {
                for (int b = 0; b < _words.Length; b++)
                {
                    _words[b] = null;
                }
            }
        }

        /// <summary>Number of accesses in the log (at most <see cref="LogCapacity"/>).</summary>
        public int LogCount
        {
            get { return _logCount; }
        }

        /// <summary>
        /// A 32-bit bus read, as the native layer would do it: checked, then volatile (or DPORT-safe).
        /// </summary>
        /// <param name="address">Physical address.</param>
        /// <returns>The value the silicon returns.</returns>
        /// <exception cref="InvalidOperationException">The allow-list or the board policy refuses the read (misaligned, unmapped, denied block or register, FIFO).</exception>
        public override uint Read32(uint address)
        {
            PeripheralBlock block;
            AccessCheck check = _board.Classify(address, true, out block);
            lock (_sync)
            {
                if (check != AccessCheck.Ok && check != AccessCheck.Dport)
                {
                    throw Refuse(MmioErrors.OpRead, address, check);
                }

                return ReadAt(block, address, check == AccessCheck.Dport);
            }
        }

        /// <summary>A 32-bit bus write, as the native layer would do it: checked, then volatile.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="value">Value written.</param>
        /// <exception cref="InvalidOperationException">The allow-list refuses the write (misaligned, unmapped, denied block).</exception>
        public override void Write32(uint address, uint value)
        {
            PeripheralBlock block;
            AccessCheck check = _board.Classify(address, false, out block);
            lock (_sync)
            {
                if (check != AccessCheck.Ok)
                {
                    throw Refuse(MmioErrors.OpWrite, address, check);
                }

                WriteAt(MmioErrors.OpWrite, block, address, value);
            }
        }

        /// <summary>
        /// The atomic read-modify-write of the native layer (<c>nr_modify32</c>): the register must pass the read and
        /// the write check, then <c>reg = ((reg &amp; ~clear) | set) ^ toggle</c> with one read and one write (which
        /// nothing can come between: on the device they run inside a critical section). Counted in <see cref="Modifies"/>.
        /// </summary>
        /// <param name="address">Physical address.</param>
        /// <param name="clear">Bits to clear.</param>
        /// <param name="set">Bits to set.</param>
        /// <param name="toggle">Bits to toggle, after clear and set.</param>
        /// <returns>The value read before the write.</returns>
        /// <exception cref="InvalidOperationException">The allow-list refuses the read or the write (nothing is touched).</exception>
        public override uint Modify32(uint address, uint clear, uint set, uint toggle)
        {
            PeripheralBlock block;
            AccessCheck check = _board.Classify(address, true, out block);
            AccessCheck write = _board.Classify(address, false, out block);
            lock (_sync)
            {
                if (check != AccessCheck.Ok && check != AccessCheck.Dport)
                {
                    throw Refuse(MmioErrors.OpModify, address, check);
                }

                if (write != AccessCheck.Ok)
                {
                    throw Refuse(MmioErrors.OpModify, address, write);
                }

                uint old = ReadAt(block, address, check == AccessCheck.Dport);
                WriteAt(MmioErrors.OpModify, block, address, ((old & ~clear) | set) ^ toggle);
                Modifies++;
                return old;
            }
        }

        /// <summary>
        /// The block read of the native layer (<c>nr_read_block</c>): <paramref name="count"/> reads at
        /// <c>address + step * i</c> into <c>buffer[index ..]</c>, step 4 for consecutive registers or 0 for one register
        /// (a FIFO: read the errata-safe way on the classic ESP32, counted in <see cref="FifoReads"/>). The whole range is
        /// checked before the first read.
        /// </summary>
        /// <param name="address">Address of the first word.</param>
        /// <param name="step">0 or 4.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="index">First element written.</param>
        /// <param name="count">Number of words.</param>
        /// <exception cref="ArgumentException">The buffer range is invalid.</exception>
        /// <exception cref="InvalidOperationException">A word of the range is refused (nothing is read).</exception>
        public override void ReadBlock(uint address, uint step, uint[] buffer, int index, int count)
        {
            CheckBuffer(buffer, index, count);
            lock (_sync)
            {
                bool fifo;
                CheckRange(MmioErrors.OpBlockRead, address, step, count, true, out fifo);
                for (int i = 0; i < count; i++)
                {
                    uint a = address + step * (uint)i;
                    PeripheralBlock block;
                    AccessCheck check = _board.Classify(a, true, out block);
                    if (fifo)
                    {
                        FifoReads++;
                        buffer[index + i] = ReadAt(_board.FindBlock(a), a, false);
                    }
                    else
                    {
                        buffer[index + i] = ReadAt(block, a, check == AccessCheck.Dport);
                    }
                }
            }
        }

        /// <summary>
        /// The block write of the native layer (<c>nr_write_block</c>): <paramref name="count"/> writes of
        /// <c>buffer[index ..]</c> at <c>address + step * i</c> (step 4 or 0). The whole range is checked first.
        /// </summary>
        /// <param name="address">Address of the first word.</param>
        /// <param name="step">0 or 4.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="index">First element read.</param>
        /// <param name="count">Number of words.</param>
        /// <exception cref="ArgumentException">The buffer range is invalid.</exception>
        /// <exception cref="InvalidOperationException">A word of the range is refused (nothing is written).</exception>
        public override void WriteBlock(uint address, uint step, uint[] buffer, int index, int count)
        {
            CheckBuffer(buffer, index, count);
            lock (_sync)
            {
                bool fifo;
                CheckRange(MmioErrors.OpBlockWrite, address, step, count, false, out fifo);
                for (int i = 0; i < count; i++)
                {
                    uint a = address + step * (uint)i;
                    WriteAt(MmioErrors.OpBlockWrite, _board.FindBlock(a), a, buffer[index + i]);
                }
            }
        }

        /// <summary>
        /// Turns a peripheral's clock on unless it is already running, as the firmware's <c>nr_clock</c> does: a clock
        /// whose enable bits are set and reset bits clear (the firmware's own driver switched it on, or NanoRemap did)
        /// is left as it is and not taken; otherwise the simulator sets the enable bits, clears the reset bits and
        /// NanoRemap owns the clock (<see cref="IsClockOwned"/>).
        /// </summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index ("refused clock 3 on esp32: unmapped"), as the firmware refuses an index outside its table.</exception>
        public override void EnableClock(PeripheralClock clock)
        {
            lock (_sync)
            {
                OwnClock(clock);
                if (IsClockRunning(clock))
                {
                    return;
                }

                PokeBits(clock.EnableRegister, clock.EnableMask, true);
                PokeBits(clock.ResetRegister, clock.ResetMask, false);
                _clockOwned[clock.Index] = true;
            }
        }

        /// <summary>
        /// Gates a clock NanoRemap owns and asserts its reset, giving the ownership up. A clock NanoRemap does not own
        /// (never enabled by it, or running when it was enabled) is refused untouched: "refused clock 0 on esp32: not owned".
        /// </summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index ("refused clock 3 on esp32: unmapped"), or NanoRemap does not own the clock ("refused clock 0 on esp32: not owned").</exception>
        public override void DisableClock(PeripheralClock clock)
        {
            lock (_sync)
            {
                RequireOwned(clock);
                PokeBits(clock.EnableRegister, clock.EnableMask, false);
                PokeBits(clock.ResetRegister, clock.ResetMask, true);
                _clockOwned[clock.Index] = false;
            }
        }

        /// <summary>
        /// Pulses the reset of a clock NanoRemap owns, as <c>periph_module_reset</c> does (the clock is left as it is);
        /// counted in <see cref="PeripheralResets"/>, the reset bits end released. A clock NanoRemap does not own is
        /// refused untouched ("not owned").
        /// </summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index ("refused clock 3 on esp32: unmapped"), or NanoRemap does not own the clock ("refused clock 0 on esp32: not owned").</exception>
        public override void ResetPeripheral(PeripheralClock clock)
        {
            lock (_sync)
            {
                RequireOwned(clock);
                PokeBits(clock.ResetRegister, clock.ResetMask, true);
                PokeBits(clock.ResetRegister, clock.ResetMask, false);
                PeripheralResets++;
            }
        }

        /// <summary>Whether NanoRemap owns a peripheral's clock: it turned the clock on and has not disabled it since.</summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <returns>True when <see cref="DisableClock"/> and <see cref="ResetPeripheral"/> would act.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index.</exception>
        public bool IsClockOwned(PeripheralClock clock)
        {
            lock (_sync)
            {
                OwnClock(clock);
                return _clockOwned[clock.Index];
            }
        }

        /// <summary>Whether a peripheral's clock runs: every enable bit set and every reset bit clear (<c>nr_clock_running</c>).</summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <returns>True when the stored enable and reset bits say the peripheral is clocked and out of reset.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        public bool IsClockRunning(PeripheralClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            return (Peek(clock.EnableRegister) & clock.EnableMask) == clock.EnableMask
                && (Peek(clock.ResetRegister) & clock.ResetMask) == 0;
        }

        // A clock the firmware would drive: the board's entry at its index (nr_firmware_clock refuses an index outside
        // its table, and drives the table's registers, not the descriptor's). Sizes the ownership flags to the table.
        private void OwnClock(PeripheralClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (!_board.IsOwnClock(clock))
            {
                Refused++;
                throw MmioErrors.RefusedClock(clock.Index, _board.Chip, AccessCheck.Unmapped);
            }

            if (_clockOwned == null)
            {
                _clockOwned = new bool[_board.ClockCount];
            }
        }

        // nr_clock's refusal of a disable or reset of a clock NanoRemap does not own; nothing is touched.
        private void RequireOwned(PeripheralClock clock)
        {
            OwnClock(clock);
            if (!_clockOwned[clock.Index])
            {
                Refused++;
                throw MmioErrors.RefusedClock(clock.Index, _board.Chip, AccessCheck.NotOwned);
            }
        }

        private void PokeBits(uint address, uint mask, bool set)
        {
            uint v = Peek(address);
            Poke(address, set ? v | mask : v & ~mask);
        }

        private static void CheckBuffer(uint[] buffer, int index, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (index < 0 || count < 0 || count > buffer.Length - index)
            {
                throw new ArgumentOutOfRangeException("count", "index " + index.ToString() + " and count " + count.ToString()
                    + " are not a range of the buffer (length " + buffer.Length.ToString() + ")");
            }
        }

        // nr_read_block / nr_write_block's range check: every word before the first access; step 0 is one register.
        private void CheckRange(string operation, uint address, uint step, int count, bool read, out bool fifo)
        {
            fifo = false;
            if (step != 0 && step != 4)
            {
                throw Refuse(operation, address, AccessCheck.Misaligned);
            }

            if (count == 0)
            {
                return;
            }

            if (step != 0 && (ulong)address + (ulong)step * (ulong)(count - 1) > 0xFFFFFFFFUL)
            {
                throw Refuse(operation, address, AccessCheck.Unmapped);
            }

            int n = step == 0 ? 1 : count;
            for (int i = 0; i < n; i++)
            {
                uint a = address + step * (uint)i;
                AccessCheck check = _board.Check(a, read);
                if (check == AccessCheck.Fifo && step == 0)
                {
                    fifo = true; // the firmware reads a FIFO register the errata-safe way
                    continue;
                }

                if (check != AccessCheck.Ok && check != AccessCheck.Dport)
                {
                    throw Refuse(operation, a, check);
                }

                uint mask;
                if (!read && _board.PolicyAt(a, out mask) == RegisterPolicy.Protect)
                {
                    throw Refuse(operation, a, AccessCheck.Denied); // nr_write_block: a protect register needs its old value
                }
            }
        }

        private uint ReadAt(PeripheralBlock block, uint address, bool dport)
        {
            if (dport)
            {
                DportReads++;
            }

            int b = block.Index;
            uint word = (address - block.Base) >> 2;
            uint[] words = Words(b, block);
            uint value;
            switch (KindAt(b, block, word))
            {
                case RegisterAccess.WriteOnly:
                case RegisterAccess.W1ts:
                case RegisterAccess.W1tc:
                case RegisterAccess.Reserved:
                    value = 0;
                    break;
                default:
                    value = words[word];
                    break;
            }

            int[] index = _modelIndex[b];
            if (index != null)
            {
                if (index[word] != 0)
                {
                    int m = index[word] - 1;
                    int role = _model.GetGroupRole(m);
                    if (role > 0)
                    {
                        value = GroupStatus(role - 1); // INT_ST = INT_RAW & INT_ENA
                    }

                    value &= ~_model.GetWriteOnlyMask(m);
                    words[word] &= ~_model.GetClearOnReadMask(m);
                }
                else if (block.Describe(word << 2) == null)
                {
                    value = 0; // no register here: a reserved word
                }
            }

            PeripheralModel peripheral = _peripherals[b];
            while (peripheral != null)
            {
                value = peripheral.OnRead(address, value);
                peripheral = peripheral.NextInBlock;
            }

            if (_hookCount != 0)
            {
                value = ReadHook(address, value);
            }

            Reads++;
            Log(address, value, false);
            return value;
        }

        private void WriteAt(string operation, PeripheralBlock block, uint address, uint value)
        {
            int b = block.Index;
            uint word = (address - block.Base) >> 2;
            uint[] words = Words(b, block);
            if (block.HasPolicy && _board.CheckWrite(address, words[word], value) != AccessCheck.Ok)
            {
                throw Refuse(operation, address, AccessCheck.Denied);
            }

            switch (KindAt(b, block, word))
            {
                case RegisterAccess.ReadOnly:
                case RegisterAccess.Reserved:
                    IgnoredWrites++;
                    break;
                case RegisterAccess.W1ts:
                    words[_targets[b][word]] |= value;
                    break;
                case RegisterAccess.W1tc:
                    words[_targets[b][word]] &= ~value;
                    break;
                default:
                    int[] index = _modelIndex[b];
                    if (index != null && index[word] == 0 && block.Describe(word << 2) == null)
                    {
                        IgnoredWrites++; // no register here: a reserved word
                    }
                    else if (index != null && index[word] != 0)
                    {
                        int m = index[word] - 1;
                        uint old = words[word];
                        uint ro = _model.GetReadOnlyMask(m);
                        uint w1c = _model.GetWriteOneToClearMask(m);
                        uint w1s = _model.GetWriteOneToSetMask(m);
                        uint next = (old & ro) | (value & ~ro);
                        next = (next & ~w1c) | (old & w1c & ~value);
                        next = (next & ~w1s) | (old & w1s) | (value & w1s);
                        words[word] = next & ~_model.GetSelfClearingMask(m); // a self-clearing 1 is done once written
                        int role = _model.GetGroupRole(m);
                        if (role < 0)
                        {
                            ClearRaw(-role - 1, value); // INT_CLR: a 1 clears that INT_RAW bit
                        }
                    }
                    else
                    {
                        words[word] = value;
                    }

                    break;
            }

            Writes++;
            Log(address, value, true);
            PeripheralModel peripheral = _peripherals[b];
            while (peripheral != null)
            {
                peripheral.OnWrite(address, value);
                peripheral = peripheral.NextInBlock;
            }

            if (_hookCount != 0)
            {
                WriteHook(address, value);
            }
        }

        /// <summary>
        /// Attaches a peripheral model to its block (<see cref="PeripheralModel.Block"/>): from now on it sees every
        /// allowed access of the block and the virtual clock. Several models may share a block.
        /// </summary>
        /// <param name="peripheral">The model.</param>
        /// <exception cref="ArgumentNullException"><paramref name="peripheral"/> is null.</exception>
        /// <exception cref="ArgumentException">The board has no block of that name.</exception>
        /// <exception cref="InvalidOperationException">The simulator has no register model, the model lacks a register
        /// the peripheral needs, or the model is attached already.</exception>
        public void Attach(PeripheralModel peripheral)
        {
            if (peripheral == null)
            {
                throw new ArgumentNullException("peripheral");
            }

            PeripheralBlock block = _board.FindBlock(peripheral.Block);
            if (block == null)
            {
                throw new ArgumentException("no block " + peripheral.Block + " on " + _board.Chip, "peripheral");
            }

            lock (_sync)
            {
                peripheral.AttachTo(this);
                PeripheralModel last = _peripherals[block.Index];
                if (last == null)
                {
                    _peripherals[block.Index] = peripheral;
                }
                else
                {
                    while (last.NextInBlock != null)
                    {
                        last = last.NextInBlock;
                    }

                    last.NextInBlock = peripheral;
                }
            }
        }

        /// <summary>The virtual clock: microseconds the test advanced (<see cref="Advance"/>) since the simulator was created.</summary>
        public long Microseconds
        {
            get
            {
                lock (_sync)
                {
                    return _microseconds;
                }
            }
        }

        /// <summary>
        /// Advances the virtual clock by <paramref name="microseconds"/>: every attached peripheral model does what
        /// the hardware does in that time (a timer counts, a UART finishes sending).
        /// </summary>
        /// <param name="microseconds">Time that passes.</param>
        public void Advance(uint microseconds)
        {
            lock (_sync)
            {
                _microseconds += microseconds;
                for (int b = 0; b < _peripherals.Length; b++)
                {
                    PeripheralModel peripheral = _peripherals[b];
                    while (peripheral != null)
                    {
                        peripheral.OnAdvance(microseconds);
                        peripheral = peripheral.NextInBlock;
                    }
                }
            }
        }

        /// <summary>
        /// The hardware raises an interrupt: sets <paramref name="mask"/> in the <c>INT_RAW</c> register at
        /// <paramref name="rawAddress"/> (<c>INT_ST</c> follows where <c>INT_ENA</c> has the bit).
        /// </summary>
        /// <param name="rawAddress">The <c>INT_RAW</c> register (any register: the bits are set in its stored value).</param>
        /// <param name="mask">The bits to set.</param>
        /// <exception cref="ArgumentOutOfRangeException">The address is misaligned or in no block.</exception>
        public void Raise(uint rawAddress, uint mask)
        {
            PeripheralBlock block = BlockForRaw(rawAddress);
            lock (_sync)
            {
                Words(block.Index, block)[(rawAddress - block.Base) >> 2] |= mask;
            }
        }

        /// <summary>
        /// The hardware raises an interrupt by name: <c>Raise("UART0", "TX_DONE")</c> sets
        /// <c>UART0.INT_RAW.TX_DONE_INT_RAW</c>. <paramref name="interrupt"/> is a field of one of the peripheral's
        /// interrupt groups' <c>INT_RAW</c> register, with or without its <c>_INT_RAW</c> / <c>_RAW</c> suffix, or
        /// <c>REG.FIELD</c> where two groups have a field of that name (<c>INT_RAW_CH0.IN_DONE_CH0_INT_RAW</c>).
        /// </summary>
        /// <param name="peripheral">The peripheral (<c>UART0</c>).</param>
        /// <param name="interrupt">The interrupt's name (<c>TX_DONE</c>).</param>
        /// <exception cref="ArgumentNullException">A name is null.</exception>
        /// <exception cref="ArgumentException">No interrupt of that name (the message lists the peripheral's interrupts), or more than one.</exception>
        public void Raise(string peripheral, string interrupt)
        {
            uint address;
            uint mask = FindInterrupt(peripheral, interrupt, out address);
            Raise(address, mask);
        }

        /// <summary>True when the named interrupt's <c>INT_RAW</c> bit is set (see <see cref="Raise(string, string)"/> for the names).</summary>
        /// <param name="peripheral">The peripheral (<c>UART0</c>).</param>
        /// <param name="interrupt">The interrupt's name (<c>TX_DONE</c>).</param>
        /// <returns>True when raised and not cleared yet.</returns>
        /// <exception cref="ArgumentException">No interrupt of that name, or more than one.</exception>
        public bool IsRaised(string peripheral, string interrupt)
        {
            uint address;
            uint mask = FindInterrupt(peripheral, interrupt, out address);
            return (Peek(address) & mask) != 0;
        }

        private uint FindInterrupt(string peripheral, string interrupt, out uint address)
        {
            if (peripheral == null)
            {
                throw new ArgumentNullException("peripheral");
            }

            if (interrupt == null)
            {
                throw new ArgumentNullException("interrupt");
            }

            RegisterModel model = _model;
            uint found = 0;
            address = 0;
            int matches = 0;
            string known = "";
            if (model != null)
            {
                string prefix = peripheral + ".";
                for (int i = 0; i < model.NameCount; i++)
                {
                    uint a;
                    uint mask;
                    string name = model.GetName(i, out a, out mask);
                    if (!name.StartsWith(prefix) || !IsGroupRaw(model, peripheral, a))
                    {
                        continue;
                    }

                    string rest = name.Substring(prefix.Length); // REG.FIELD
                    int dot = rest.IndexOf('.');
                    if (dot < 0)
                    {
                        continue;
                    }

                    string field = rest.Substring(dot + 1);
                    known = known.Length == 0 ? field : known + " " + field;
                    if (rest == interrupt || field == interrupt || field == interrupt + "_INT_RAW" || field == interrupt + "_RAW")
                    {
                        matches++;
                        found = mask;
                        address = a;
                    }
                }
            }

            if (matches == 1)
            {
                return found;
            }

            if (matches > 1)
            {
                throw new ArgumentException("interrupt " + peripheral + " " + interrupt + " is ambiguous on " + _board.Chip
                    + ": name it as REG.FIELD", "interrupt");
            }

            throw new ArgumentException("no interrupt " + interrupt + " of " + peripheral + " on " + _board.Chip
                + (known.Length == 0 ? " (the register model has no interrupt group of " + peripheral + ")" : " (it has: " + known + ")"), "interrupt");
        }

        private static bool IsGroupRaw(RegisterModel model, string peripheral, uint address)
        {
            for (int g = 0; g < model.InterruptGroupCount; g++)
            {
                if (model.GetGroupRaw(g) == address && model.GetGroupPeripheral(g) == peripheral)
                {
                    return true;
                }
            }

            return false;
        }

        // INT_RAW & INT_ENA of group g (all of INT_RAW when the group has no INT_ENA).
        private uint GroupStatus(int g)
        {
            uint raw = Stored(_model.GetGroupRaw(g));
            uint enable = _model.GetGroupEnable(g);
            return enable == 0 ? raw : raw & Stored(enable);
        }

        private void ClearRaw(int g, uint bits)
        {
            uint raw = _model.GetGroupRaw(g);
            int shift = _model.GetGroupClearShift(g);
            bits = shift >= 0 ? bits >> shift : bits << -shift;
            PeripheralBlock block = BlockForRaw(raw);
            Words(block.Index, block)[(raw - block.Base) >> 2] &= ~bits;
        }

        private uint Stored(uint address)
        {
            PeripheralBlock block = BlockForRaw(address);
            return Words(block.Index, block)[(address - block.Base) >> 2];
        }

        /// <summary>
        /// The stored value of a register without bus semantics, checks or counting: what the hardware
        /// holds (an alias reads its own, always zero, storage). For tests and the demo's register dump.
        /// </summary>
        /// <param name="address">A word address in any block of the map (denied blocks included).</param>
        /// <returns>The stored value.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The address is misaligned or in no block.</exception>
        public uint Peek(uint address)
        {
            PeripheralBlock block = BlockForRaw(address);
            lock (_sync)
            {
                return Words(block.Index, block)[(address - block.Base) >> 2];
            }
        }

        /// <summary>
        /// Sets the stored value of a register without bus semantics: what the outside world does to the
        /// silicon (pin levels in <c>GPIO_IN</c>, a status bit raised by hardware).
        /// </summary>
        /// <param name="address">A word address in any block of the map.</param>
        /// <param name="value">The value to store.</param>
        /// <exception cref="ArgumentOutOfRangeException">The address is misaligned or in no block.</exception>
        public void Poke(uint address, uint value)
        {
            PeripheralBlock block = BlockForRaw(address);
            lock (_sync)
            {
                Words(block.Index, block)[(address - block.Base) >> 2] = value;
            }
        }

        /// <summary>One logged access, oldest first.</summary>
        /// <param name="index">0 .. <see cref="LogCount"/> - 1.</param>
        /// <param name="address">The address accessed.</param>
        /// <param name="value">The value read or written.</param>
        /// <returns>True for a write, false for a read.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the log.</exception>
        public bool GetLogEntry(int index, out uint address, out uint value)
        {
            lock (_sync)
            {
                if (index < 0 || index >= _logCount)
                {
                    throw new ArgumentOutOfRangeException("index");
                }

                int i = (_logNext - _logCount + index + LogCapacity) % LogCapacity;
                address = _logAddress[i];
                value = _logValue[i];
                return _logWrite[i];
            }
        }

        /// <summary>Clears the counters and the log; register values are kept.</summary>
        public void ResetCounters()
        {
            lock (_sync)
            {
                Reads = 0;
                Writes = 0;
                DportReads = 0;
                IgnoredWrites = 0;
                Refused = 0;
                Modifies = 0;
                FifoReads = 0;
                PeripheralResets = 0;
                _logNext = 0;
                _logCount = 0;
            }
        }

        private InvalidOperationException Refuse(string operation, uint address, AccessCheck check)
        {
            Refused++;
            return MmioErrors.Refused(operation, address, _board.Chip, check);
        }

        private PeripheralBlock BlockForRaw(uint address)
        {
            PeripheralBlock block = (address & 3) == 0 ? _board.FindBlock(address) : null;
            if (block == null)
            {
                throw new ArgumentOutOfRangeException("address", "0x" + address.ToString("X8") + " is not a register of " + _board.Chip);
            }

            return block;
        }

        // The block's storage, allocated on first use at the model's reset values.
        private uint[] Words(int b, PeripheralBlock block)
        {
            uint[] words = _words[b];
            if (words == null)
            {
                words = new uint[block.Size >> 2];
                RegisterModel model = _model;
                if (model != null)
                {
                    int[] index = _modelIndex[b];
                    if (index == null)
                    {
                        int first = model.Find(block.Base);
                        if (first < 0)
                        {
                            first = ~first;
                        }

                        for (int i = first; i < model.Count && model.GetAddress(i) - block.Base < block.Size; i++)
                        {
                            if (index == null)
                            {
                                index = new int[words.Length];
                            }

                            index[(model.GetAddress(i) - block.Base) >> 2] = i + 1;
                        }

                        _modelIndex[b] = index;
                    }

                    if (index != null)
                    {
                        for (int w = 0; w < index.Length; w++)
                        {
                            if (index[w] != 0)
                            {
                                words[w] = model.GetReset(index[w] - 1);
                            }
                        }
                    }
                }

                _words[b] = words;
            }

            return words;
        }

        private int HookSlot(uint address)
        {
            for (int i = 0; i < _hookCount; i++)
            {
                if (_hookAddress[i] == address)
                {
                    return i;
                }
            }

            if (_hookCount == _hookAddress.Length)
            {
                int n = _hookCount == 0 ? 4 : _hookCount * 2;
                uint[] a = new uint[n];
                RegisterReadHook[] r = new RegisterReadHook[n];
                RegisterWriteHook[] w = new RegisterWriteHook[n];
                Array.Copy(_hookAddress, a, _hookCount);
                Array.Copy(_readHooks, r, _hookCount);
                Array.Copy(_writeHooks, w, _hookCount);
                _hookAddress = a;
                _readHooks = r;
                _writeHooks = w;
            }

            _hookAddress[_hookCount] = address;
            return _hookCount++;
        }

        private uint ReadHook(uint address, uint value)
        {
            for (int i = 0; i < _hookCount; i++)
            {
                if (_hookAddress[i] == address && _readHooks[i] != null)
                {
                    return _readHooks[i](this, address, value);
                }
            }

            return value;
        }

        private void WriteHook(uint address, uint value)
        {
            for (int i = 0; i < _hookCount; i++)
            {
                if (_hookAddress[i] == address && _writeHooks[i] != null)
                {
                    _writeHooks[i](this, address, value);
                    return;
                }
            }
        }

        private RegisterAccess KindAt(int b, PeripheralBlock block, uint word)
        {
            if (block.RegisterCount == 0)
            {
                return RegisterAccess.ReadWrite;
            }

            byte[] kinds = _kinds[b];
            if (kinds == null)
            {
                kinds = BuildKinds(b, block);
            }

            return (RegisterAccess)kinds[word];
        }

        // Expands the block's register descriptions into one access kind (and alias target) per word.
        private byte[] BuildKinds(int b, PeripheralBlock block)
        {
            uint n = block.Size >> 2;
            byte[] kinds = new byte[n];
            ushort[] targets = new ushort[n];
            for (int i = 0; i < block.RegisterCount; i++)
            {
                RegisterInfo r = block.GetRegister(i);
                uint first = r.Offset >> 2;
                for (uint w = 0; w < (uint)r.Count; w++)
                {
                    kinds[first + w] = (byte)r.Access;
                    if (r.TargetOffset != RegisterInfo.NoTarget)
                    {
                        targets[first + w] = (ushort)(r.TargetOffset >> 2);
                    }
                }
            }

            _targets[b] = targets;
            _kinds[b] = kinds;
            return kinds;
        }

        private void Log(uint address, uint value, bool write)
        {
            int i = _logNext;
            _logAddress[i] = address;
            _logValue[i] = value;
            _logWrite[i] = write;
            _logNext = (i + 1) % LogCapacity;
            if (_logCount < LogCapacity)
            {
                _logCount++;
            }
        }
    }
}
