using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NanoRemap.IO;

namespace NanoRemap.Facts
{
    /// <summary>
    /// The register facts of one chip: boards/&lt;chip&gt;/registers.txt, generated from the vendor SVD by
    /// <c>nanoremap boards import-svd</c>. Line-oriented, one statement a line, <c>#</c> comments:
    /// <code>
    /// chip &lt;chip&gt;
    /// periph &lt;NAME&gt; &lt;base&gt; &lt;size&gt;
    /// reg &lt;PERIPH&gt;.&lt;REG&gt; &lt;addr&gt; &lt;access&gt; &lt;reset&gt; [size=&lt;bits&gt;] [cor] [idf=&lt;name&gt;] [patched=&lt;what&gt;]
    /// field &lt;PERIPH&gt;.&lt;REG&gt;.&lt;FIELD&gt; &lt;lsb&gt; &lt;width&gt; &lt;access&gt; [w1c] [cor] [sc] [ss] [wt] [w1s] [idf=&lt;name&gt;] [idfaccess=&lt;kind&gt;] [patched=&lt;what&gt;]
    /// range &lt;PERIPH&gt;.&lt;NAME&gt; &lt;addr&gt; &lt;bytes&gt; &lt;access&gt; [elements=&lt;n&gt;]
    /// </code>
    /// <c>reg</c> and <c>range</c> lines follow their <c>periph</c> line, sorted by address; <c>field</c> lines
    /// follow their <c>reg</c> line, sorted by lowest bit. boards/README.md documents the format.
    /// </summary>
    public sealed class ChipFacts
    {
        private readonly List<string> _header = new List<string>();
        private readonly List<FactsPeripheral> _peripherals = new List<FactsPeripheral>();
        private readonly List<FactsRegister> _registers = new List<FactsRegister>();
        private readonly List<FactsField> _fields = new List<FactsField>();
        private readonly List<FactsRange> _ranges = new List<FactsRange>();
        private readonly Dictionary<string, FactsPeripheral> _byPeripheral = new Dictionary<string, FactsPeripheral>(StringComparer.Ordinal);
        private readonly Dictionary<string, FactsRegister> _byRegister = new Dictionary<string, FactsRegister>(StringComparer.Ordinal);
        private readonly Dictionary<string, FactsRange> _byRange = new Dictionary<string, FactsRange>(StringComparer.Ordinal);
        private readonly Dictionary<FactsPeripheral, uint> _lastAddress = new Dictionary<FactsPeripheral, uint>();

        /// <summary>Creates empty facts for a chip.</summary>
        /// <param name="chip">Chip name as the boards/ folder spells it (esp32, esp32c6, ...).</param>
        public ChipFacts(string chip)
        {
            if (!IsName(chip, false))
            {
                throw new ArgumentException("chip name '" + chip + "' is not a name (letters, digits, '_')", nameof(chip));
            }

            Chip = chip;
        }

        /// <summary>Chip name.</summary>
        public string Chip { get; }

        /// <summary>The comment lines before <c>chip</c> (without the <c>#</c>): what generated the file and from what.</summary>
        public IList<string> Header => _header;

        /// <summary>Peripherals in file order (sorted by base when written by the importer).</summary>
        public IReadOnlyList<FactsPeripheral> Peripherals => _peripherals;

        /// <summary>All registers in file order.</summary>
        public IReadOnlyList<FactsRegister> Registers => _registers;

        /// <summary>All fields in file order.</summary>
        public IReadOnlyList<FactsField> Fields => _fields;

        /// <summary>All ranges in file order.</summary>
        public IReadOnlyList<FactsRange> Ranges => _ranges;

        /// <summary>The largest facts file read, in characters (16 MiB; the committed ones are under 1 MiB).</summary>
        public const long MaxChars = 16L * 1024 * 1024;

        /// <summary>Reads and parses a facts file.</summary>
        /// <param name="path">Path of boards/&lt;chip&gt;/registers.txt.</param>
        /// <returns>The facts.</returns>
        /// <exception cref="FactsException">A malformed line.</exception>
        public static ChipFacts Load(string path)
        {
            try
            {
                using (var reader = BoundedReader.OpenFile(path, BoundedReader.DefaultMaxLineChars, MaxChars))
                {
                    return Parse(reader, path);
                }
            }
            catch (InputLimitException e)
            {
                throw new FactsException(path, e.Line, e.Message.Substring(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2));
            }
        }

        /// <summary>Parses facts text.</summary>
        /// <param name="reader">The text.</param>
        /// <param name="fileName">The name used in error messages.</param>
        /// <returns>The facts.</returns>
        /// <exception cref="FactsException">A malformed line: the message names file, line and element.</exception>
        public static ChipFacts Parse(TextReader reader, string fileName)
        {
            ChipFacts facts = null;
            var header = new List<string>();
            FactsPeripheral periph = null;
            FactsRegister reg = null;
            int lineNo = 0;
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNo++;
                int hash = line.IndexOf('#');
                string body = hash >= 0 ? line.Substring(0, hash) : line;
                string[] f = body.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
                if (f.Length == 0)
                {
                    if (facts == null && hash >= 0)
                    {
                        header.Add(line.Substring(hash + 1).TrimStart(' ').TrimEnd());
                    }

                    continue;
                }

                FactsException Err(string message) => new FactsException(fileName, lineNo, message);
                try
                {
                    if (f[0] != "chip" && facts == null)
                    {
                        throw Err("'" + f[0] + "' before the 'chip' line");
                    }

                    switch (f[0])
                    {
                        case "chip":
                            Arity(f, 2, 2, Err);
                            if (facts != null)
                            {
                                throw Err("a second 'chip' line");
                            }

                            facts = new ChipFacts(f[1]);
                            facts._header.AddRange(header);
                            break;
                        case "periph":
                            Arity(f, 4, 4, Err);
                            periph = facts.AddPeripheral(f[1], Hex(f[2], "base", Err), Hex(f[3], "size", Err));
                            reg = null;
                            break;
                        case "reg":
                        {
                            Arity(f, 5, 9, Err);
                            string regName = Member(f[1], periph, Err);
                            int size = 32;
                            bool cor = false;
                            string idf = null;
                            string patched = null;
                            for (int i = 5; i < f.Length; i++)
                            {
                                if (f[i] == "cor" && !cor)
                                {
                                    cor = true;
                                }
                                else if (f[i].StartsWith("size=", StringComparison.Ordinal) && size == 32
                                    && int.TryParse(f[i].Substring(5), NumberStyles.None, CultureInfo.InvariantCulture, out int s))
                                {
                                    size = s;
                                }
                                else if (TryAttribute(f[i], "idf=", ref idf) || TryAttribute(f[i], "patched=", ref patched))
                                {
                                }
                                else
                                {
                                    throw Err("reg " + f[1] + ": unknown or repeated option '" + f[i] + "' (size=<8|16|32>, cor, idf=<name>, patched=<what>)");
                                }
                            }

                            reg = facts.AddRegister(periph, regName, Hex(f[2], "address", Err), Access(f[3], Err), Hex(f[4], "reset", Err), size, cor);
                            reg.SetProvenance(idf, patched);
                            break;
                        }

                        case "field":
                        {
                            Arity(f, 5, 14, Err);
                            if (reg == null || !f[1].StartsWith(reg.FullName + ".", StringComparison.Ordinal))
                            {
                                throw Err("field " + f[1] + " does not follow its register's 'reg' line"
                                    + (reg == null ? string.Empty : " (the last register is " + reg.FullName + ")"));
                            }

                            string fieldName = f[1].Substring(reg.FullName.Length + 1);
                            FactsKinds kinds = FactsKinds.None;
                            string idf = null;
                            string idfAccess = null;
                            string patched = null;
                            for (int i = 5; i < f.Length; i++)
                            {
                                FactsKinds k = KindOf(f[i]);
                                if (k != FactsKinds.None && (kinds & k) == 0)
                                {
                                    kinds |= k;
                                }
                                else if (k == FactsKinds.None && (TryAttribute(f[i], "idf=", ref idf) || TryAttribute(f[i], "idfaccess=", ref idfAccess) || TryAttribute(f[i], "patched=", ref patched)))
                                {
                                }
                                else
                                {
                                    throw Err("field " + f[1] + ": unknown or repeated option '" + f[i] + "' (w1c, cor, sc, ss, wt, w1s, idf=<name>, idfaccess=<kind>, patched=<what>)");
                                }
                            }

                            facts.AddField(reg, fieldName, Dec(f[2], "lsb", Err), Dec(f[3], "width", Err), Access(f[4], Err), kinds, idf, idfAccess, patched);
                            break;
                        }

                        case "range":
                        {
                            Arity(f, 5, 6, Err);
                            string rangeName = Member(f[1], periph, Err);
                            int elements = 1;
                            if (f.Length == 6)
                            {
                                if (!f[5].StartsWith("elements=", StringComparison.Ordinal)
                                    || !int.TryParse(f[5].Substring(9), NumberStyles.None, CultureInfo.InvariantCulture, out elements))
                                {
                                    throw Err("range " + f[1] + ": unknown option '" + f[5] + "' (elements=<n>)");
                                }
                            }

                            facts.AddRange(periph, rangeName, Hex(f[2], "address", Err), Hex(f[3], "bytes", Err), Access(f[4], Err), elements);
                            reg = null;
                            break;
                        }

                        default:
                            throw Err("unknown statement '" + f[0] + "' (chip, periph, reg, field, range)");
                    }
                }
                catch (ArgumentException e)
                {
                    throw Err(e.Message);
                }
            }

            if (facts == null)
            {
                throw new FactsException(fileName, lineNo, "no 'chip' line");
            }

            return facts;
        }

        /// <summary>Finds a peripheral by SVD name.</summary>
        /// <param name="name">Peripheral name.</param>
        /// <returns>The peripheral, or null.</returns>
        public FactsPeripheral FindPeripheral(string name) =>
            _byPeripheral.TryGetValue(name, out FactsPeripheral p) ? p : null;

        /// <summary>Finds a register by <c>PERIPH.REG</c>.</summary>
        /// <param name="fullName">Peripheral and register name.</param>
        /// <returns>The register, or null.</returns>
        public FactsRegister FindRegister(string fullName) =>
            _byRegister.TryGetValue(fullName, out FactsRegister r) ? r : null;

        /// <summary>Finds a range by <c>PERIPH.NAME</c>.</summary>
        /// <param name="fullName">Peripheral and range name.</param>
        /// <returns>The range, or null.</returns>
        public FactsRange FindRange(string fullName) =>
            _byRange.TryGetValue(fullName, out FactsRange r) ? r : null;

        /// <summary>Finds a field by <c>PERIPH.REG.FIELD</c>.</summary>
        /// <param name="fullName">Peripheral, register and field name.</param>
        /// <returns>The field, or null.</returns>
        public FactsField FindField(string fullName)
        {
            int dot = fullName.LastIndexOf('.');
            if (dot <= 0)
            {
                return null;
            }

            FactsRegister r = FindRegister(fullName.Substring(0, dot));
            return r == null ? null : r.FindField(fullName.Substring(dot + 1));
        }

        /// <summary>Adds a peripheral (its registers and ranges follow).</summary>
        /// <param name="name">SVD name.</param>
        /// <param name="baseAddress">Base address.</param>
        /// <param name="size">Span of its address blocks in bytes.</param>
        /// <returns>The peripheral.</returns>
        /// <exception cref="ArgumentException">A bad or repeated name, or a block past 4 GiB.</exception>
        public FactsPeripheral AddPeripheral(string name, uint baseAddress, uint size)
        {
            if (!IsName(name, false))
            {
                throw new ArgumentException("periph '" + name + "': not a name (letters, digits, '_')");
            }

            if (_byPeripheral.ContainsKey(name))
            {
                throw new ArgumentException("periph " + name + ": declared twice");
            }

            if (size == 0 || (ulong)baseAddress + size > 0x1_0000_0000UL)
            {
                throw new ArgumentException("periph " + name + ": size 0x" + size.ToString("X", CultureInfo.InvariantCulture) + " is empty or runs past 4 GiB");
            }

            var p = new FactsPeripheral(name, baseAddress, size);
            _peripherals.Add(p);
            _byPeripheral.Add(name, p);
            return p;
        }

        /// <summary>Adds a register to a peripheral; registers and ranges of a peripheral come in address order.</summary>
        /// <param name="peripheral">Its peripheral (from <see cref="AddPeripheral"/>).</param>
        /// <param name="name">SVD name, dim arrays expanded.</param>
        /// <param name="address">Absolute address.</param>
        /// <param name="access">Access.</param>
        /// <param name="reset">Reset value.</param>
        /// <param name="sizeBits">8, 16 or 32.</param>
        /// <param name="clearOnRead">Reading clears the register.</param>
        /// <returns>The register.</returns>
        /// <exception cref="ArgumentException">A bad or repeated name, an address out of order or below the base, a bad size, a reset value wider than the register.</exception>
        public FactsRegister AddRegister(FactsPeripheral peripheral, string name, uint address, FactsAccess access, uint reset, int sizeBits, bool clearOnRead)
        {
            string full = CheckMember(peripheral, name, address, "reg");
            if (sizeBits != 8 && sizeBits != 16 && sizeBits != 32)
            {
                throw new ArgumentException("reg " + full + ": size=" + sizeBits + " is not 8, 16 or 32");
            }

            if ((ulong)address + (uint)(sizeBits / 8) > (ulong)peripheral.Base + peripheral.Size)
            {
                throw new ArgumentException("reg " + full + ": its " + sizeBits + " bits at 0x" + address.ToString("X8", CultureInfo.InvariantCulture) + " end past the peripheral's span [0x"
                    + peripheral.Base.ToString("X8", CultureInfo.InvariantCulture) + ", +0x" + peripheral.Size.ToString("X", CultureInfo.InvariantCulture) + ")");
            }

            if (sizeBits < 32 && (reset >> sizeBits) != 0)
            {
                throw new ArgumentException("reg " + full + ": reset value 0x" + reset.ToString("X8", CultureInfo.InvariantCulture) + " is wider than " + sizeBits + " bits");
            }

            var r = new FactsRegister(peripheral, name, address, access, reset, sizeBits, clearOnRead);
            peripheral.Add(r);
            _registers.Add(r);
            _byRegister.Add(full, r);
            _lastAddress[peripheral] = address;
            return r;
        }

        /// <summary>Adds a field to a register; fields of a register come in order of lowest bit.</summary>
        /// <param name="register">Its register (from <see cref="AddRegister"/>).</param>
        /// <param name="name">SVD field name.</param>
        /// <param name="lsb">Lowest bit.</param>
        /// <param name="width">Width in bits.</param>
        /// <param name="access">Access.</param>
        /// <param name="writeOneToClear">Writing 1 clears the bit.</param>
        /// <param name="clearOnRead">Reading clears the field.</param>
        /// <returns>The field.</returns>
        /// <exception cref="ArgumentException">A bad or repeated name, a field outside the register, out of order.</exception>
        public FactsField AddField(FactsRegister register, string name, int lsb, int width, FactsAccess access, bool writeOneToClear, bool clearOnRead) =>
            AddField(register, name, lsb, width, access,
                (writeOneToClear ? FactsKinds.WriteOneToClear : FactsKinds.None) | (clearOnRead ? FactsKinds.ClearOnRead : FactsKinds.None), null, null, null);

        /// <summary>Adds a field with its access kinds and provenance; fields of a register come in order of lowest bit.</summary>
        /// <param name="register">Its register (from <see cref="AddRegister"/>).</param>
        /// <param name="name">SVD field name.</param>
        /// <param name="lsb">Lowest bit.</param>
        /// <param name="width">Width in bits.</param>
        /// <param name="access">Access.</param>
        /// <param name="kinds">Access kinds (w1c, cor, sc, ss, wt, w1s).</param>
        /// <param name="idfName">ESP-IDF's name of a field with exactly these bits, or null.</param>
        /// <param name="idfAccess">ESP-IDF's access kind of the IDF field covering these bits, or null.</param>
        /// <param name="patched">What svd-patches.txt set (comma list), or null.</param>
        /// <returns>The field.</returns>
        /// <exception cref="ArgumentException">A bad or repeated name, a field outside the register, out of order, a bad attribute.</exception>
        public FactsField AddField(FactsRegister register, string name, int lsb, int width, FactsAccess access, FactsKinds kinds, string idfName, string idfAccess, string patched)
        {
            string full = register.FullName + "." + name;
            if (!IsName(name, false))
            {
                throw new ArgumentException("field '" + full + "': not a name (letters, digits, '_')");
            }

            if (register.FindField(name) != null)
            {
                throw new ArgumentException("field " + full + ": declared twice");
            }

            if (width < 1 || lsb < 0 || width > register.SizeBits || lsb > register.SizeBits - width)
            {
                throw new ArgumentException("field " + full + ": bits " + lsb + ".." + ((long)lsb + width - 1) + " do not fit the " + register.SizeBits + "-bit register");
            }

            int count = register.Fields.Count;
            if (count > 0 && register.Fields[count - 1].Lsb > lsb)
            {
                throw new ArgumentException("field " + full + ": lsb " + lsb + " after a field at bit " + register.Fields[count - 1].Lsb + " (fields are sorted by lsb)");
            }

            CheckAttribute(full, "idf", idfName, false);
            CheckAttribute(full, "idfaccess", idfAccess, true);
            CheckAttribute(full, "patched", patched, false);
            var fld = new FactsField(register, name, lsb, width, access, kinds, idfName, idfAccess, patched);
            register.Add(fld);
            _fields.Add(fld);
            return fld;
        }

        /// <summary>Adds a range (an array kept whole) to a peripheral, in address order with its registers.</summary>
        /// <param name="peripheral">Its peripheral.</param>
        /// <param name="name">The array's name without <c>[%s]</c>.</param>
        /// <param name="address">Absolute address of the first byte.</param>
        /// <param name="bytes">Length in bytes.</param>
        /// <param name="access">Access.</param>
        /// <param name="elements">How many SVD registers it stands for.</param>
        /// <returns>The range.</returns>
        /// <exception cref="ArgumentException">A bad or repeated name, out of order, empty.</exception>
        public FactsRange AddRange(FactsPeripheral peripheral, string name, uint address, uint bytes, FactsAccess access, int elements)
        {
            string full = CheckMember(peripheral, name, address, "range");
            if (bytes == 0 || (ulong)address + bytes > 0x1_0000_0000UL || elements < 1)
            {
                throw new ArgumentException("range " + full + ": empty, past 4 GiB or without elements");
            }

            if ((ulong)address + bytes > (ulong)peripheral.Base + peripheral.Size)
            {
                throw new ArgumentException("range " + full + ": 0x" + bytes.ToString("X", CultureInfo.InvariantCulture) + " bytes at 0x" + address.ToString("X8", CultureInfo.InvariantCulture)
                    + " end past the peripheral's span [0x" + peripheral.Base.ToString("X8", CultureInfo.InvariantCulture) + ", +0x" + peripheral.Size.ToString("X", CultureInfo.InvariantCulture) + ")");
            }

            var r = new FactsRange(peripheral, name, address, bytes, access, elements);
            peripheral.Add(r);
            _ranges.Add(r);
            _byRange.Add(full, r);
            _lastAddress[peripheral] = address;
            return r;
        }

        /// <summary>Whether a string is a name of the facts file: letters, digits and '_', not empty.</summary>
        /// <param name="s">The string.</param>
        /// <param name="allowDots">Whether '.' may separate names.</param>
        /// <returns>True for a name.</returns>
        public static bool IsName(string s, bool allowDots)
        {
            if (string.IsNullOrEmpty(s))
            {
                return false;
            }

            foreach (char c in s)
            {
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (allowDots && c == '.');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private string CheckMember(FactsPeripheral peripheral, string name, uint address, string what)
        {
            if (peripheral == null || FindPeripheral(peripheral.Name) != peripheral)
            {
                throw new ArgumentException(what + " " + name + ": no 'periph' line before it");
            }

            string full = peripheral.Name + "." + name;
            if (!IsName(name, false))
            {
                throw new ArgumentException(what + " '" + full + "': not a name (letters, digits, '_')");
            }

            if (_byRegister.ContainsKey(full) || _byRange.ContainsKey(full))
            {
                throw new ArgumentException(what + " " + full + ": declared twice");
            }

            if (address < peripheral.Base)
            {
                throw new ArgumentException(what + " " + full + ": address 0x" + address.ToString("X8", CultureInfo.InvariantCulture) + " is below the peripheral's base 0x" + peripheral.Base.ToString("X8", CultureInfo.InvariantCulture));
            }

            if (address - peripheral.Base >= peripheral.Size)
            {
                throw new ArgumentException(what + " " + full + ": address 0x" + address.ToString("X8", CultureInfo.InvariantCulture) + " is past the peripheral's span [0x"
                    + peripheral.Base.ToString("X8", CultureInfo.InvariantCulture) + ", +0x" + peripheral.Size.ToString("X", CultureInfo.InvariantCulture) + ")");
            }

            if (_lastAddress.TryGetValue(peripheral, out uint last) && address < last)
            {
                throw new ArgumentException(what + " " + full + ": address 0x" + address.ToString("X8", CultureInfo.InvariantCulture) + " after 0x" + last.ToString("X8", CultureInfo.InvariantCulture) + " (sorted by address)");
            }

            return full;
        }

        /// <summary>The flag of a <c>field</c> line token (<c>w1c</c>, <c>cor</c>, <c>sc</c>, <c>ss</c>, <c>wt</c>, <c>w1s</c>), or None.</summary>
        /// <param name="token">The token.</param>
        /// <returns>The kind.</returns>
        public static FactsKinds KindOf(string token)
        {
            switch (token)
            {
                case "w1c": return FactsKinds.WriteOneToClear;
                case "cor": return FactsKinds.ClearOnRead;
                case "sc": return FactsKinds.SelfClearing;
                case "ss": return FactsKinds.SetByHardware;
                case "wt": return FactsKinds.WriteTrigger;
                case "w1s": return FactsKinds.WriteOneToSet;
                default: return FactsKinds.None;
            }
        }

        /// <summary>The flag tokens of the kinds, in the order the writer writes them, each preceded by a space.</summary>
        /// <param name="kinds">The kinds.</param>
        /// <returns>E.g. " w1c ss".</returns>
        public static string KindTokens(FactsKinds kinds)
        {
            string s = string.Empty;
            if ((kinds & FactsKinds.WriteOneToClear) != 0) s += " w1c";
            if ((kinds & FactsKinds.ClearOnRead) != 0) s += " cor";
            if ((kinds & FactsKinds.SelfClearing) != 0) s += " sc";
            if ((kinds & FactsKinds.SetByHardware) != 0) s += " ss";
            if ((kinds & FactsKinds.WriteTrigger) != 0) s += " wt";
            if ((kinds & FactsKinds.WriteOneToSet) != 0) s += " w1s";
            return s;
        }

        private static bool TryAttribute(string token, string prefix, ref string value)
        {
            if (value != null || !token.StartsWith(prefix, StringComparison.Ordinal) || token.Length == prefix.Length)
            {
                return false;
            }

            value = token.Substring(prefix.Length);
            return true;
        }

        private static void CheckAttribute(string element, string what, string value, bool slashes)
        {
            if (value == null)
            {
                return;
            }

            foreach (char c in value)
            {
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ',' || (slashes && c == '/');
                if (!ok)
                {
                    throw new ArgumentException(element + ": " + what + "='" + value + "' holds '" + c + "'");
                }
            }
        }

        private static void Arity(string[] f, int min, int max, Func<string, FactsException> err)
        {
            if (f.Length < min || f.Length > max)
            {
                throw err("'" + f[0] + "' takes " + (min - 1) + (max > min ? " to " + (max - 1) : string.Empty) + " fields, found " + (f.Length - 1));
            }
        }

        private static string Member(string dotted, FactsPeripheral periph, Func<string, FactsException> err)
        {
            if (periph == null || !dotted.StartsWith(periph.Name + ".", StringComparison.Ordinal))
            {
                throw err(dotted + " does not follow its peripheral's 'periph' line"
                    + (periph == null ? string.Empty : " (the last peripheral is " + periph.Name + ")"));
            }

            return dotted.Substring(periph.Name.Length + 1);
        }

        private static uint Hex(string s, string what, Func<string, FactsException> err)
        {
            if (s.StartsWith("0x", StringComparison.Ordinal) && s.Length > 2
                && uint.TryParse(s.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v))
            {
                return v;
            }

            throw err(what + " '" + s + "' is not a 32-bit 0x hex number");
        }

        private static int Dec(string s, string what, Func<string, FactsException> err)
        {
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            {
                return v;
            }

            throw err(what + " '" + s + "' is not a decimal number");
        }

        private static FactsAccess Access(string s, Func<string, FactsException> err)
        {
            if (FactsAccessNames.TryParseToken(s, out FactsAccess a))
            {
                return a;
            }

            throw err("access '" + s + "' is not ro, wo, rw, wo1 or rw1");
        }
    }
}
