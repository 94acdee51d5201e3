namespace NanoRemap.Facts
{
    /// <summary>A <c>field</c> line: a bit field of a register.</summary>
    public sealed class FactsField
    {
        /// <summary>Creates a field.</summary>
        /// <param name="register">The register it belongs to.</param>
        /// <param name="name">SVD field name (dim arrays expanded).</param>
        /// <param name="lsb">Lowest bit.</param>
        /// <param name="width">Width in bits (1..32).</param>
        /// <param name="access">Access after the SVD's inheritance.</param>
        /// <param name="writeOneToClear">SVD <c>modifiedWriteValues</c> oneToClear.</param>
        /// <param name="clearOnRead">SVD <c>readAction</c> clear.</param>
        public FactsField(FactsRegister register, string name, int lsb, int width, FactsAccess access, bool writeOneToClear, bool clearOnRead)
        {
            Register = register;
            Name = name;
            Lsb = lsb;
            Width = width;
            Access = access;
            WriteOneToClear = writeOneToClear;
            ClearOnRead = clearOnRead;
        }

        /// <summary>The register it belongs to.</summary>
        public FactsRegister Register { get; }

        /// <summary>SVD field name.</summary>
        public string Name { get; }

        /// <summary><c>PERIPH.REG.FIELD</c>.</summary>
        public string FullName => Register.FullName + "." + Name;

        /// <summary>Lowest bit.</summary>
        public int Lsb { get; }

        /// <summary>Width in bits.</summary>
        public int Width { get; }

        /// <summary>The field's bits in place: <c>((1 &lt;&lt; Width) - 1) &lt;&lt; Lsb</c>.</summary>
        public uint Mask => (Width >= 32 ? 0xFFFFFFFFu : ((1u << Width) - 1u)) << Lsb;

        /// <summary>Access after the SVD's inheritance.</summary>
        public FactsAccess Access { get; }

        /// <summary>Writing 1 clears the bit (<c>w1c</c>).</summary>
        public bool WriteOneToClear { get; }

        /// <summary>Reading clears the field (<c>cor</c>).</summary>
        public bool ClearOnRead { get; }
    }
}
