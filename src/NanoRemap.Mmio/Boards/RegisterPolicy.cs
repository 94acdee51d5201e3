namespace NanoRemap.Boards
{
    /// <summary>
    /// The register-level policy of a board (boards/&lt;chip&gt;/board.map lines <c>ro</c>, <c>deny</c>,
    /// <c>protect</c>): the same numbers as <c>NR_POLICY_*</c> in the native core.
    /// </summary>
    public enum RegisterPolicy
    {
        /// <summary>No register-level policy: the block's allow/deny decides.</summary>
        None = 0,

        /// <summary>Reads allowed, writes refused (<see cref="AccessCheck.ReadOnly"/>): eFuse data, chip identity.</summary>
        ReadOnly = 1,

        /// <summary>Reads and writes refused (<see cref="AccessCheck.Denied"/>): cache and flash control, CPU control, flash pads.</summary>
        Deny = 2,

        /// <summary>A write that changes any bit of the mask is refused (<see cref="AccessCheck.Denied"/>): the SPI0/1 reset bit, software system reset.</summary>
        Protect = 3,
    }
}
