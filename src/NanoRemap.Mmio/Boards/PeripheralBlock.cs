using System;

namespace NanoRemap.Boards
{
    /// <summary>
    /// One peripheral register block of a board map: <c>[Base, Base + Size)</c>, allowed or denied by
    /// default, with the registers the map describes. Words the map does not describe are plain
    /// read/write registers.
    /// </summary>
    public sealed class PeripheralBlock
    {
        private static readonly RegisterInfo[] NoRegisters = new RegisterInfo[0];
        private readonly RegisterInfo[] _registers;

        /// <summary>The IDF name of the block (<c>GPIO</c>, <c>EFUSE</c>, ...).</summary>
        public readonly string Name;

        /// <summary>Physical base address (<c>DR_REG_*_BASE</c>).</summary>
        public readonly uint Base;

        /// <summary>Size in bytes, a multiple of 4.</summary>
        public readonly uint Size;

        /// <summary>
        /// True when windows may be mapped on the block; false for blocks denied by default
        /// (security-sensitive, or the flash controller the CPU runs from). Set by the board.map line (allow / deny).
        /// </summary>
        public readonly bool Allowed;

        /// <summary>Position in the board map's block list (set by the map); storage index for the simulator.</summary>
        internal int Index = -1;

        // True when the board has register-level policy inside this block (set by BoardMap).
        internal bool HasPolicy;

        /// <summary>Creates a block (used by the generated board tables).</summary>
        /// <param name="name">Block name.</param>
        /// <param name="baseAddress">Physical base address, 4-byte aligned.</param>
        /// <param name="size">Size in bytes, a non-zero multiple of 4.</param>
        /// <param name="allowed">Whether windows may be mapped on it.</param>
        /// <param name="registers">Described registers in increasing offset order, or null for none.</param>
        /// <exception cref="ArgumentException">Misaligned base or size, an empty block, a block that wraps past 4 GiB, or a register (or alias target) that is not aligned words inside the block.</exception>
        public PeripheralBlock(string name, uint baseAddress, uint size, bool allowed, RegisterInfo[] registers)
        {
            if ((baseAddress & 3) != 0 || (size & 3) != 0 || size == 0 || baseAddress + size < baseAddress)
            {
                throw new ArgumentException("block " + name + ": base and size must be non-zero multiples of 4 below 4 GiB");
            }

            Name = name;
            Base = baseAddress;
            Size = size;
            Allowed = allowed;
            _registers = registers == null ? NoRegisters : registers;

            // Every description (and every alias target) must be whole, aligned words inside the block: the
            // simulator and the window index registers by offset / 4.
            for (int i = 0; i < _registers.Length; i++)
            {
                RegisterInfo r = _registers[i];
                if (r == null || (r.Offset & 3) != 0 || r.Count < 1 || r.Offset >= size || (ulong)r.Offset + ((ulong)r.Count << 2) > size
                    || (r.TargetOffset != RegisterInfo.NoTarget && ((r.TargetOffset & 3) != 0 || r.TargetOffset >= size)))
                {
                    throw new ArgumentException("block " + name + ": register " + (r == null ? "(null)" : r.Name)
                        + " is not a run of aligned words inside the block (or its alias target is not)");
                }
            }
        }

        /// <summary>One past the last byte of the block.</summary>
        public uint End
        {
            get { return Base + Size; }
        }

        /// <summary>Number of register descriptions (arrays and gaps count once).</summary>
        public int RegisterCount
        {
            get { return _registers.Length; }
        }

        /// <summary>One register description.</summary>
        /// <param name="index">0 .. <see cref="RegisterCount"/> - 1.</param>
        /// <returns>The description.</returns>
        public RegisterInfo GetRegister(int index)
        {
            return _registers[index];
        }

        /// <summary>True when <paramref name="address"/> lies in the block.</summary>
        /// <param name="address">A physical address.</param>
        /// <returns>Whether Base &lt;= address &lt; Base + Size.</returns>
        public bool Contains(uint address)
        {
            return address - Base < Size;
        }

        /// <summary>
        /// The description covering a byte offset, or null when the map says nothing about it (a plain
        /// read/write word).
        /// </summary>
        /// <param name="offset">Offset from <see cref="Base"/>, in bytes.</param>
        /// <returns>The description, or null.</returns>
        public RegisterInfo Describe(uint offset)
        {
            RegisterInfo[] regs = _registers;
            for (int i = 0; i < regs.Length; i++)
            {
                RegisterInfo r = regs[i];
                if (offset >= r.Offset && offset < r.EndOffset)
                {
                    return r;
                }
            }

            return null;
        }

        /// <summary>How the word at a byte offset behaves (<see cref="RegisterAccess.ReadWrite"/> when undescribed).</summary>
        /// <param name="offset">Offset from <see cref="Base"/>, in bytes.</param>
        /// <returns>The access kind.</returns>
        public RegisterAccess AccessAt(uint offset)
        {
            RegisterInfo r = Describe(offset);
            return r == null ? RegisterAccess.ReadWrite : r.Access;
        }

        /// <summary>
        /// The offset of the register named <paramref name="name"/>; for an array, <c>PIN3</c> is element 3 of <c>PIN%s</c>
        /// and <c>FUNC5_OUT_SEL_CFG</c> element 5 of <c>FUNC%s_OUT_SEL_CFG</c> (the SVD's names).
        /// </summary>
        /// <param name="name">A register name from the board map.</param>
        /// <returns>Its offset from <see cref="Base"/>, in bytes.</returns>
        /// <exception cref="ArgumentException">The block has no such register.</exception>
        public uint OffsetOf(string name)
        {
            if (name != null)
            {
                RegisterInfo[] regs = _registers;
                for (int i = 0; i < regs.Length; i++)
                {
                    RegisterInfo r = regs[i];
                    if (r.Access == RegisterAccess.Reserved)
                    {
                        continue;
                    }

                    if (r.Count == 1 && r.Name == name)
                    {
                        return r.Offset;
                    }

                    if (r.Count > 1)
                    {
                        // An array: PREFIX%sSUFFIX (the SVD's dim name, FUNC%s_OUT_SEL_CFG) or PREFIX alone (PIN).
                        int marker = r.Name.IndexOf("%s");
                        string prefix = marker < 0 ? r.Name : r.Name.Substring(0, marker);
                        string suffix = marker < 0 ? string.Empty : r.Name.Substring(marker + 2);
                        if (name.Length > prefix.Length + suffix.Length && name.Substring(0, prefix.Length) == prefix
                            && name.Substring(name.Length - suffix.Length) == suffix)
                        {
                            int index = ParseIndex(name, prefix.Length, name.Length - suffix.Length);
                            if (index >= 0 && index < r.Count)
                            {
                                return r.Offset + ((uint)index << 2);
                            }
                        }
                    }
                }
            }

            throw new ArgumentException("block " + Name + " has no register named " + name);
        }

        /// <summary>
        /// The offset of the write-1-to-set alias of the register at <paramref name="targetOffset"/>, or
        /// <see cref="RegisterInfo.NoTarget"/> when it has none.
        /// </summary>
        /// <param name="targetOffset">Offset of the target register (<c>OUT</c> at 0x04 on GPIO).</param>
        /// <returns>The alias offset (<c>OUT_W1TS</c> at 0x08), or <see cref="RegisterInfo.NoTarget"/>.</returns>
        public uint W1tsOffsetFor(uint targetOffset)
        {
            return AliasFor(targetOffset, RegisterAccess.W1ts);
        }

        /// <summary>
        /// The offset of the write-1-to-clear alias of the register at <paramref name="targetOffset"/>, or
        /// <see cref="RegisterInfo.NoTarget"/> when it has none.
        /// </summary>
        /// <param name="targetOffset">Offset of the target register.</param>
        /// <returns>The alias offset, or <see cref="RegisterInfo.NoTarget"/>.</returns>
        public uint W1tcOffsetFor(uint targetOffset)
        {
            return AliasFor(targetOffset, RegisterAccess.W1tc);
        }

        private uint AliasFor(uint targetOffset, RegisterAccess kind)
        {
            RegisterInfo[] regs = _registers;
            for (int i = 0; i < regs.Length; i++)
            {
                RegisterInfo r = regs[i];
                if (r.Access == kind && r.TargetOffset == targetOffset)
                {
                    return r.Offset;
                }
            }

            return RegisterInfo.NoTarget;
        }

        // Decimal digits of s[start, end), or -1.
        private static int ParseIndex(string s, int start, int end)
        {
            int value = 0;
            for (int i = start; i < end; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9' || value > 100000)
                {
                    return -1;
                }

                value = (value * 10) + (c - '0');
            }

            return value;
        }
    }
}
