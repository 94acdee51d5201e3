using System.Collections.Generic;

namespace NanoRemap.Facts
{
    /// <summary>A <c>periph</c> line: an SVD peripheral (after <c>derivedFrom</c>) with its registers and ranges.</summary>
    public sealed class FactsPeripheral
    {
        private readonly List<FactsRegister> _registers = new List<FactsRegister>();
        private readonly List<FactsRange> _ranges = new List<FactsRange>();

        /// <summary>Creates a peripheral without registers.</summary>
        /// <param name="name">SVD peripheral name.</param>
        /// <param name="baseAddress">Base address.</param>
        /// <param name="size">Span of its address blocks in bytes.</param>
        public FactsPeripheral(string name, uint baseAddress, uint size)
        {
            Name = name;
            Base = baseAddress;
            Size = size;
        }

        /// <summary>SVD peripheral name.</summary>
        public string Name { get; }

        /// <summary>Base address.</summary>
        public uint Base { get; }

        /// <summary>Span of its address blocks in bytes.</summary>
        public uint Size { get; }

        /// <summary>Its registers, sorted by address.</summary>
        public IReadOnlyList<FactsRegister> Registers => _registers;

        /// <summary>Its ranges (arrays kept whole), sorted by address.</summary>
        public IReadOnlyList<FactsRange> Ranges => _ranges;

        /// <summary>Finds a register by name (ordinal).</summary>
        /// <param name="name">Register name.</param>
        /// <returns>The register, or null.</returns>
        public FactsRegister FindRegister(string name)
        {
            foreach (FactsRegister r in _registers)
            {
                if (r.Name == name)
                {
                    return r;
                }
            }

            return null;
        }

        /// <summary>Finds a range by name (ordinal).</summary>
        /// <param name="name">Range name.</param>
        /// <returns>The range, or null.</returns>
        public FactsRange FindRange(string name)
        {
            foreach (FactsRange r in _ranges)
            {
                if (r.Name == name)
                {
                    return r;
                }
            }

            return null;
        }

        internal void Add(FactsRegister register) => _registers.Add(register);

        internal void Add(FactsRange range) => _ranges.Add(range);
    }
}
