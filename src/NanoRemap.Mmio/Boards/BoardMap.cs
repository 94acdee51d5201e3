using System;

namespace NanoRemap.Boards
{
    /// <summary>
    /// The register map of one ESP32-family chip: its peripheral bus window, its peripheral blocks (each
    /// allowed or denied by default), the DPORT range and the FIFO registers that need care on the classic
    /// ESP32, and the GPIO register layout. Generated from <c>boards/&lt;chip&gt;/board.map</c>, the one
    /// source of truth that also produces the native allow-list of the firmware.
    /// </summary>
    /// <remarks>
    /// <see cref="Check"/> is the allow-list decision; the simulator and the native core
    /// (<c>nr_check</c>) make the same decision for every address, which the tests prove per board.
    /// </remarks>
    public sealed class BoardMap
    {
        private static BoardMap _esp32;
        private static BoardMap _esp32s3;
        private static BoardMap _esp32c3;

        private readonly PeripheralBlock[] _blocks; // sorted by base, non-overlapping
        private readonly uint[] _fifo;
        private readonly string[] _fifoNames;
        private readonly PeripheralBlock _gpio;

        /// <summary>Chip name as used by nf.config and <c>--board</c>: <c>esp32</c>, <c>esp32s3</c> or <c>esp32c3</c>.</summary>
        public readonly string Chip;

        /// <summary>First address of the peripheral register window.</summary>
        public readonly uint BusBase;

        /// <summary>Size of the peripheral register window, in bytes.</summary>
        public readonly uint BusSize;

        /// <summary>True on the classic ESP32, whose DPORT range needs <c>DPORT_REG_READ</c>.</summary>
        public readonly bool HasDport;

        /// <summary>First address of the DPORT range (<c>DR_REG_DPORT_BASE</c>); 0 without one.</summary>
        public readonly uint DportFirst;

        /// <summary>Last register of the DPORT range, inclusive (<c>DR_REG_DPORT_END</c>); 0 without one.</summary>
        public readonly uint DportLast;

        /// <summary>Creates a board map (used by the generated tables in <c>*Board.g.cs</c>).</summary>
        /// <param name="chip">Chip name.</param>
        /// <param name="busBase">Peripheral window base.</param>
        /// <param name="busSize">Peripheral window size in bytes.</param>
        /// <param name="hasDport">Whether the chip has a DPORT range.</param>
        /// <param name="dportFirst">First DPORT address.</param>
        /// <param name="dportLast">Last DPORT register (inclusive).</param>
        /// <param name="fifo">FIFO register addresses whose reads are refused.</param>
        /// <param name="fifoNames">Their names, same order.</param>
        /// <param name="blocks">The blocks, sorted by base, non-overlapping, inside the window.</param>
        /// <param name="gpioBlock">Name of the GPIO matrix block.</param>
        /// <exception cref="ArgumentException">The blocks are unsorted, overlap or leave the window, a block already belongs to another map, a FIFO lies outside every block or shares one, or the GPIO block is missing.</exception>
        public BoardMap(string chip, uint busBase, uint busSize, bool hasDport, uint dportFirst, uint dportLast,
            uint[] fifo, string[] fifoNames, PeripheralBlock[] blocks, string gpioBlock)
        {
            if (chip == null || blocks == null || fifo == null || fifoNames == null || fifo.Length != fifoNames.Length || busSize == 0)
            {
                throw new ArgumentException("board map: missing chip, blocks or FIFO names, or an empty peripheral window");
            }

            Chip = chip;
            BusBase = busBase;
            BusSize = busSize;
            HasDport = hasDport;
            DportFirst = dportFirst;
            DportLast = dportLast;
            _blocks = blocks;
            _fifo = fifo;
            _fifoNames = fifoNames;
            uint busLast = busBase + busSize - 1;
            for (int i = 0; i < blocks.Length; i++)
            {
                PeripheralBlock b = blocks[i];
                if (b == null)
                {
                    throw new ArgumentException(chip + ": block " + i.ToString() + " is null");
                }

                if (b.Base < busBase || b.Base + b.Size - 1 > busLast || b.Base + b.Size - 1 < b.Base)
                {
                    throw new ArgumentException(chip + ": block " + b.Name + " is outside the peripheral window");
                }

                if (i > 0 && blocks[i - 1].Base + blocks[i - 1].Size > b.Base)
                {
                    throw new ArgumentException(chip + ": block " + b.Name + " overlaps or precedes " + blocks[i - 1].Name);
                }

                // A block indexes the simulator's storage of its map: it can belong to one map only.
                if (b.Index != -1)
                {
                    throw new ArgumentException(chip + ": block " + b.Name + " already belongs to a board map; create a new PeripheralBlock");
                }

                b.Index = i;
                if (b.Name == gpioBlock)
                {
                    _gpio = b;
                }
            }

            for (int i = 0; i < fifo.Length; i++)
            {
                PeripheralBlock fb = FindBlock(fifo[i]);
                if (fb == null || (fifo[i] & 3) != 0)
                {
                    throw new ArgumentException(chip + ": FIFO " + fifoNames[i] + " is not a register of any block");
                }

                for (int j = 0; j < i; j++)
                {
                    if (fb.Contains(fifo[j]))
                    {
                        throw new ArgumentException(chip + ": block " + fb.Name + " has more than one FIFO register");
                    }
                }
            }

            if (_gpio == null)
            {
                throw new ArgumentException(chip + ": no GPIO block named " + gpioBlock);
            }
        }

        /// <summary>
        /// Decodes a generated board table (<c>*Board.g.cs</c>): <paramref name="names"/> is ASCII, names
        /// separated by spaces (chip, blocks, FIFO registers, registers); <paramref name="data"/> is little-endian:
        /// bus base, bus size, DPORT first, DPORT last (u32), has DPORT, block count, FIFO count, GPIO block index
        /// (u8); per block base (u32), size (u16), allowed, register count (u8); the FIFO addresses (u32); per
        /// register in block order offset, count (u16), access (u8), target (u16, 0xFFFF for none). Both are
        /// constant arrays the compiler stores as raw data.
        /// </summary>
        internal static BoardMap FromTables(byte[] names, byte[] data)
        {
            char[] chars = new char[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                chars[i] = (char)names[i];
            }

            string[] name = new string(chars).Split(' ');
            int blockCount = data[17];
            int fifoCount = data[18];
            int n = 1;
            int d = 20;
            int r = d + (blockCount * 8) + (fifoCount * 4);
            int rn = 1 + blockCount + fifoCount;
            PeripheralBlock[] blocks = new PeripheralBlock[blockCount];
            for (int b = 0; b < blockCount; b++)
            {
                int regCount = data[d + 7];
                RegisterInfo[] regs = null;
                if (regCount > 0)
                {
                    regs = new RegisterInfo[regCount];
                    for (int k = 0; k < regCount; k++)
                    {
                        uint target = U16(data, r + 5);
                        regs[k] = new RegisterInfo(name[rn++], U16(data, r), (int)U16(data, r + 2), (RegisterAccess)data[r + 4],
                            target == 0xFFFF ? RegisterInfo.NoTarget : target);
                        r += 7;
                    }
                }

                blocks[b] = new PeripheralBlock(name[n++], U32(data, d), U16(data, d + 4), data[d + 6] != 0, regs);
                d += 8;
            }

            uint[] fifo = new uint[fifoCount];
            string[] fifoNames = new string[fifoCount];
            for (int f = 0; f < fifoCount; f++)
            {
                fifo[f] = U32(data, d);
                fifoNames[f] = name[n++];
                d += 4;
            }

            return new BoardMap(name[0], U32(data, 0), U32(data, 4), data[16] != 0, U32(data, 8), U32(data, 12), fifo, fifoNames, blocks, blocks[data[19]].Name);
        }

        private static uint U16(byte[] b, int i)
        {
            return (uint)(b[i] | (b[i + 1] << 8));
        }

        private static uint U32(byte[] b, int i)
        {
            return (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
        }

        /// <summary>The classic ESP32 map (boards/esp32/board.map).</summary>
        public static BoardMap Esp32
        {
            get
            {
                if (_esp32 == null)
                {
                    _esp32 = Esp32Board.Create();
                }

                return _esp32;
            }
        }

        /// <summary>The ESP32-S3 map (boards/esp32s3/board.map).</summary>
        public static BoardMap Esp32S3
        {
            get
            {
                if (_esp32s3 == null)
                {
                    _esp32s3 = Esp32S3Board.Create();
                }

                return _esp32s3;
            }
        }

        /// <summary>The ESP32-C3 map (boards/esp32c3/board.map).</summary>
        public static BoardMap Esp32C3
        {
            get
            {
                if (_esp32c3 == null)
                {
                    _esp32c3 = Esp32C3Board.Create();
                }

                return _esp32c3;
            }
        }

        /// <summary>The chip names with a board map, in a new array.</summary>
        /// <returns><c>esp32</c>, <c>esp32s3</c>, <c>esp32c3</c>.</returns>
        public static string[] Names()
        {
            return new string[] { "esp32", "esp32s3", "esp32c3" };
        }

        /// <summary>The board map of a chip, by the name nf.config's <c>board</c> key uses.</summary>
        /// <param name="chip"><c>esp32</c>, <c>esp32s3</c> or <c>esp32c3</c> (case-sensitive).</param>
        /// <returns>The map.</returns>
        /// <exception cref="ArgumentException">No map for that chip.</exception>
        public static BoardMap Get(string chip)
        {
            if (chip == "esp32")
            {
                return Esp32;
            }

            if (chip == "esp32s3")
            {
                return Esp32S3;
            }

            if (chip == "esp32c3")
            {
                return Esp32C3;
            }

            throw new ArgumentException("no board map for '" + chip + "': use esp32, esp32s3 or esp32c3");
        }

        /// <summary>Number of peripheral blocks.</summary>
        public int BlockCount
        {
            get { return _blocks.Length; }
        }

        /// <summary>One block, in increasing base order.</summary>
        /// <param name="index">0 .. <see cref="BlockCount"/> - 1.</param>
        /// <returns>The block.</returns>
        public PeripheralBlock GetBlock(int index)
        {
            return _blocks[index];
        }

        /// <summary>The GPIO matrix block (the one with the <c>OUT</c> / <c>*_W1TS</c> / <c>*_W1TC</c> registers).</summary>
        public PeripheralBlock Gpio
        {
            get { return _gpio; }
        }

        /// <summary>Number of FIFO registers whose reads are refused (5 on the classic ESP32, else 0).</summary>
        public int FifoCount
        {
            get { return _fifo.Length; }
        }

        /// <summary>Address of one refused FIFO register.</summary>
        /// <param name="index">0 .. <see cref="FifoCount"/> - 1.</param>
        /// <returns>Its address.</returns>
        public uint GetFifoAddress(int index)
        {
            return _fifo[index];
        }

        /// <summary>Name of one refused FIFO register (<c>UART0_FIFO</c>).</summary>
        /// <param name="index">0 .. <see cref="FifoCount"/> - 1.</param>
        /// <returns>Its name.</returns>
        public string GetFifoName(int index)
        {
            return _fifoNames[index];
        }

        /// <summary>The block containing an address, or null (binary search, allocation-free).</summary>
        /// <param name="address">A physical address.</param>
        /// <returns>The block, or null when the address is in none.</returns>
        public PeripheralBlock FindBlock(uint address)
        {
            PeripheralBlock[] blocks = _blocks;
            int lo = 0;
            int hi = blocks.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                PeripheralBlock b = blocks[mid];
                if (address < b.Base)
                {
                    hi = mid - 1;
                }
                else if (address - b.Base >= b.Size)
                {
                    lo = mid + 1;
                }
                else
                {
                    return b;
                }
            }

            return null;
        }

        /// <summary>The block with a name, or null.</summary>
        /// <param name="name">Block name (<c>GPIO</c>).</param>
        /// <returns>The block, or null.</returns>
        public PeripheralBlock FindBlock(string name)
        {
            for (int i = 0; i < _blocks.Length; i++)
            {
                if (_blocks[i].Name == name)
                {
                    return _blocks[i];
                }
            }

            return null;
        }

        /// <summary>True when a read of <paramref name="address"/> must go through <c>DPORT_REG_READ</c>.</summary>
        /// <param name="address">A physical address.</param>
        /// <returns>Whether it lies in the DPORT range (<c>IS_DPORT_REG</c>).</returns>
        public bool IsDport(uint address)
        {
            return HasDport && address >= DportFirst && address <= DportLast;
        }

        /// <summary>True when <paramref name="address"/> is a FIFO register whose reads are refused (errata CPU-3.21).</summary>
        /// <param name="address">A physical address.</param>
        /// <returns>Whether reads of it are refused.</returns>
        public bool IsFifo(uint address)
        {
            uint[] fifo = _fifo;
            for (int i = 0; i < fifo.Length; i++)
            {
                if (fifo[i] == address)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The allow-list decision for one 32-bit access: the rule every layer applies (managed windows
        /// before touching anything, the simulator, and the native core on the device).
        /// </summary>
        /// <param name="address">The physical address.</param>
        /// <param name="read">True for a read, false for a write.</param>
        /// <returns><see cref="AccessCheck.Ok"/> or <see cref="AccessCheck.Dport"/> when allowed, else the reason it is refused.</returns>
        public AccessCheck Check(uint address, bool read)
        {
            PeripheralBlock block;
            return Classify(address, read, out block);
        }

        // Check, also handing back the block (null when unmapped or misaligned): one search per access.
        internal AccessCheck Classify(uint address, bool read, out PeripheralBlock block)
        {
            block = null;
            if ((address & 3) != 0)
            {
                return AccessCheck.Misaligned;
            }

            PeripheralBlock b = FindBlock(address);
            if (b == null)
            {
                return AccessCheck.Unmapped;
            }

            block = b;
            if (!b.Allowed)
            {
                return AccessCheck.Denied;
            }

            if (read && IsFifo(address))
            {
                return AccessCheck.Fifo;
            }

            return read && IsDport(address) ? AccessCheck.Dport : AccessCheck.Ok;
        }
    }
}
