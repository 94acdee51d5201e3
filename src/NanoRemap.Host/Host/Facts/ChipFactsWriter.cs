using System;
using System.Globalization;
using System.IO;

namespace NanoRemap.Facts
{
    /// <summary>Writes <see cref="ChipFacts"/> in the facts-file format that <see cref="ChipFacts.Parse"/> reads.</summary>
    public static class ChipFactsWriter
    {
        /// <summary>Writes the facts: header comments, <c>chip</c>, then each peripheral with its registers (and their fields) and ranges in address order.</summary>
        /// <param name="facts">The facts.</param>
        /// <param name="writer">Where to write; lines end with '\n'.</param>
        public static void Write(ChipFacts facts, TextWriter writer)
        {
            foreach (string h in facts.Header)
            {
                // A header line is a comment: a line break in it would write an uncommented line.
                foreach (char c in h)
                {
                    if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || char.IsControl(c))
                    {
                        throw new ArgumentException("header line '" + h.Replace("\n", "\\n").Replace("\r", "\\r") + "' holds the control or line-break character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                }

                writer.Write(h.Length == 0 ? "#\n" : "# " + h + "\n");
            }

            writer.Write("chip " + facts.Chip + "\n");
            foreach (FactsPeripheral p in facts.Peripherals)
            {
                writer.Write("periph " + p.Name + " " + Hex8(p.Base) + " " + Hex(p.Size) + "\n");
                int r = 0;
                int g = 0;
                while (r < p.Registers.Count || g < p.Ranges.Count)
                {
                    bool takeRange = g < p.Ranges.Count && (r >= p.Registers.Count || p.Ranges[g].Address < p.Registers[r].Address);
                    if (takeRange)
                    {
                        FactsRange range = p.Ranges[g++];
                        writer.Write("range " + range.FullName + " " + Hex8(range.Address) + " " + Hex(range.Bytes) + " " + FactsAccessNames.Token(range.Access)
                            + (range.Elements != 1 ? " elements=" + range.Elements.ToString(CultureInfo.InvariantCulture) : string.Empty) + "\n");
                        continue;
                    }

                    FactsRegister reg = p.Registers[r++];
                    writer.Write("reg " + reg.FullName + " " + Hex8(reg.Address) + " " + FactsAccessNames.Token(reg.Access) + " " + Hex8(reg.Reset)
                        + (reg.SizeBits != 32 ? " size=" + reg.SizeBits.ToString(CultureInfo.InvariantCulture) : string.Empty)
                        + (reg.ClearOnRead ? " cor" : string.Empty)
                        + (reg.IdfName != null ? " idf=" + reg.IdfName : string.Empty)
                        + (reg.Patched != null ? " patched=" + reg.Patched : string.Empty) + "\n");
                    foreach (FactsField f in reg.Fields)
                    {
                        writer.Write("field " + f.FullName + " " + f.Lsb.ToString(CultureInfo.InvariantCulture) + " " + f.Width.ToString(CultureInfo.InvariantCulture)
                            + " " + FactsAccessNames.Token(f.Access) + ChipFacts.KindTokens(f.Kinds)
                            + (f.IdfName != null ? " idf=" + f.IdfName : string.Empty)
                            + (f.IdfAccess != null ? " idfaccess=" + f.IdfAccess : string.Empty)
                            + (f.Patched != null ? " patched=" + f.Patched : string.Empty) + "\n");
                    }
                }
            }
        }

        /// <summary>The facts as one string (what <see cref="Write(ChipFacts, TextWriter)"/> writes).</summary>
        /// <param name="facts">The facts.</param>
        /// <returns>The text.</returns>
        public static string ToText(ChipFacts facts)
        {
            using (var w = new StringWriter(CultureInfo.InvariantCulture))
            {
                Write(facts, w);
                return w.ToString();
            }
        }

        private static string Hex8(uint v) => "0x" + v.ToString("X8", CultureInfo.InvariantCulture);

        private static string Hex(uint v) => "0x" + v.ToString("X", CultureInfo.InvariantCulture);
    }
}
