using NanoRemap.Mm;
using NanoRemap.Tooling.Config;
using NanoRemap.Tooling.Eval;

namespace NanoRemap.Tooling.DeviceTests;

/// <summary>
/// Packs the vector cases of one .vec file into the bytes VectorCases.g.cs carries as a constant <c>byte[]</c>
/// (raw data for the compiler, one <c>RuntimeHelpers.InitializeArray</c> on the nanoCLR) and that
/// tests/NanoRemap.DeviceTests/Core/VectorCaseReader.cs decodes on the device into <c>VectorCase</c> objects.
/// </summary>
/// <remarks>
/// Layout (little-endian; the same table is in the remarks of <c>VectorCaseReader</c>, and a host test decodes
/// what this writes):
/// <code>
/// file := count:uvarint case*count
/// case := line:uvarint  head:u8  page_shift:u8  mask:u32  value*
/// head := op (bits 0-1: prep 0, iomap 1, remap_pfn_range 2, mmap 3) | mmu (bit 2) | arch (bits 3-4: WordModel)
/// </code>
/// Bit <c>i</c> of <c>mask</c> is set when field <c>i</c> (<see cref="Fields"/>) is not 0 / false; the set fields'
/// values follow in bit order: nothing for a flag, an unsigned LEB128 varint for a <c>u</c> field, a zigzag-coded
/// 32-bit int as an unsigned varint for an <c>s</c> field. Which keys are fields of a case (and when) is the
/// generator's rule: every key of the line that is not 0, and for <c>op=mmap</c> the action, raw_type,
/// error_override, skip_prepare, merged, a flow that is not the model's own, and mapped_rc.
/// </remarks>
public static class VectorCasePacker
{
    /// <summary>How a field is written.</summary>
    public enum Kind
    {
        /// <summary>An unsigned LEB128 varint (64 bits).</summary>
        Unsigned,

        /// <summary>A 32-bit int, zigzag-coded, as an unsigned varint.</summary>
        Signed,

        /// <summary>No value: the mask bit is the field (<c>true</c>).</summary>
        Flag,
    }

    /// <summary>The fields of <c>VectorCase</c> after the constructor's, by mask bit (index = bit).</summary>
    public static readonly IReadOnlyList<(string Name, Kind Kind)> Fields = new (string, Kind)[]
    {
        ("VmLen", Kind.Unsigned), ("VmStart", Kind.Unsigned), ("VmEnd", Kind.Unsigned), ("Pgoff", Kind.Unsigned),
        ("Flags", Kind.Unsigned), ("Prot", Kind.Unsigned), ("Phys", Kind.Unsigned), ("Size", Kind.Unsigned),
        ("Len", Kind.Unsigned), ("Addr", Kind.Unsigned), ("Pfn", Kind.Unsigned), ("Start", Kind.Unsigned),
        ("NrPages", Kind.Unsigned), ("Action", Kind.Unsigned), ("RawType", Kind.Signed), ("ErrorOverride", Kind.Signed),
        ("SkipPrepare", Kind.Flag), ("Merged", Kind.Flag), ("Flow", Kind.Signed), ("HasMappedRc", Kind.Flag),
        ("MappedRc", Kind.Signed), ("ExpectRc", Kind.Signed), ("ExpectPfn", Kind.Unsigned), ("ExpectPgoff", Kind.Unsigned),
        ("ExpectFlags", Kind.Unsigned), ("ExpectPrepare", Kind.Signed), ("ExpectPrepareSkipped", Kind.Flag),
        ("ExpectComplete", Kind.Signed), ("ExpectCompleteSkipped", Kind.Flag), ("ExpectType", Kind.Signed),
        ("ExpectWarns", Kind.Signed),
    };

    /// <summary>The <c>action=</c> values as the device's <c>VectorAction</c> numbers them.</summary>
    private static readonly string[] Actions =
    {
        "nothing", "remap", "remap_full", "ioremap", "ioremap_full", "simple_ioremap", "map_kernel_pages", "map_kernel_pages_full", "raw",
    };

    /// <summary>The count prefix of a file of <paramref name="count"/> cases.</summary>
    /// <param name="count">How many cases follow.</param>
    /// <returns>The bytes.</returns>
    public static byte[] FileHeader(int count)
    {
        var b = new List<byte>();
        Unsigned(b, (ulong)count);
        return b.ToArray();
    }

    /// <summary>The fields of a case that are not 0 / false, by name, as the device's <c>VectorCase</c> holds them.</summary>
    /// <param name="c">The parsed case line.</param>
    /// <param name="e">Its parsed expected line.</param>
    /// <returns>(field, value) in mask-bit order; ints are their 32-bit value sign-extended, flags 1.</returns>
    public static List<(string Name, long Value)> NonZeroFields(EvalCase c, ExpectedOutput e)
    {
        var f = new List<(string, long)>();
        void U(string field, ulong v)
        {
            if (v != 0)
            {
                f.Add((field, unchecked((long)v)));
            }
        }

        void I(string field, int v)
        {
            if (v != 0)
            {
                f.Add((field, v));
            }
        }

        U("VmLen", c.Get("vm_len"));
        U("VmStart", c.Get("vm_start"));
        U("VmEnd", c.Get("vm_end"));
        U("Pgoff", c.Get("pgoff"));
        U("Flags", c.Get("flags"));
        U("Prot", c.Get("prot"));
        U("Phys", c.Get("phys"));
        U("Size", c.Get("size"));
        U("Len", c.Get("len"));
        U("Addr", c.Get("addr"));
        U("Pfn", c.Get("pfn"));
        U("Start", c.Get("start"));
        U("NrPages", c.Get("nr_pages"));
        if (c.Op == EvalOp.Mmap)
        {
            int action = Array.IndexOf(Actions, (c.Action ?? EvalAction.Nothing).Name);
            if (action < 0)
            {
                throw new FormatException("action=" + c.Action!.Name + " has no VectorAction value");
            }

            I("Action", action);
            I("RawType", unchecked((int)(uint)c.Get("raw_type")));
            I("ErrorOverride", c.GetInt("error_override"));
            I("SkipPrepare", c.Get("skip_prepare") == 1 ? 1 : 0);
            I("Merged", c.Get("merged") == 1 ? 1 : 0);
            if (c.Model == KernelModel.Mmu && c.Flow == EvalFlow.Compat)
            {
                I("Flow", MmapFlow.Compat);
            }
            else if (c.Model == KernelModel.Nommu && c.Flow == EvalFlow.Region)
            {
                I("Flow", MmapFlow.Region);
            }

            if (c.Has("mapped_rc"))
            {
                I("HasMappedRc", 1);
                I("MappedRc", c.GetInt("mapped_rc"));
            }
        }

        I("ExpectRc", e.Rc);
        U("ExpectPfn", e.Pfn);
        U("ExpectPgoff", e.Pgoff);
        U("ExpectFlags", e.Flags);
        if (c.Op == EvalOp.Mmap)
        {
            I("ExpectPrepare", e.Prepare);
            I("ExpectPrepareSkipped", e.PrepareSkipped ? 1 : 0);
            I("ExpectComplete", e.Complete);
            I("ExpectCompleteSkipped", e.CompleteSkipped ? 1 : 0);
            I("ExpectType", e.Type);
            I("ExpectWarns", e.Warns);
        }

        return f;
    }

    /// <summary>Packs one case.</summary>
    /// <param name="line">1-based line of the case in its .vec file.</param>
    /// <param name="c">The parsed case line.</param>
    /// <param name="e">Its parsed expected line.</param>
    /// <returns>The case's bytes.</returns>
    /// <exception cref="FormatException">A value the layout cannot hold (page_shift above 255).</exception>
    public static byte[] Pack(int line, EvalCase c, ExpectedOutput e)
    {
        int op = c.Op == EvalOp.Prep ? 0 : c.Op == EvalOp.Iomap ? 1 : c.Op == EvalOp.RemapPfnRange ? 2 : 3;
        int arch = (int)c.Arch;
        if (c.PageShift < 0 || c.PageShift > 255 || arch < 0 || arch > 3 || line < 1)
        {
            throw new FormatException($"page_shift={c.PageShift} / arch={c.Arch} / line {line} does not fit the packed layout");
        }

        var b = new List<byte>();
        Unsigned(b, (ulong)line);
        b.Add((byte)(op | (c.Model == KernelModel.Mmu ? 4 : 0) | (arch << 3)));
        b.Add((byte)c.PageShift);
        List<(string Name, long Value)> fields = NonZeroFields(c, e);
        uint mask = 0;
        var values = new List<byte>();
        int last = -1;
        foreach ((string name, long value) in fields)
        {
            int bit = IndexOf(name);
            if (bit <= last)
            {
                throw new InvalidOperationException("fields out of mask-bit order at " + name);
            }

            last = bit;
            mask |= 1u << bit;
            switch (Fields[bit].Kind)
            {
                case Kind.Unsigned:
                    Unsigned(values, unchecked((ulong)value));
                    break;
                case Kind.Signed:
                    int n = checked((int)value);
                    Unsigned(values, unchecked((uint)((n << 1) ^ (n >> 31))));
                    break;
            }
        }

        b.AddRange(BitConverter.IsLittleEndian ? BitConverter.GetBytes(mask) : BitConverter.GetBytes(mask).Reverse());
        b.AddRange(values);
        return b.ToArray();
    }

    private static int IndexOf(string field)
    {
        for (int i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Name == field)
            {
                return i;
            }
        }

        throw new ArgumentException("no packed field " + field, nameof(field));
    }

    private static void Unsigned(List<byte> b, ulong v)
    {
        while (v >= 0x80)
        {
            b.Add((byte)(v | 0x80));
            v >>= 7;
        }

        b.Add((byte)v);
    }
}
