using System.Collections.Generic;

namespace NanoRemap.Facts
{
    /// <summary>A <c>reg</c> line: one register at an absolute address, with its fields.</summary>
    public sealed class FactsRegister
    {
        private readonly List<FactsField> _fields = new List<FactsField>();

        /// <summary>Creates a register without fields.</summary>
        /// <param name="peripheral">The peripheral it belongs to.</param>
        /// <param name="name">SVD register name (dim arrays expanded).</param>
        /// <param name="address">Absolute address.</param>
        /// <param name="access">Access after the SVD's inheritance.</param>
        /// <param name="reset">Reset value.</param>
        /// <param name="sizeBits">Width in bits (32 unless the SVD says otherwise).</param>
        /// <param name="clearOnRead">SVD <c>readAction</c> clear on the register.</param>
        public FactsRegister(FactsPeripheral peripheral, string name, uint address, FactsAccess access, uint reset, int sizeBits, bool clearOnRead)
        {
            Peripheral = peripheral;
            Name = name;
            Address = address;
            Access = access;
            Reset = reset;
            SizeBits = sizeBits;
            ClearOnRead = clearOnRead;
        }

        /// <summary>ESP-IDF's name of the register at this address (<c>LEDC_LSCH0_DUTY_REG</c>), or null.</summary>
        public string IdfName { get; private set; }

        /// <summary>What svd-patches.txt set on this register (<c>added</c>, <c>address</c>, <c>access</c>, <c>reset</c>, <c>name</c>, <c>layout</c>; comma list), or null: the SVD's.</summary>
        public string Patched { get; private set; }

        /// <summary>Sets where the register's values came from (the <c>idf=</c> and <c>patched=</c> attributes).</summary>
        /// <param name="idfName">ESP-IDF's register name, or null.</param>
        /// <param name="patched">What a patch set (comma list), or null.</param>
        public void SetProvenance(string idfName, string patched)
        {
            IdfName = idfName;
            Patched = patched;
        }

        /// <summary>The peripheral it belongs to.</summary>
        public FactsPeripheral Peripheral { get; }

        /// <summary>SVD register name.</summary>
        public string Name { get; }

        /// <summary><c>PERIPH.REG</c>.</summary>
        public string FullName => Peripheral.Name + "." + Name;

        /// <summary>Absolute address.</summary>
        public uint Address { get; }

        /// <summary>Byte offset from the peripheral's base.</summary>
        public uint Offset => Address - Peripheral.Base;

        /// <summary>Access after the SVD's inheritance.</summary>
        public FactsAccess Access { get; }

        /// <summary>Reset value.</summary>
        public uint Reset { get; }

        /// <summary>Width in bits.</summary>
        public int SizeBits { get; }

        /// <summary>Reading clears the register (<c>cor</c> on the <c>reg</c> line).</summary>
        public bool ClearOnRead { get; }

        /// <summary>The fields, sorted by lowest bit.</summary>
        public IReadOnlyList<FactsField> Fields => _fields;

        /// <summary>Finds a field by name (ordinal).</summary>
        /// <param name="name">Field name.</param>
        /// <returns>The field, or null.</returns>
        public FactsField FindField(string name)
        {
            foreach (FactsField f in _fields)
            {
                if (f.Name == name)
                {
                    return f;
                }
            }

            return null;
        }

        internal void Add(FactsField field) => _fields.Add(field);
    }
}
