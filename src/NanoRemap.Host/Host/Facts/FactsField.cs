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
            Kinds = (writeOneToClear ? FactsKinds.WriteOneToClear : FactsKinds.None) | (clearOnRead ? FactsKinds.ClearOnRead : FactsKinds.None);
        }

        /// <summary>Creates a field with its access kinds and provenance.</summary>
        /// <param name="register">The register it belongs to.</param>
        /// <param name="name">SVD field name (dim arrays expanded).</param>
        /// <param name="lsb">Lowest bit.</param>
        /// <param name="width">Width in bits (1..32).</param>
        /// <param name="access">Access after the SVD's inheritance and the patches.</param>
        /// <param name="kinds">Access kinds (w1c, cor, sc, ss, wt, w1s).</param>
        /// <param name="idfName">ESP-IDF's name of a field with exactly these bits, or null.</param>
        /// <param name="idfAccess">ESP-IDF's access kind (verbatim, e.g. <c>R/SS/WTC</c>) of the IDF field covering these bits, or null.</param>
        /// <param name="patched">What svd-patches.txt set (<c>added</c>, <c>access</c>; comma list), or null.</param>
        public FactsField(FactsRegister register, string name, int lsb, int width, FactsAccess access, FactsKinds kinds, string idfName, string idfAccess, string patched)
        {
            Register = register;
            Name = name;
            Lsb = lsb;
            Width = width;
            Access = access;
            Kinds = kinds;
            IdfName = idfName;
            IdfAccess = idfAccess;
            Patched = patched;
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

        /// <summary>All access kinds of the field.</summary>
        public FactsKinds Kinds { get; }

        /// <summary>Writing 1 clears the bit (<c>w1c</c>).</summary>
        public bool WriteOneToClear => (Kinds & FactsKinds.WriteOneToClear) != 0;

        /// <summary>Reading clears the field (<c>cor</c>).</summary>
        public bool ClearOnRead => (Kinds & FactsKinds.ClearOnRead) != 0;

        /// <summary>Self-clearing: the hardware clears what software set (<c>sc</c>, ESP-IDF <c>SC</c>).</summary>
        public bool SelfClearing => (Kinds & FactsKinds.SelfClearing) != 0;

        /// <summary>Set by the hardware (<c>ss</c>, ESP-IDF <c>SS</c>).</summary>
        public bool SetByHardware => (Kinds & FactsKinds.SetByHardware) != 0;

        /// <summary>Write-trigger: reads 0 (<c>wt</c>, ESP-IDF <c>WT</c>).</summary>
        public bool WriteTrigger => (Kinds & FactsKinds.WriteTrigger) != 0;

        /// <summary>Writing 1 sets the bit (<c>w1s</c>, ESP-IDF <c>WTS</c>).</summary>
        public bool WriteOneToSet => (Kinds & FactsKinds.WriteOneToSet) != 0;

        /// <summary>ESP-IDF's name of a field with exactly these bits (<c>LEDC_DUTY_LSCH0</c>), or null.</summary>
        public string IdfName { get; }

        /// <summary>ESP-IDF's access kind, verbatim (<c>R/SS/WTC</c>), of the IDF field covering these bits, or null.</summary>
        public string IdfAccess { get; }

        /// <summary>What svd-patches.txt set on this field (<c>added</c>, <c>access</c>; comma list), or null: the SVD's.</summary>
        public string Patched { get; }
    }
}
