namespace NanoRemap.Facts
{
    /// <summary>
    /// A <c>range</c> line: an SVD array kept whole instead of being expanded register by register, such as the
    /// crypto memories described as thousands of byte-wide registers (<c>DS.C_MEM[%s]</c>).
    /// </summary>
    public sealed class FactsRange
    {
        /// <summary>Creates a range.</summary>
        /// <param name="peripheral">The peripheral it belongs to.</param>
        /// <param name="name">The array's SVD name without <c>[%s]</c> / <c>%s</c>.</param>
        /// <param name="address">Absolute address of the first byte.</param>
        /// <param name="bytes">Length in bytes.</param>
        /// <param name="access">Access after the SVD's inheritance.</param>
        /// <param name="elements">How many SVD registers the array has (its <c>dim</c>).</param>
        public FactsRange(FactsPeripheral peripheral, string name, uint address, uint bytes, FactsAccess access, int elements)
        {
            Peripheral = peripheral;
            Name = name;
            Address = address;
            Bytes = bytes;
            Access = access;
            Elements = elements;
        }

        /// <summary>The peripheral it belongs to.</summary>
        public FactsPeripheral Peripheral { get; }

        /// <summary>The array's name.</summary>
        public string Name { get; }

        /// <summary><c>PERIPH.NAME</c>.</summary>
        public string FullName => Peripheral.Name + "." + Name;

        /// <summary>Absolute address of the first byte.</summary>
        public uint Address { get; }

        /// <summary>Byte offset from the peripheral's base.</summary>
        public uint Offset => Address - Peripheral.Base;

        /// <summary>Length in bytes.</summary>
        public uint Bytes { get; }

        /// <summary>Access after the SVD's inheritance.</summary>
        public FactsAccess Access { get; }

        /// <summary>How many SVD registers the array stands for (its <c>dim</c>).</summary>
        public int Elements { get; }
    }
}
