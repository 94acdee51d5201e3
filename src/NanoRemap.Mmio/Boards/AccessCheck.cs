namespace NanoRemap.Boards
{
    /// <summary>
    /// The allow-list decision for one 32-bit access, shared by the managed map, the simulator and the
    /// native core (<c>nr_check</c> in boards/native/core/nanoremap_core.h returns the same numbers), and the
    /// refusal of a clock operation (<c>nr_clock</c>: <see cref="Unmapped"/>, <see cref="NotOwned"/>).
    /// </summary>
    public enum AccessCheck
    {
        /// <summary>Allowed: a plain volatile 32-bit access.</summary>
        Ok = 0,

        /// <summary>Allowed: a read in the classic ESP32's DPORT range, done with <c>DPORT_REG_READ</c> on the device.</summary>
        Dport = 1,

        /// <summary>Refused: the address is not 4-byte aligned (the IDF accessors are 32-bit only).</summary>
        Misaligned = 2,

        /// <summary>Refused: the address is in no peripheral block of the board map.</summary>
        Unmapped = 3,

        /// <summary>Refused: the block is marked <c>deny</c> (security-sensitive, not mappable by default).</summary>
        Denied = 4,

        /// <summary>Refused: a read of a classic-ESP32 FIFO register (errata CPU-3.21).</summary>
        Fifo = 5,

        /// <summary>Refused: a write to a register the board policy makes read-only (eFuse data, chip identity).</summary>
        ReadOnly = 6,

        /// <summary>
        /// Refused: <c>DisableClock</c> / <c>ResetPeripheral</c> of a peripheral clock NanoRemap did not turn on (it was
        /// off, or already running for the firmware's own driver when it was enabled); a clock operation only.
        /// </summary>
        NotOwned = 7,
    }
}
