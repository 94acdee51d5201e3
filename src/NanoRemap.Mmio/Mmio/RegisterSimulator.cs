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
    /// what the hardware does. It backs the host tests, the demo and the device tests.
    /// </summary>
    /// <remarks>
    /// <para>
    /// It also plays the native layer of the firmware: every access is re-checked against the board's
    /// allow-list exactly as <c>nr_read32</c> / <c>nr_write32</c> do (<see cref="BoardMap.Check"/>), and a
    /// refused access touches nothing, is counted in <see cref="Refused"/> and raises
    /// <see cref="InvalidOperationException"/> (the nanoCLR raises the same for the native refusal).
    /// Reads in the classic ESP32's DPORT range are counted in <see cref="DportReads"/>: on the device they
    /// go through <c>DPORT_REG_READ</c>.
    /// </para>
    /// <para>
    /// Storage for a block is allocated on its first access; after that, reads and writes allocate
    /// nothing. The last <see cref="LogCapacity"/> accesses are kept in a ring for tests.
    /// </para>
    /// </remarks>
    public sealed class RegisterSimulator
    {
        /// <summary>Number of accesses the ring log keeps.</summary>
        public const int LogCapacity = 64;

        private readonly BoardMap _board;
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
        {
            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            _board = board;
            _model = model;
            _words = new uint[board.BlockCount][];
            _kinds = new byte[board.BlockCount][];
            _targets = new ushort[board.BlockCount][];
            _modelIndex = new int[board.BlockCount][];
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
            int slot = HookSlot(address); // may grow the arrays: index after
            _readHooks[slot] = hook;
        }

        /// <summary>Calls <paramref name="hook"/> after every allowed write of <paramref name="address"/>. Null removes the write hook.</summary>
        /// <param name="address">A word address.</param>
        /// <param name="hook">The hook, or null.</param>
        public void OnWrite(uint address, RegisterWriteHook hook)
        {
            int slot = HookSlot(address); // may grow the arrays: index after
            _writeHooks[slot] = hook;
        }

        /// <summary>Puts every register back to its reset value (hooks, counters and the log are kept).</summary>
        public void Reset()
        {
            for (int b = 0; b < _words.Length; b++)
            {
                _words[b] = null;
            }
        }

        /// <summary>The board map simulated.</summary>
        public BoardMap Board
        {
            get { return _board; }
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
        public uint Read32(uint address)
        {
            PeripheralBlock block;
            AccessCheck check = _board.Classify(address, true, out block);
            if (check != AccessCheck.Ok && check != AccessCheck.Dport)
            {
                throw Refuse(address, true, check);
            }

            if (check == AccessCheck.Dport)
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
                    value &= ~_model.GetWriteOnlyMask(m);
                    words[word] &= ~_model.GetClearOnReadMask(m);
                }
                else if (block.Describe(word << 2) == null)
                {
                    value = 0; // no register here: a reserved word
                }
            }

            if (_hookCount != 0)
            {
                value = ReadHook(address, value);
            }

            Reads++;
            Log(address, value, false);
            return value;
        }

        /// <summary>A 32-bit bus write, as the native layer would do it: checked, then volatile.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="value">Value written.</param>
        /// <exception cref="InvalidOperationException">The allow-list or the board policy refuses the write (misaligned, unmapped, denied block or register, read-only register, a protected bit changed).</exception>
        public void Write32(uint address, uint value)
        {
            PeripheralBlock block;
            AccessCheck check = _board.Classify(address, false, out block);
            if (check != AccessCheck.Ok)
            {
                throw Refuse(address, false, check);
            }

            int b = block.Index;
            uint word = (address - block.Base) >> 2;
            uint[] words = Words(b, block);
            if (block.HasPolicy && _board.CheckWrite(address, words[word], value) != AccessCheck.Ok)
            {
                throw Refuse(address, false, AccessCheck.Denied);
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
                        uint next = (old & ro) | (value & ~ro);
                        words[word] = (next & ~w1c) | (old & w1c & ~value);
                    }
                    else
                    {
                        words[word] = value;
                    }

                    break;
            }

            Writes++;
            Log(address, value, true);
            if (_hookCount != 0)
            {
                WriteHook(address, value);
            }
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
            return Words(block.Index, block)[(address - block.Base) >> 2];
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
            Words(block.Index, block)[(address - block.Base) >> 2] = value;
        }

        /// <summary>One logged access, oldest first.</summary>
        /// <param name="index">0 .. <see cref="LogCount"/> - 1.</param>
        /// <param name="address">The address accessed.</param>
        /// <param name="value">The value read or written.</param>
        /// <returns>True for a write, false for a read.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the log.</exception>
        public bool GetLogEntry(int index, out uint address, out uint value)
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

        /// <summary>Clears the counters and the log; register values are kept.</summary>
        public void ResetCounters()
        {
            Reads = 0;
            Writes = 0;
            DportReads = 0;
            IgnoredWrites = 0;
            Refused = 0;
            _logNext = 0;
            _logCount = 0;
        }

        private InvalidOperationException Refuse(uint address, bool read, AccessCheck check)
        {
            Refused++;
            return new InvalidOperationException("simulated native layer refused the " + (read ? "read" : "write")
                + " of 0x" + address.ToString("X8") + " on " + _board.Chip + " (" + Reason(check) + ")");
        }

        /// <summary>A short English reason for a refused decision.</summary>
        /// <param name="check">The decision.</param>
        /// <returns>The reason.</returns>
        internal static string Reason(AccessCheck check)
        {
            switch (check)
            {
                case AccessCheck.Misaligned:
                    return "misaligned: not 4-byte aligned";
                case AccessCheck.Unmapped:
                    return "unmapped: in no peripheral block";
                case AccessCheck.Denied:
                    return "denied: a denied block, a denied register or a protected bit";
                case AccessCheck.ReadOnly:
                    return "read-only: the board policy refuses writes";
                case AccessCheck.Fifo:
                    return "fifo: FIFO read refused, errata CPU-3.21";
                default:
                    return "allowed";
            }
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
