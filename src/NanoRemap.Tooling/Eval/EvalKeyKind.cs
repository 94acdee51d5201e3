namespace NanoRemap.Tooling.Eval;

/// <summary>The C type (or word set) of an eval key, which decides how its value is parsed and how wide it may be.</summary>
public enum EvalKeyKind
{
    /// <summary>A word from a fixed set: <c>op</c>, <c>model</c>, <c>arch</c>, <c>action</c>, <c>flow</c>.</summary>
    Word,

    /// <summary><c>unsigned long</c> (and <c>pgoff_t</c>): 32-bit on ilp32 and ilp32-phys64, 64-bit on lp64.</summary>
    ULong,

    /// <summary><c>phys_addr_t</c>: 32-bit only on ilp32.</summary>
    Phys,

    /// <summary>An opaque 64-bit value: <c>pgprot_t</c>.</summary>
    U64,

    /// <summary>A C <c>int</c>: negative decimal, or <c>0x</c> hex read as 32-bit two's complement.</summary>
    Int32,

    /// <summary>A 32-bit unsigned value: the raw <c>enum mmap_action_type</c> a hook may write.</summary>
    UInt32,

    /// <summary>A flag of the flow: 0 or 1.</summary>
    Bool01,

    /// <summary>PAGE_SHIFT: 1..BITS_PER_LONG-1 of the case's arch.</summary>
    PageShift,
}
