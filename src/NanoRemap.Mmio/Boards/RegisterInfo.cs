namespace NanoRemap.Boards
{
    /// <summary>
    /// One register of a peripheral block, or an array of equal registers 4 bytes apart (<c>GPIO_PIN0_REG</c>
    /// .. <c>GPIO_PIN39_REG</c>), or a reserved gap, as listed in the board map.
    /// </summary>
    public sealed class RegisterInfo
    {
        /// <summary>No target: the value of <see cref="TargetOffset"/> for registers that are not aliases.</summary>
        public const uint NoTarget = 0xFFFFFFFF;

        /// <summary>The IDF name without the block prefix and <c>_REG</c> suffix (<c>OUT_W1TS</c>); arrays drop the index (<c>PIN</c>).</summary>
        public readonly string Name;

        /// <summary>Offset of the first register from the block base, in bytes (a multiple of 4).</summary>
        public readonly uint Offset;

        /// <summary>Number of registers (1, or the array length); for a reserved gap, the gap size in words.</summary>
        public readonly int Count;

        /// <summary>How the register behaves.</summary>
        public readonly RegisterAccess Access;

        /// <summary>For a <see cref="RegisterAccess.W1ts"/> / <see cref="RegisterAccess.W1tc"/> alias: the offset of the register it sets or clears; else <see cref="NoTarget"/>.</summary>
        public readonly uint TargetOffset;

        /// <summary>Creates a register description (used by the generated board tables).</summary>
        /// <param name="name">Register name.</param>
        /// <param name="offset">Offset from the block base, in bytes.</param>
        /// <param name="count">Number of registers (or words of a gap), at least 1.</param>
        /// <param name="access">Behaviour.</param>
        /// <param name="targetOffset">Target of an alias, else <see cref="NoTarget"/>.</param>
        public RegisterInfo(string name, uint offset, int count, RegisterAccess access, uint targetOffset)
        {
            Name = name;
            Offset = offset;
            Count = count;
            Access = access;
            TargetOffset = targetOffset;
        }

        /// <summary>One past the last byte covered, relative to the block base.</summary>
        public uint EndOffset
        {
            get { return Offset + ((uint)Count << 2); }
        }
    }
}
