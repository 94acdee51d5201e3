using NanoRemap.Tooling.Idf;

namespace NanoRemap.Tooling.Svd;

/// <summary>
/// The registers of a <c>layout</c> patch: a peripheral whose SVD layout is another block's (the ESP32-S2's SPI0 /
/// SPI1 described as general-purpose SPI) takes the registers of the ESP-IDF header its drivers use.
/// </summary>
internal static class SvdIdfLayout
{
    /// <summary>The SVD registers of one instance of an ESP-IDF header.</summary>
    /// <param name="idfRoot">The ESP-IDF tree.</param>
    /// <param name="header">The header, relative to the tree (<c>components/soc/esp32s2/register/soc/spi_mem_reg.h</c>).</param>
    /// <param name="instance">The instance of its <c>NAME_REG(i)</c> macros, or -1 for object-like ones.</param>
    /// <param name="prefix">The prefix dropped from register and field names (<c>SPI_MEM_</c>).</param>
    /// <param name="baseAddress">The peripheral's base (offsets are from it).</param>
    /// <param name="file">The SVD file (for the registers' origin).</param>
    /// <param name="err">Builds the patch's error.</param>
    /// <returns>The registers, by offset.</returns>
    public static List<SvdNode> Registers(string idfRoot, string header, int instance, string prefix, uint baseAddress, string file, Func<string, SvdException> err)
    {
        string[] parts = header.Split('/');
        int soc = Array.IndexOf(parts, "soc");
        if (parts.Length < 4 || parts[0] != "components" || soc != 1)
        {
            throw err($"'{header}' is not components/soc/<chip>/.../<name>_reg.h");
        }

        string chip = parts[2];
        if (!File.Exists(Path.Combine(idfRoot, header)))
        {
            throw err($"no ESP-IDF header {header} in {idfRoot}");
        }

        var regs = IdfHeaders.Read(idfRoot, chip).Where(r => r.File == header && r.Instance == instance).ToList();
        if (regs.Count == 0)
        {
            throw err($"{header} has no registers for instance {instance}");
        }

        var result = new List<SvdNode>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (IdfRegister r in regs.OrderBy(r => r.Address))
        {
            if (r.Address < baseAddress)
            {
                throw err($"{r.Name} at 0x{r.Address:X8} lies below the peripheral's base 0x{baseAddress:X8}");
            }

            string name = Strip(r.BaseName, prefix);
            if (name.EndsWith("_REG", StringComparison.Ordinal))
            {
                name = name[..^4];
            }

            if (!names.Add(name))
            {
                continue;
            }

            result.Add(new SvdRegister
            {
                Name = name,
                AddressOffset = r.Address - baseAddress,
                Properties = new SvdProperties(32, null, r.Reset, r.DefaultMask),
                Fields = r.Fields.Select(f => new SvdField
                {
                    Name = Strip(f.Name, prefix),
                    Lsb = f.Lsb,
                    Width = f.Width,
                    Access = IdfAccessKinds.Plain(f.Access),
                    Line = f.Line,
                    Patched = "layout",
                }).ToList(),
                Line = r.Line,
                Patched = "layout",
            });
        }

        return result;
    }

    private static string Strip(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length ? name[prefix.Length..] : name;
}
