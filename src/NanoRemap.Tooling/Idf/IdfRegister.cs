namespace NanoRemap.Tooling.Idf;

/// <summary>A bit field of an ESP-IDF register header, from its comment (<c>/* NAME : R/W ;bitpos:[24:0] ;default: 25'h0 ; */</c>).</summary>
/// <param name="Name">IDF field name (<c>LEDC_DUTY_LSCH0</c>).</param>
/// <param name="Lsb">Lowest bit.</param>
/// <param name="Width">Width in bits.</param>
/// <param name="Access">IDF access kind, verbatim without blanks (<c>R/W</c>, <c>R/SS/WTC</c>, <c>WT</c>).</param>
/// <param name="Default">Reset value of the field, or null when the header gives none (<c>x</c>, empty).</param>
/// <param name="Line">Line of the comment in its header.</param>
public sealed record IdfField(string Name, int Lsb, int Width, string Access, uint? Default, int Line)
{
    /// <summary>Highest bit.</summary>
    public int Msb => Lsb + Width - 1;

    /// <summary>The field's bits in place.</summary>
    public uint Mask => (Width >= 32 ? 0xFFFFFFFFu : ((1u << Width) - 1u)) << Lsb;
}

/// <summary>A register of an ESP-IDF header, at one address (one instance of a <c>NAME_REG(i)</c> macro).</summary>
/// <param name="Name">IDF name, with the instance for a function-like macro (<c>UART_FIFO_REG(1)</c>).</param>
/// <param name="Address">Absolute address.</param>
/// <param name="File">Header path from the ESP-IDF root (<c>components/soc/esp32/register/soc/ledc_reg.h</c>).</param>
/// <param name="Line">Line of its <c>#define</c>.</param>
/// <param name="Fields">Its fields in header order.</param>
/// <param name="Instance">The instance argument of a function-like macro, or -1.</param>
public sealed record IdfRegister(string Name, uint Address, string File, int Line, IReadOnlyList<IdfField> Fields, int Instance)
{
    /// <summary>The IDF name without the instance argument (<c>UART_FIFO_REG</c>).</summary>
    public string BaseName => Instance < 0 ? Name : Name[..Name.IndexOf('(')];

    /// <summary>The bits its fields describe.</summary>
    public uint FieldMask => Fields.Aggregate(0u, (m, f) => m | f.Mask);

    /// <summary>The bits whose reset value the header gives.</summary>
    public uint DefaultMask => Fields.Where(f => f.Default != null).Aggregate(0u, (m, f) => m | f.Mask);

    /// <summary>The reset value of the bits in <see cref="DefaultMask"/>.</summary>
    public uint Reset => Fields.Where(f => f.Default != null).Aggregate(0u, (m, f) => m | ((f.Default!.Value << f.Lsb) & f.Mask));

    /// <summary><c>file:line</c>, for citations.</summary>
    public string Citation => File + ":" + Line;
}
