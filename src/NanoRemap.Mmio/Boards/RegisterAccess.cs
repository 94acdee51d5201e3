namespace NanoRemap.Boards
{
    /// <summary>
    /// How a peripheral register behaves, as the board map describes it (tock-registers' ReadWrite /
    /// ReadOnly / WriteOnly / Aliased, and the IDF <c>*_W1TS</c> / <c>*_W1TC</c> registers).
    /// </summary>
    public enum RegisterAccess
    {
        /// <summary>Plain read/write register (also every word of a block the map does not describe).</summary>
        ReadWrite = 0,

        /// <summary>Read-only: writes are ignored by the silicon.</summary>
        ReadOnly = 1,

        /// <summary>Write-only: reads return zero.</summary>
        WriteOnly = 2,

        /// <summary>Write-1-to-set alias: each 1 bit written sets that bit of the target register; reads return zero.</summary>
        W1ts = 3,

        /// <summary>Write-1-to-clear alias: each 1 bit written clears that bit of the target register; reads return zero.</summary>
        W1tc = 4,

        /// <summary>Reserved gap between registers: reads return zero, writes are ignored.</summary>
        Reserved = 5,
    }
}
