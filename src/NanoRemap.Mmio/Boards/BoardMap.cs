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
    public sealed partial class BoardMap
    {
        private static readonly object RegistryLock = new object();
        private static BoardMap[] _registered = new BoardMap[0];
        private static readonly uint[] NoWords = new uint[0];
        private static readonly byte[] NoKinds = new byte[0];
        private static readonly PeripheralClock[] NoClocks = new PeripheralClock[0];

        private readonly PeripheralBlock[] _blocks; // sorted by base, non-overlapping
        private readonly uint[] _fifo;
        private readonly string[] _fifoNames;
        private readonly PeripheralBlock _gpio;
        private readonly uint[] _policyAddress;   // register-level policy runs, sorted, non-overlapping
        private readonly uint[] _policySize;      // bytes
        private readonly byte[] _policyKind;      // RegisterPolicy
        private readonly uint[] _policyMask;      // Protect: the protected bits
        private readonly PeripheralClock[] _clocks;

        /// <summary>Chip name as used by nf.config and <c>--board</c>: one of <see cref="Names"/>.</summary>
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
            : this(chip, busBase, busSize, hasDport, dportFirst, dportLast, fifo, fifoNames, blocks, gpioBlock, NoWords, NoWords, NoKinds, NoWords, NoClocks)
        {
        }

        /// <summary>Creates a board map with register-level policy and peripheral clocks (used by the generated tables).</summary>
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
        /// <param name="policyAddress">Start of each register-level policy run, sorted, word-aligned.</param>
        /// <param name="policySize">Bytes of each run, a non-zero multiple of 4; runs do not overlap and lie in allowed or denied blocks.</param>
        /// <param name="policyKind">Each run's <see cref="RegisterPolicy"/>, as a byte.</param>
        /// <param name="policyMask">For <see cref="RegisterPolicy.Protect"/>: the protected bits; else 0.</param>
        /// <param name="clocks">The peripheral clocks; clock i has <see cref="PeripheralClock.Index"/> i.</param>
        /// <exception cref="ArgumentException">As the short constructor, or the policy arrays differ in length, are unsorted, overlap, are misaligned or lie outside every block, or a clock index is wrong.</exception>
        public BoardMap(string chip, uint busBase, uint busSize, bool hasDport, uint dportFirst, uint dportLast,
            uint[] fifo, string[] fifoNames, PeripheralBlock[] blocks, string gpioBlock,
            uint[] policyAddress, uint[] policySize, byte[] policyKind, uint[] policyMask, PeripheralClock[] clocks)
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

            if (policyAddress == null || policySize == null || policyKind == null || policyMask == null || clocks == null
                || policySize.Length != policyAddress.Length || policyKind.Length != policyAddress.Length || policyMask.Length != policyAddress.Length)
            {
                throw new ArgumentException(chip + ": the policy arrays must be non-null and of one length, the clocks non-null");
            }

            for (int i = 0; i < policyAddress.Length; i++)
            {
                uint a = policyAddress[i];
                PeripheralBlock pb = FindBlock(a);
                if ((a & 3) != 0 || policySize[i] == 0 || (policySize[i] & 3) != 0 || pb == null || policySize[i] > pb.End - a
                    || policyKind[i] < 1 || policyKind[i] > 3 || (i > 0 && policyAddress[i - 1] + policySize[i - 1] > a))
                {
                    throw new ArgumentException(chip + ": register policy " + i.ToString() + " at 0x" + a.ToString("X8")
                        + " is misaligned, empty, unsorted, overlapping, of an unknown kind or outside every block");
                }

                pb.HasPolicy = true;
            }

            for (int i = 0; i < clocks.Length; i++)
            {
                if (clocks[i] == null || clocks[i].Index != i)
                {
                    throw new ArgumentException(chip + ": clock " + i.ToString() + " is null or has another index");
                }
            }

            _policyAddress = policyAddress;
            _policySize = policySize;
            _policyKind = policyKind;
            _policyMask = policyMask;
            _clocks = clocks;
        }

        /// <summary>
        /// Decodes a generated board table (<c>*Board.g.cs</c>): <paramref name="names"/> is ASCII, names
        /// separated by spaces (chip, blocks, FIFO registers, registers, clocks); <paramref name="data"/> is
        /// little-endian: bus base, bus size, DPORT first, DPORT last (u32), has DPORT, block count, FIFO count,
        /// GPIO block index (u8); per block base (u32), size (u16), allowed, register count (u8); the FIFO
        /// addresses (u32); per register in block order offset, count (u16), access (u8), target (u16, 0xFFFF for
        /// none); the policy count (u16) and per run address (u32), size (u16), kind (u8), mask (u32); the clock
        /// count (u8) and per clock enable register, enable mask, reset register, reset mask (u32). Both are
        /// constant arrays the compiler stores as raw data.
        /// </summary>
        /// <param name="names">The generated name table.</param>
        /// <param name="data">The generated data table.</param>
        /// <returns>A new map.</returns>
        public static BoardMap FromTables(byte[] names, byte[] data)
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

            int policyCount = (int)U16(data, r);
            r += 2;
            uint[] pAddress = new uint[policyCount];
            uint[] pSize = new uint[policyCount];
            byte[] pKind = new byte[policyCount];
            uint[] pMask = new uint[policyCount];
            for (int p = 0; p < policyCount; p++)
            {
                pAddress[p] = U32(data, r);
                pSize[p] = U16(data, r + 4);
                pKind[p] = data[r + 6];
                pMask[p] = U32(data, r + 7);
                r += 11;
            }

            int clockCount = data[r++];
            PeripheralClock[] clocks = new PeripheralClock[clockCount];
            for (int c = 0; c < clockCount; c++)
            {
                clocks[c] = new PeripheralClock(name[rn++], U32(data, r), U32(data, r + 4), U32(data, r + 8), U32(data, r + 12), c);
                r += 16;
            }

            return new BoardMap(name[0], U32(data, 0), U32(data, 4), data[16] != 0, U32(data, 8), U32(data, 12), fifo, fifoNames, blocks,
                blocks[data[19]].Name, pAddress, pSize, pKind, pMask, clocks);
        }

        private static uint U16(byte[] b, int i)
        {
            return (uint)(b[i] | (b[i + 1] << 8));
        }

        private static uint U32(byte[] b, int i)
        {
            return (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
        }

        /// <summary>
        /// Makes <paramref name="map"/> the map <see cref="Get"/> returns for its chip (replacing an earlier one).
        /// The generated tables live in the NanoRemap.Boards assembly, whose <c>BoardTables.Get</c> registers them.
        /// </summary>
        /// <param name="map">A board map.</param>
        /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
        public static void Register(BoardMap map)
        {
            if (map == null)
            {
                throw new ArgumentNullException("map");
            }

            lock (RegistryLock)
            {
                BoardMap[] maps = _registered;
                for (int i = 0; i < maps.Length; i++)
                {
                    if (maps[i].Chip == map.Chip)
                    {
                        maps[i] = map;
                        return;
                    }
                }

                BoardMap[] grown = new BoardMap[maps.Length + 1];
                Array.Copy(maps, grown, maps.Length);
                grown[maps.Length] = map;
                _registered = grown;
            }
        }

        /// <summary>The registered map of a chip, or null.</summary>
        /// <param name="chip">A chip name.</param>
        /// <returns>The map, or null when none is registered.</returns>
        public static BoardMap Registered(string chip)
        {
            BoardMap[] maps = _registered;
            for (int i = 0; i < maps.Length; i++)
            {
                if (maps[i].Chip == chip)
                {
                    return maps[i];
                }
            }

            return null;
        }

        // Host builds compile the tables in (src/NanoRemap.Host/Host/BoardMapBuiltIn.cs); the device build has none.
        static partial void BuiltIn(string chip, ref BoardMap map);

        /// <summary>The chip names with a board map, in a new array.</summary>
        /// <returns><c>esp32</c>, <c>esp32s2</c>, <c>esp32s3</c>, <c>esp32c3</c>, <c>esp32c5</c>, <c>esp32c6</c>, <c>esp32h2</c>.</returns>
        public static string[] Names()
        {
            return new string[] { "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };
        }

        /// <summary>
        /// The canonical name of a chip as people write it: <c>ESP32-C3</c>, <c>esp32c3</c>, <c>ESP32C3</c> and
        /// <c>esp32_c3</c> are all <c>esp32c3</c> (case, <c>-</c>, <c>_</c> and spaces ignored).
        /// </summary>
        /// <param name="chip">A chip name.</param>
        /// <returns>One of <see cref="Names"/>, or null when <paramref name="chip"/> is none of them (or null).</returns>
        public static string ChipName(string chip)
        {
            if (chip == null)
            {
                return null;
            }

            string squeezed = NameMatch.SqueezeLower(chip);
            string[] names = Names();
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == squeezed)
                {
                    return names[i];
                }
            }

            return null;
        }

        /// <summary>
        /// The board map of a chip, by the name nf.config's <c>board</c> key uses (any form <see cref="ChipName"/>
        /// accepts): the registered one (on the device, call <c>NanoRemap.Boards.BoardTables.Get(chip)</c> once first;
        /// on the host the tables are built in).
        /// </summary>
        /// <param name="chip">One of <see cref="Names"/>, as <see cref="ChipName"/> accepts it (<c>ESP32-C3</c>).</param>
        /// <returns>The map.</returns>
        /// <exception cref="ArgumentException">No such chip (the message names the closest), or (on the device) its map is not registered yet.</exception>
        public static BoardMap Get(string chip)
        {
            string name = ChipName(chip);
            if (name == null)
            {
                throw new ArgumentException("no chip named '" + chip + "' (closest: " + NameMatch.Closest(chip == null ? string.Empty : chip, Names())
                    + "; chips: esp32, esp32s2, esp32s3, esp32c3, esp32c5, esp32c6, esp32h2)");
            }

            BoardMap map = Registered(name);
            if (map == null)
            {
                lock (RegistryLock)
                {
                    map = Registered(name);
                    if (map == null)
                    {
                        BuiltIn(name, ref map);
                        if (map != null)
                        {
                            Register(map);
                        }
                    }
                }
            }

            if (map == null)
            {
                throw new ArgumentException("no board map registered for '" + name + "': "
                    + "reference NanoRemap.Boards and call NanoRemap.Boards.BoardTables.Get(\"" + name + "\") first");
            }

            return map;
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

        /// <summary>
        /// The block with a name, or null: the exact name (<c>GPIO</c>) or, when exactly one block matches it ignoring
        /// case, that one (<c>gpio</c>). <see cref="NanoRemap.Mmio.RegisterBus.MapBlock"/> turns a miss into an error naming the closest blocks.
        /// </summary>
        /// <param name="name">Block name (<c>GPIO</c>).</param>
        /// <returns>The block, or null when none or more than one matches.</returns>
        public PeripheralBlock FindBlock(string name)
        {
            PeripheralBlock match = null;
            int matches = 0;
            for (int i = 0; i < _blocks.Length; i++)
            {
                if (_blocks[i].Name == name)
                {
                    return _blocks[i];
                }

                if (name != null && NameMatch.EqualsIgnoreCase(_blocks[i].Name, name))
                {
                    match = _blocks[i];
                    matches++;
                }
            }

            return matches == 1 ? match : null;
        }

        /// <summary>The closest block names to <paramref name="name"/>, for an error message ("GPIO, GPIO_SD, ...").</summary>
        /// <param name="name">A block name that was not found.</param>
        /// <returns>Up to three names, comma-separated, best first.</returns>
        public string ClosestBlocks(string name)
        {
            string[] names = new string[_blocks.Length];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = _blocks[i].Name;
            }

            return NameMatch.Closest(name == null ? string.Empty : name, names);
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

        /// <summary>Number of register-level policy runs (<c>ro</c>, <c>deny</c>, <c>protect</c> lines, consecutive registers merged).</summary>
        public int PolicyCount
        {
            get { return _policyAddress.Length; }
        }

        /// <summary>One register-level policy run, in increasing address order.</summary>
        /// <param name="index">0 .. <see cref="PolicyCount"/> - 1.</param>
        /// <param name="address">First address of the run.</param>
        /// <param name="size">Bytes covered.</param>
        /// <param name="mask">For <see cref="RegisterPolicy.Protect"/>, the protected bits; else 0.</param>
        /// <returns>The policy of the run.</returns>
        public RegisterPolicy GetPolicy(int index, out uint address, out uint size, out uint mask)
        {
            address = _policyAddress[index];
            size = _policySize[index];
            mask = _policyMask[index];
            return (RegisterPolicy)_policyKind[index];
        }

        /// <summary>The register-level policy of the word at an address (binary search, allocation-free).</summary>
        /// <param name="address">A physical address.</param>
        /// <param name="mask">For <see cref="RegisterPolicy.Protect"/>, the protected bits; else 0.</param>
        /// <returns>The policy, or <see cref="RegisterPolicy.None"/>.</returns>
        public RegisterPolicy PolicyAt(uint address, out uint mask)
        {
            int p = FindPolicy(address);
            mask = p < 0 ? 0 : _policyMask[p];
            return p < 0 ? RegisterPolicy.None : (RegisterPolicy)_policyKind[p];
        }

        /// <summary>
        /// The value check of a write (native <c>nr_check_write_value</c>): <see cref="AccessCheck.Denied"/> when
        /// the word is <see cref="RegisterPolicy.Protect"/>ed and the write would change a protected bit, else
        /// <see cref="AccessCheck.Ok"/>. The address check (<see cref="Check"/>) comes first.
        /// </summary>
        /// <param name="address">A physical address.</param>
        /// <param name="oldValue">The register's current value.</param>
        /// <param name="newValue">The value to be written.</param>
        /// <returns><see cref="AccessCheck.Ok"/> or <see cref="AccessCheck.Denied"/>.</returns>
        public AccessCheck CheckWrite(uint address, uint oldValue, uint newValue)
        {
            int p = FindPolicy(address);
            if (p >= 0 && _policyKind[p] == (byte)RegisterPolicy.Protect && ((oldValue ^ newValue) & _policyMask[p]) != 0)
            {
                return AccessCheck.Denied;
            }

            return AccessCheck.Ok;
        }

        /// <summary>Number of peripheral clocks of the board (<c>clock</c> lines).</summary>
        public int ClockCount
        {
            get { return _clocks.Length; }
        }

        /// <summary>One peripheral clock, by its <see cref="PeripheralClock.Index"/>.</summary>
        /// <param name="index">0 .. <see cref="ClockCount"/> - 1.</param>
        /// <returns>The clock.</returns>
        public PeripheralClock GetClock(int index)
        {
            return _clocks[index];
        }

        /// <summary>
        /// The clock of a peripheral block by name (<c>"LEDC"</c>; case ignored where only one clock matches). Blocks
        /// without a <c>clock</c> line in the board map (the console's <c>UART0</c>, blocks the firmware owns) have none.
        /// </summary>
        /// <param name="blockName">A block name.</param>
        /// <returns>The clock.</returns>
        /// <exception cref="ArgumentException">The board has no clock for that block; the message names the closest clocks and the board map file. <see cref="TryFindClock"/> does not throw.</exception>
        public PeripheralClock FindClock(string blockName)
        {
            PeripheralClock clock;
            if (TryFindClock(blockName, out clock))
            {
                return clock;
            }

            string[] names = new string[_clocks.Length];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = _clocks[i].Name;
            }

            throw new ArgumentException(Chip + " has no clock for '" + blockName + "' (closest: "
                + (names.Length == 0 ? "none" : NameMatch.Closest(blockName == null ? string.Empty : blockName, names))
                + "; clocks are the 'clock' lines of boards/" + Chip + "/board.map)");
        }

        /// <summary>The clock of a peripheral block by name, without throwing (see <see cref="FindClock"/>).</summary>
        /// <param name="blockName">A block name.</param>
        /// <param name="clock">The clock, or null.</param>
        /// <returns>Whether the board has a clock for that block.</returns>
        public bool TryFindClock(string blockName, out PeripheralClock clock)
        {
            clock = null;
            int matches = 0;
            for (int i = 0; i < _clocks.Length; i++)
            {
                if (_clocks[i].Name == blockName)
                {
                    clock = _clocks[i];
                    return true;
                }

                if (blockName != null && NameMatch.EqualsIgnoreCase(_clocks[i].Name, blockName))
                {
                    clock = _clocks[i];
                    matches++;
                }
            }

            if (matches != 1)
            {
                clock = null;
            }

            return clock != null;
        }

        // True when clock is this board's clock-table entry at clock.Index (the same object, or the same registers and
        // masks): the firmware receives only the index, so a descriptor that is not the entry at its index would drive
        // another peripheral's clock on the device (and other bits, protected ones too, in the simulator).
        internal bool IsOwnClock(PeripheralClock clock)
        {
            int i = clock.Index;
            if (i < 0 || i >= _clocks.Length)
            {
                return false;
            }

            PeripheralClock c = _clocks[i];
            return c == clock || (c.EnableRegister == clock.EnableRegister && c.EnableMask == clock.EnableMask
                && c.ResetRegister == clock.ResetRegister && c.ResetMask == clock.ResetMask);
        }

        // The window offsets [lo, hi] of [phys, phys + size) that hold a FIFO register or a policy run, or
        // lo = 0xFFFFFFFF when none: the window checks those offsets out of line and the others with one compare.
        internal void GuardRange(uint phys, uint size, out uint lo, out uint hi)
        {
            lo = 0xFFFFFFFF;
            hi = 0;
            for (int i = 0; i < _fifo.Length; i++)
            {
                if (_fifo[i] - phys < size)
                {
                    Widen(_fifo[i] - phys, _fifo[i] - phys, ref lo, ref hi);
                }
            }

            for (int i = 0; i < _policyAddress.Length; i++)
            {
                uint first = _policyAddress[i];
                uint last = first + _policySize[i] - 4;
                uint windowLast = phys + size - 4;
                if (last >= phys && first <= windowLast)
                {
                    uint a = first < phys ? phys : first;
                    uint z = last > windowLast ? windowLast : last;
                    Widen(a - phys, z - phys, ref lo, ref hi);
                }
            }
        }

        private static void Widen(uint a, uint z, ref uint lo, ref uint hi)
        {
            if (lo == 0xFFFFFFFF || a < lo)
            {
                lo = a;
            }

            if (z > hi)
            {
                hi = z;
            }
        }

        // Index of the policy run containing address, or -1 (binary search).
        private int FindPolicy(uint address)
        {
            uint[] starts = _policyAddress;
            int lo = 0;
            int hi = starts.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (address < starts[mid])
                {
                    hi = mid - 1;
                }
                else if (address - starts[mid] >= _policySize[mid])
                {
                    lo = mid + 1;
                }
                else
                {
                    return mid;
                }
            }

            return -1;
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

            if (b.HasPolicy)
            {
                int p = FindPolicy(address);
                if (p >= 0)
                {
                    byte kind = _policyKind[p];
                    if (kind == (byte)RegisterPolicy.Deny)
                    {
                        return AccessCheck.Denied;
                    }

                    if (kind == (byte)RegisterPolicy.ReadOnly && !read)
                    {
                        return AccessCheck.ReadOnly;
                    }
                }
            }

            if (read && IsFifo(address))
            {
                return AccessCheck.Fifo;
            }

            return read && IsDport(address) ? AccessCheck.Dport : AccessCheck.Ok;
        }
    }
}
