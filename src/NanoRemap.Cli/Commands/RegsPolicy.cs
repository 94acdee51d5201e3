using NanoRemap.Boards;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// The <c>policy=</c> word of <c>nanoremap regs</c>: what the board's allow-list decides for a register address.
/// One function, so the register-level policy (board.map, helper "boards") can replace it.
/// </summary>
internal static class RegsPolicy
{
    /// <summary>
    /// <c>allow</c>, <c>denied</c>, <c>unmapped</c>, <c>read-only</c> (reads allowed, writes refused) or <c>fifo</c>
    /// (reads refused) from the chip's board map; <c>n/a</c> when the chip has no board map yet.
    /// </summary>
    /// <param name="chip">Chip name.</param>
    /// <param name="address">Register address.</param>
    /// <returns>The word.</returns>
    public static string Describe(string chip, uint address)
    {
        if (Array.IndexOf(BoardMap.Names(), chip) < 0)
        {
            return "n/a";
        }

        BoardMap map = BoardMap.Get(chip);
        AccessCheck read = map.Check(address, true);
        AccessCheck write = map.Check(address, false);
        if (read == AccessCheck.Fifo)
        {
            return "fifo";
        }

        if (map.PolicyAt(address, out uint protectedBits) == RegisterPolicy.Protect)
        {
            return "protect:0x" + protectedBits.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (write == AccessCheck.ReadOnly && (read == AccessCheck.Ok || read == AccessCheck.Dport))
        {
            return "read-only";
        }

        return read switch
        {
            AccessCheck.Ok or AccessCheck.Dport => "allow",
            AccessCheck.Denied => "denied",
            AccessCheck.Unmapped => "unmapped",
            AccessCheck.Misaligned => "misaligned",
            _ => read.ToString().ToLowerInvariant(),
        };
    }
}
