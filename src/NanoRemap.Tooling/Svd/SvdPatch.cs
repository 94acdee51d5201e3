using NanoRemap.Facts;

namespace NanoRemap.Tooling.Svd;

/// <summary>What an svd-patches.txt line does.</summary>
public enum SvdPatchKind
{
    /// <summary><c>rename PERIPH.REG NEWNAME</c>: gives a register another SVD name (e.g. a <c>%s</c> name without <c>dim</c>).</summary>
    Rename,

    /// <summary><c>move PERIPH.REG 0xOFFSET</c>: puts a register at another offset from its peripheral.</summary>
    Move,

    /// <summary><c>register PERIPH.REG 0xOFFSET ACCESS 0xRESET</c>: adds a register the SVD lacks.</summary>
    Register,

    /// <summary><c>field PERIPH.REG.FIELD LSB WIDTH ACCESS</c>: adds a field to a register.</summary>
    Field,

    /// <summary><c>remove PERIPH.REG.FIELD</c>: drops a field the SVD gets wrong (one outside its register, or of width 0).</summary>
    Remove,

    /// <summary><c>dimindex PERIPH.REG FIRST-LAST</c>: renumbers a dim array whose indices the SVD starts at 0 wrongly.</summary>
    DimIndex,

    /// <summary><c>access PERIPH.REG[.FIELD] ACCESS</c>: sets a register's or field's access.</summary>
    Access,

    /// <summary><c>reset PERIPH.REG 0xRESET</c>: sets a register's reset value.</summary>
    Reset,

    /// <summary><c>base PERIPH 0xADDRESS</c>: moves a whole peripheral.</summary>
    Base,

    /// <summary><c>layout PERIPH IDF-HEADER INSTANCE PREFIX</c>: replaces a peripheral's registers by those of an ESP-IDF header.</summary>
    Layout,
}

/// <summary>One line of boards/&lt;chip&gt;/svd-patches.txt, with the ESP-IDF source it cites.</summary>
public sealed record SvdPatch(
    SvdPatchKind Kind,
    string Peripheral,
    string Register,
    string? FieldName,
    string? NewName,
    uint Offset,
    FactsAccess Access,
    uint Reset,
    int Lsb,
    int Width,
    string Source,
    int Line);
