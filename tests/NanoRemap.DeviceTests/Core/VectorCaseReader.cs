using System;
using NanoRemap.Mm;

namespace NanoRemap.DeviceTests
{
    /// <summary>
    /// Decodes the packed vector data of VectorCases.g.cs (one constant <c>byte[]</c> per .vec file, written by
    /// src/NanoRemap.Tooling/DeviceTests/VectorCasePacker.cs) into <see cref="VectorCase"/> objects, one file at
    /// a time. A constant byte array is stored by the compiler as a raw data blob (one
    /// <c>RuntimeHelpers.InitializeArray</c>), so the cases cost a few bytes of data each instead of IL per field:
    /// a nanoFramework assembly addresses its bytecode with 16-bit offsets.
    /// </summary>
    /// <remarks>
    /// Layout of one file (all multi-byte values little-endian):
    /// <code>
    /// file := count:uvarint case*count          (nothing may follow the last case)
    /// case := line:uvarint  head:u8  page_shift:u8  mask:u32  value*
    /// head := op (bits 0-1, VectorOp) | mmu (bit 2) | arch (bits 3-4, WordModel); bits 5-7 are 0
    /// </code>
    /// Bit <c>i</c> of <c>mask</c> says field <c>i</c> of the table below is not 0 / false (a clear bit leaves the
    /// field at its default); the values of the set bits follow in bit order. A flag field has no value (its bit is
    /// <c>true</c>); a <c>u</c> field is an unsigned LEB128 varint (7 bits a byte, low group first, bit 7 set on
    /// every byte but the last, at most 10 bytes); an <c>s</c> field is a 32-bit int, zigzag-coded
    /// (<c>(n &lt;&lt; 1) ^ (n &gt;&gt; 31)</c>) then written as an unsigned varint (at most 5 bytes).
    /// <code>
    ///  0 VmLen u    8 Len u            16 SkipPrepare flag   24 ExpectFlags u
    ///  1 VmStart u  9 Addr u           17 Merged flag        25 ExpectPrepare s
    ///  2 VmEnd u   10 Pfn u            18 Flow s             26 ExpectPrepareSkipped flag
    ///  3 Pgoff u   11 Start u          19 HasMappedRc flag   27 ExpectComplete s
    ///  4 Flags u   12 NrPages u        20 MappedRc s         28 ExpectCompleteSkipped flag
    ///  5 Prot u    13 Action u         21 ExpectRc s         29 ExpectType s
    ///  6 Phys u    14 RawType s        22 ExpectPfn u        30 ExpectWarns s
    ///  7 Size u    15 ErrorOverride s  23 ExpectPgoff u      (bit 31 is never set)
    /// </code>
    /// Data that does not follow the layout (a value past the end, an unknown bit, bytes after the last case)
    /// throws <see cref="ArgumentException"/> naming the file and the byte offset.
    /// </remarks>
    internal sealed class VectorCaseReader
    {
        /// <summary>How many fields the mask describes (bits 0 .. FieldCount - 1).</summary>
        internal const int FieldCount = 31;

        private readonly string _name;
        private readonly byte[] _data;
        private int _at;

        private VectorCaseReader(string name, byte[] data)
        {
            _name = name;
            _data = data;
        }

        /// <summary>Decodes the packed cases of one .vec file.</summary>
        /// <param name="name">The file name, e.g. <c>prep.vec</c> (for <see cref="VectorFile.Name"/> and errors).</param>
        /// <param name="data">The file's packed data (layout in the remarks of <see cref="VectorCaseReader"/>).</param>
        /// <returns>The file's cases, in file order.</returns>
        /// <exception cref="ArgumentException">The data does not follow the layout.</exception>
        internal static VectorFile Decode(string name, byte[] data)
        {
            VectorCaseReader r = new VectorCaseReader(name, data);
            ulong count = r.ReadUnsigned();
            if (count > (ulong)data.Length)
            {
                throw r.Error("case count " + count.ToString() + " is more than the data could hold");
            }

            VectorCase[] cases = new VectorCase[(int)count];
            for (int i = 0; i < cases.Length; i++)
            {
                cases[i] = r.ReadCase();
            }

            if (r._at != data.Length)
            {
                throw r.Error((data.Length - r._at).ToString() + " bytes after the last case");
            }

            return new VectorFile(name, cases);
        }

        private VectorCase ReadCase()
        {
            int line = (int)ReadUnsigned();
            int head = ReadByte();
            if ((head & 0xE0) != 0 || (head >> 3) > (int)WordModel.Lp64)
            {
                throw Error("bad case header 0x" + head.ToString("X2"));
            }

            VectorCase c = new VectorCase(line, (VectorOp)(head & 3), (head & 4) != 0, (WordModel)(head >> 3), ReadByte());
            uint mask = (uint)ReadByte() | ((uint)ReadByte() << 8) | ((uint)ReadByte() << 16) | ((uint)ReadByte() << 24);
            if ((mask >> FieldCount) != 0)
            {
                throw Error("field mask 0x" + mask.ToString("X8") + " has a bit above " + (FieldCount - 1).ToString());
            }

            for (int bit = 0; bit < FieldCount; bit++)
            {
                if ((mask & (1u << bit)) != 0)
                {
                    Set(c, bit);
                }
            }

            return c;
        }

        // Field `bit` of the table in the remarks: reads its value (none for a flag) and stores it.
        private void Set(VectorCase c, int bit)
        {
            switch (bit)
            {
                case 0: c.VmLen = ReadUnsigned(); break;
                case 1: c.VmStart = ReadUnsigned(); break;
                case 2: c.VmEnd = ReadUnsigned(); break;
                case 3: c.Pgoff = ReadUnsigned(); break;
                case 4: c.Flags = ReadUnsigned(); break;
                case 5: c.Prot = ReadUnsigned(); break;
                case 6: c.Phys = ReadUnsigned(); break;
                case 7: c.Size = ReadUnsigned(); break;
                case 8: c.Len = ReadUnsigned(); break;
                case 9: c.Addr = ReadUnsigned(); break;
                case 10: c.Pfn = ReadUnsigned(); break;
                case 11: c.Start = ReadUnsigned(); break;
                case 12: c.NrPages = ReadUnsigned(); break;
                case 13: c.Action = (VectorAction)(int)ReadUnsigned(); break;
                case 14: c.RawType = ReadSigned(); break;
                case 15: c.ErrorOverride = ReadSigned(); break;
                case 16: c.SkipPrepare = true; break;
                case 17: c.Merged = true; break;
                case 18: c.Flow = ReadSigned(); break;
                case 19: c.HasMappedRc = true; break;
                case 20: c.MappedRc = ReadSigned(); break;
                case 21: c.ExpectRc = ReadSigned(); break;
                case 22: c.ExpectPfn = ReadUnsigned(); break;
                case 23: c.ExpectPgoff = ReadUnsigned(); break;
                case 24: c.ExpectFlags = ReadUnsigned(); break;
                case 25: c.ExpectPrepare = ReadSigned(); break;
                case 26: c.ExpectPrepareSkipped = true; break;
                case 27: c.ExpectComplete = ReadSigned(); break;
                case 28: c.ExpectCompleteSkipped = true; break;
                case 29: c.ExpectType = ReadSigned(); break;
                default: c.ExpectWarns = ReadSigned(); break; // 30: ReadCase never passes a higher bit
            }
        }

        private int ReadByte()
        {
            if (_at >= _data.Length)
            {
                throw Error("the data ends early");
            }

            return _data[_at++];
        }

        // Unsigned LEB128, at most 10 bytes (64 bits).
        private ulong ReadUnsigned()
        {
            ulong v = 0;
            for (int shift = 0; shift < 70; shift += 7)
            {
                int b = ReadByte();
                v |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return v;
                }
            }

            throw Error("a varint longer than 10 bytes");
        }

        // A zigzag-coded 32-bit int.
        private int ReadSigned()
        {
            ulong z = ReadUnsigned();
            if (z > 0xFFFFFFFFUL)
            {
                throw Error("a signed value wider than 32 bits");
            }

            uint u = (uint)z;
            return (int)(u >> 1) ^ -(int)(u & 1);
        }

        private ArgumentException Error(string what)
        {
            return new ArgumentException(_name + ": packed vector data, byte " + _at.ToString() + ": " + what);
        }
    }
}
