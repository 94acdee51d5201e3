using System;

namespace NanoRemap.Facts
{
    /// <summary>
    /// The access kinds of a field beyond its plain access (<c>field</c> line flags, see /boards/README.md):
    /// what the hardware does on its own or on a write or read. <c>w1c</c> and <c>cor</c> come from the SVD or
    /// ESP-IDF; <c>sc</c>, <c>ss</c>, <c>wt</c>, <c>w1s</c> from ESP-IDF's register headers.
    /// </summary>
    [Flags]
    public enum FactsKinds
    {
        /// <summary>No special kind.</summary>
        None = 0,

        /// <summary><c>w1c</c>: writing 1 clears the bit, writing 0 leaves it (IDF <c>WTC</c>; SVD oneToClear).</summary>
        WriteOneToClear = 1,

        /// <summary><c>cor</c>: reading clears the field (IDF <c>RC</c>; SVD readAction clear).</summary>
        ClearOnRead = 2,

        /// <summary><c>sc</c>: self-clearing: software writes 1, the hardware clears it again (IDF <c>SC</c>).</summary>
        SelfClearing = 4,

        /// <summary><c>ss</c>: set by the hardware (IDF <c>SS</c>).</summary>
        SetByHardware = 8,

        /// <summary><c>wt</c>: write-trigger: a write of 1 starts an action, the field reads 0 (IDF <c>WT</c>, <c>WS</c>).</summary>
        WriteTrigger = 16,

        /// <summary><c>w1s</c>: writing 1 sets the bit, writing 0 leaves it (IDF <c>WTS</c>).</summary>
        WriteOneToSet = 32,
    }
}
