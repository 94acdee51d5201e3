namespace NanoRemap.Tooling.Native;

/// <summary>
/// The window operations that the NanoRemap interop library implements natively although they have IL: their
/// <c>method_lookup[]</c> slots name a handler (boards/native/interop/NanoRemap_Mmio_NanoRemap_Mmio_MmioWindow.cpp),
/// so on a firmware with the library the nanoCLR runs the handler instead of the IL
/// (<c>CLR_RT_StackFrame::Push</c>: a non-NULL <c>m_nativeCode[method]</c> wins) and a register access costs one
/// InternalCall, no managed frame. The handler takes the hardware path itself (an aligned offset in the window, no
/// simulator, no window guard on the word) and otherwise runs the method's own IL, so the simulator, the argument
/// checks and the refusal words stay the managed code's. Where no native table is registered (the host, a nanoCLR
/// without the library) the IL runs. The checksum does not change: the MetadataProcessor counts these methods as
/// "NULL" (they have IL).
/// </summary>
public static class NativeFastPaths
{
    /// <summary>The type whose methods are listed.</summary>
    public const string WindowType = "NanoRemap.Mmio.MmioWindow";

    /// <summary>Method names of <see cref="WindowType"/> with a native implementation (every overload).</summary>
    public static readonly IReadOnlyList<string> WindowMethods = new[]
    {
        "Read32", "Write32", "Modify", "SetBits", "ClearBits", "ToggleBits", "SetField",
    };

    /// <summary>"Namespace.Type::Method" of every fast path, as <see cref="NativeChecksum.Compute(string, IReadOnlyCollection{string}?, IReadOnlyCollection{string}?)"/> takes them.</summary>
    public static IReadOnlyCollection<string> All { get; } = WindowMethods.Select(m => WindowType + "::" + m).ToHashSet(StringComparer.Ordinal);
}
