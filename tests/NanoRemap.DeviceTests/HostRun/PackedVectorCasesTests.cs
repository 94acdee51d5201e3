using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using NanoRemap.Mm;
using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.DeviceTests;
using Xunit;
using EvalCase = NanoRemap.Tooling.Eval.EvalCase;
using EvalCaseParser = NanoRemap.Tooling.Eval.EvalCaseParser;
using EvalFlow = NanoRemap.Tooling.Eval.EvalFlow;
using EvalOp = NanoRemap.Tooling.Eval.EvalOp;
using EvalSettings = NanoRemap.Tooling.Eval.EvalSettings;

namespace NanoRemap.DeviceTests.HostRun
{
    /// <summary>
    /// VectorCases.g.cs carries each .vec file as packed bytes that <see cref="VectorCaseReader"/> decodes on the
    /// device. These tests hold the decoder to the .vec files themselves: every decoded case, field by field,
    /// equals the case and expected lines parsed here with the CLI's parser (a field decoded wrong, swapped or
    /// left out fails), every field is exercised by some vector, hand-packed bytes with every field set decode
    /// to those values, and data that breaks the layout is refused with the file and byte offset.
    /// </summary>
    public sealed class PackedVectorCasesTests
    {
        private static readonly FieldInfo[] CaseFields = typeof(VectorCase).GetFields(BindingFlags.Public | BindingFlags.Instance);

        [Fact]
        public void Decoded_cases_are_exactly_the_case_lines_of_the_vec_files()
        {
            string dir = Path.Combine(RepoRoot.Find(), "tests", "vectors");
            int compared = 0;
            for (int i = 0; i < VectorCases.Files.Length; i++)
            {
                string name = VectorCases.Files[i];
                VectorCase[] expected = FromVecFile(name, File.ReadAllText(Path.Combine(dir, name)));
                VectorFile decoded = VectorCases.Load(i);
                Assert.Equal(name, decoded.Name);
                Assert.Equal(expected.Length, decoded.Cases.Length);
                for (int k = 0; k < expected.Length; k++)
                {
                    foreach (FieldInfo f in CaseFields)
                    {
                        object want = f.GetValue(expected[k]);
                        object got = f.GetValue(decoded.Cases[k]);
                        Assert.True(Equals(want, got), $"{name}:{expected[k].Line}: {f.Name} decoded as {got}, the .vec line says {want}");
                    }

                    compared++;
                }
            }

            Assert.True(compared > 300, "expected the conformance vectors, compared " + compared + " cases");
        }

        // A field that no vector sets would be decoded wrong unnoticed by the test above.
        [Fact]
        public void Every_field_of_a_case_is_set_by_some_vector()
        {
            var unset = new HashSet<string>(CaseFields.Select(f => f.Name));
            for (int i = 0; i < VectorCases.Files.Length; i++)
            {
                foreach (VectorCase c in VectorCases.Load(i).Cases)
                {
                    foreach (FieldInfo f in CaseFields)
                    {
                        object v = f.GetValue(c);
                        if (!Equals(v, Activator.CreateInstance(f.FieldType)))
                        {
                            unset.Remove(f.Name);
                        }
                    }
                }
            }

            Assert.Empty(unset);
        }

        [Fact]
        public void The_packer_and_the_reader_share_one_field_table()
        {
            // Bit i of the mask is field i: the reader's count and the packer's names must be VectorCase's fields
            // after the constructor's (Line, Op, Mmu, Arch, PageShift), in declaration order.
            string[] afterCtor = CaseFields.Select(f => f.Name).Skip(5).ToArray();
            Assert.Equal(afterCtor, VectorCasePacker.Fields.Select(f => f.Name).ToArray());
            Assert.Equal(VectorCaseReader.FieldCount, VectorCasePacker.Fields.Count);
        }

        [Fact]
        public void Hand_packed_bytes_with_every_field_set_decode_to_their_values()
        {
            // Distinct values per field, the widest ones included, written by this test's own encoder.
            var values = new Dictionary<string, object>
            {
                ["VmLen"] = 0x1000UL, ["VmStart"] = ulong.MaxValue, ["VmEnd"] = 0x8000000000000000UL, ["Pgoff"] = 0x7FUL,
                ["Flags"] = 0x80UL, ["Prot"] = 0x3FFFUL, ["Phys"] = 0x3FF44000UL, ["Size"] = 0x4000UL, ["Len"] = 0x1234UL,
                ["Addr"] = 0x40000000UL, ["Pfn"] = 0x3FF44UL, ["Start"] = 0xFFFFFFFFUL, ["NrPages"] = 3UL,
                ["Action"] = VectorAction.MapKernelPagesFull, ["RawType"] = int.MinValue, ["ErrorOverride"] = int.MaxValue,
                ["SkipPrepare"] = true, ["Merged"] = true, ["Flow"] = MmapFlow.Compat, ["HasMappedRc"] = true, ["MappedRc"] = -1,
                ["ExpectRc"] = -4095, ["ExpectPfn"] = 0x100000000UL, ["ExpectPgoff"] = 5UL, ["ExpectFlags"] = 0x40444BBUL,
                ["ExpectPrepare"] = 64, ["ExpectPrepareSkipped"] = true, ["ExpectComplete"] = -64, ["ExpectCompleteSkipped"] = true,
                ["ExpectType"] = 7, ["ExpectWarns"] = 2,
            };
            var bytes = new List<byte> { 2 }; // two cases
            bytes.AddRange(HandPack(300, 3 | 4 | (2 << 3), 16, values));
            bytes.AddRange(HandPack(1, 1 | (1 << 3), 12, new Dictionary<string, object>())); // iomap nommu ilp32-phys64, nothing set

            VectorFile file = VectorCaseReader.Decode("hand.vec", bytes.ToArray());
            Assert.Equal("hand.vec", file.Name);
            Assert.Equal(2, file.Cases.Length);
            VectorCase c = file.Cases[0];
            Assert.Equal((300, VectorOp.Mmap, true, WordModel.Lp64, 16), (c.Line, c.Op, c.Mmu, c.Arch, c.PageShift));
            foreach (FieldInfo f in CaseFields.Skip(5))
            {
                Assert.True(values.ContainsKey(f.Name), "the test sets every field: " + f.Name);
                Assert.True(Equals(values[f.Name], f.GetValue(c)), $"{f.Name} decoded as {f.GetValue(c)}, packed {values[f.Name]}");
            }

            VectorCase empty = file.Cases[1];
            Assert.Equal((1, VectorOp.Iomap, false, WordModel.Ilp32Phys64, 12), (empty.Line, empty.Op, empty.Mmu, empty.Arch, empty.PageShift));
            foreach (FieldInfo f in CaseFields.Skip(5))
            {
                Assert.Equal(Activator.CreateInstance(f.FieldType), f.GetValue(empty));
            }
        }

        [Theory]
        [InlineData(new byte[] { }, "byte 0: the data ends early")]
        [InlineData(new byte[] { 1, 3, 0x03, 12, 0, 0, 0 }, "byte 7: the data ends early")] // mask cut short
        [InlineData(new byte[] { 1, 3, 0x03, 12, 0x01, 0, 0, 0 }, "byte 8: the data ends early")] // VmLen missing
        [InlineData(new byte[] { 1, 3, 0x03, 12, 0x01, 0, 0, 0, 0x80 }, "byte 9: the data ends early")] // varint cut short
        [InlineData(new byte[] { 1, 3, 0x03, 12, 0, 0, 0, 0x80 }, "has a bit above 30")]
        [InlineData(new byte[] { 1, 3, 0x1B, 12, 0, 0, 0, 0 }, "bad case header 0x1B")] // arch 3
        [InlineData(new byte[] { 1, 3, 0x03, 12, 0, 0, 0, 0, 0 }, "1 bytes after the last case")]
        [InlineData(new byte[] { 1, 3, 0x03, 12, 0, 0, 0x20, 0, 0x80, 0x80, 0x80, 0x80, 0x10 }, "a signed value wider than 32 bits")]
        [InlineData(new byte[] { 9, 3 }, "case count 9 is more than the data could hold")]
        public void Data_that_breaks_the_layout_is_refused_with_file_and_offset(byte[] data, string message)
        {
            var ex = Assert.Throws<ArgumentException>(() => VectorCaseReader.Decode("bad.vec", data));
            Assert.StartsWith("bad.vec: packed vector data, byte ", ex.Message);
            Assert.Contains(message, ex.Message);
        }

        // The cases of one .vec file as the device should hold them, from the CLI's parser and this rule (the
        // generator's, stated again here): every key of the line that is not 0; for op=mmap also the action,
        // raw_type, error_override, skip_prepare, merged, a flow that is not the model's own, mapped_rc, and the
        // expected prepare / complete / type / warns; error= lines are parser vectors and not on the device.
        private static VectorCase[] FromVecFile(string name, string text)
        {
            var cases = new List<VectorCase>();
            foreach (VectorLine v in VectorFileReader.Read(name, text))
            {
                if (v.ExpectedText.StartsWith("error=", StringComparison.Ordinal))
                {
                    continue;
                }

                EvalCase c = EvalCaseParser.Parse(v.CaseText, EvalSettings.Default);
                ExpectedOutput e = ExpectedOutput.Parse(c, v.ExpectedText);
                bool mmu = c.Model == KernelModel.Mmu;
                var d = new VectorCase(v.Line, (VectorOp)Enum.Parse(typeof(VectorOp), Pascal(c.Op.Name)), mmu, c.Arch, c.PageShift)
                {
                    VmLen = c.Get("vm_len"),
                    VmStart = c.Get("vm_start"),
                    VmEnd = c.Get("vm_end"),
                    Pgoff = c.Get("pgoff"),
                    Flags = c.Get("flags"),
                    Prot = c.Get("prot"),
                    Phys = c.Get("phys"),
                    Size = c.Get("size"),
                    Len = c.Get("len"),
                    Addr = c.Get("addr"),
                    Pfn = c.Get("pfn"),
                    Start = c.Get("start"),
                    NrPages = c.Get("nr_pages"),
                    ExpectRc = e.Rc,
                    ExpectPfn = e.Pfn,
                    ExpectPgoff = e.Pgoff,
                    ExpectFlags = e.Flags,
                };
                if (c.Op == EvalOp.Mmap)
                {
                    d.Action = (VectorAction)Enum.Parse(typeof(VectorAction), Pascal(c.Action.Name));
                    d.RawType = unchecked((int)(uint)c.Get("raw_type"));
                    d.ErrorOverride = c.GetInt("error_override");
                    d.SkipPrepare = c.Get("skip_prepare") == 1;
                    d.Merged = c.Get("merged") == 1;
                    d.Flow = mmu && c.Flow == EvalFlow.Compat ? MmapFlow.Compat : !mmu && c.Flow == EvalFlow.Region ? MmapFlow.Region : 0;
                    d.HasMappedRc = c.Has("mapped_rc");
                    d.MappedRc = c.GetInt("mapped_rc");
                    d.ExpectPrepare = e.Prepare;
                    d.ExpectPrepareSkipped = e.PrepareSkipped;
                    d.ExpectComplete = e.Complete;
                    d.ExpectCompleteSkipped = e.CompleteSkipped;
                    d.ExpectType = e.Type;
                    d.ExpectWarns = e.Warns;
                }

                cases.Add(d);
            }

            return cases.ToArray();
        }

        private static string Pascal(string snake) =>
            string.Concat(snake.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));

        // This test's own encoder for the layout in VectorCaseReader's remarks (not the generator's).
        private static byte[] HandPack(int line, int head, int pageShift, Dictionary<string, object> values)
        {
            var b = new List<byte>();
            Leb(b, (ulong)line);
            b.Add((byte)head);
            b.Add((byte)pageShift);
            string[] order = CaseFields.Skip(5).Select(f => f.Name).ToArray();
            uint mask = 0;
            var tail = new List<byte>();
            for (int bit = 0; bit < order.Length; bit++)
            {
                if (!values.TryGetValue(order[bit], out object v))
                {
                    continue;
                }

                mask |= 1u << bit;
                switch (v)
                {
                    case bool:
                        break;
                    case ulong u:
                        Leb(tail, u);
                        break;
                    case VectorAction a:
                        Leb(tail, (ulong)a);
                        break;
                    case int n:
                        Leb(tail, (uint)((n << 1) ^ (n >> 31)));
                        break;
                    default:
                        throw new ArgumentException(order[bit]);
                }
            }

            b.AddRange(BitConverter.GetBytes(mask));
            b.AddRange(tail);
            return b.ToArray();
        }

        private static void Leb(List<byte> b, ulong v)
        {
            for (; v >= 0x80; v >>= 7)
            {
                b.Add((byte)(v | 0x80));
            }

            b.Add((byte)v);
        }
    }
}
