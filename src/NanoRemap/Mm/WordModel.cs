namespace NanoRemap.Mm
{
    /// <summary>
    /// The C data model the engine computes in: the widths of <c>unsigned long</c> (and so of
    /// <c>pgoff_t</c> and pfns) and of <c>phys_addr_t</c>. Every result equals what C computes with
    /// those types, wrap-arounds included.
    /// </summary>
    public enum WordModel
    {
        /// <summary><c>unsigned long</c> and <c>phys_addr_t</c> are 32-bit: the ESP32 family, Cortex-M.</summary>
        Ilp32 = 0,

        /// <summary>32-bit <c>unsigned long</c>, 64-bit <c>phys_addr_t</c> (ARM LPAE, x86 PAE).</summary>
        Ilp32Phys64 = 1,

        /// <summary><c>unsigned long</c> and <c>phys_addr_t</c> are 64-bit (arm64, x86_64, riscv64).</summary>
        Lp64 = 2,
    }
}
