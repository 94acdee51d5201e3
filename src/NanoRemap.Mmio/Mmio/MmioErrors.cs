using System;
using NanoRemap.Boards;

namespace NanoRemap.Mmio
{
    // The exceptions of the window paths, built out of line so the hot paths stay one flat frame. Every refusal names
    // its check with the words of nr_check_name (boards/native/core/nanoremap_core.c): "misaligned", "unmapped",
    // "denied", "read-only", "fifo", and the address - the same words the firmware's native layer puts in its
    // InvalidOperationException ("refused write of 0x3FF5A000 on esp32: denied").
    internal static class MmioErrors
    {
        // Operation names of the refusal messages (also the native layer's).
        internal const string OpRead = "read";
        internal const string OpWrite = "write";
        internal const string OpModify = "modify";
        internal const string OpBlockRead = "block read";
        internal const string OpBlockWrite = "block write";

        internal static ArgumentException BadOffset(uint windowBase, uint size, uint offset)
        {
            if (size == 0)
            {
                return new ArgumentException("the window is not mapped (default MmioWindow)");
            }

            if (offset >= size)
            {
                return new ArgumentOutOfRangeException("offset", "offset 0x" + offset.ToString("X") + " (0x" + (windowBase + offset).ToString("X8")
                    + ") is outside the window [0x" + windowBase.ToString("X8") + ", +0x" + size.ToString("X") + "): unmapped");
            }

            return new ArgumentException("offset 0x" + offset.ToString("X") + " (0x" + (windowBase + offset).ToString("X8")
                + ") is not 4-byte aligned (registers are 32-bit): misaligned");
        }

        // A block transfer's arguments: the buffer range, or a register range that leaves the window.
        internal static Exception BadBlock(uint windowBase, uint size, uint offset, uint[] buffer, int index, int count)
        {
            if (buffer == null)
            {
                return new ArgumentNullException("buffer");
            }

            if (index < 0 || count < 0 || count > buffer.Length - index)
            {
                return new ArgumentOutOfRangeException("count", "index " + index.ToString() + " and count " + count.ToString()
                    + " are not a range of the buffer (length " + buffer.Length.ToString() + ")");
            }

            if ((offset & 3) != 0 || offset >= size)
            {
                return BadOffset(windowBase, size, offset);
            }

            return new ArgumentOutOfRangeException("count", count.ToString() + " words from offset 0x" + offset.ToString("X")
                + " leave the window [0x" + windowBase.ToString("X8") + ", +0x" + size.ToString("X") + "): unmapped");
        }

        internal static ArgumentOutOfRangeException BadPackedField(uint field)
        {
            return new ArgumentOutOfRangeException("field", "0x" + field.ToString("X") + " is no packed field ((width << 8) | lsb)");
        }

        // kind: the RegisterPolicy of the word (ReadOnly, Deny or Protect).
        internal static void CheckField(uint mask, int shift)
        {
            if (mask == 0 || shift < 0 || shift > 31 || ((ulong)mask << shift) > 0xFFFFFFFFUL)
            {
                throw BadField(mask, shift);
            }
        }

        internal static ArgumentOutOfRangeException BadField(uint mask, int shift)
        {
            return new ArgumentOutOfRangeException("mask", "mask 0x" + mask.ToString("X") + " with shift " + shift.ToString()
                + " is not a field of a 32-bit register");
        }

        internal static ArgumentOutOfRangeException BadFieldValue(uint mask, uint value)
        {
            return new ArgumentOutOfRangeException("value", "0x" + value.ToString("X") + " does not fit the field mask 0x" + mask.ToString("X"));
        }

        /// <summary>The refusal word of a decision: nr_check_name's.</summary>
        internal static string CheckName(AccessCheck check)
        {
            switch (check)
            {
                case AccessCheck.Ok:
                    return "ok";
                case AccessCheck.Dport:
                    return "dport";
                case AccessCheck.Misaligned:
                    return "misaligned";
                case AccessCheck.Unmapped:
                    return "unmapped";
                case AccessCheck.Denied:
                    return "denied";
                case AccessCheck.Fifo:
                    return "fifo";
                case AccessCheck.ReadOnly:
                    return "read-only";
                case AccessCheck.NotOwned:
                    return "not owned";
                default:
                    return "?";
            }
        }

        /// <summary>The native layer's refusal, word for word: "refused write of 0x3FF5A000 on esp32: denied".</summary>
        // A refused clock operation in the firmware's words (nr_interop_refuse: "refused clock %u on %s: %s"): Unmapped for
        // a descriptor that is not the board's entry at its index (an index outside the firmware's table), NotOwned for a
        // disable or reset of a clock NanoRemap did not turn on (nr_clock).
        internal static InvalidOperationException RefusedClock(int index, string chip, AccessCheck check)
        {
            return new InvalidOperationException("refused clock " + index.ToString() + " on " + chip + ": " + CheckName(check));
        }

        internal static InvalidOperationException Refused(string operation, uint address, string chip, AccessCheck check)
        {
            return new InvalidOperationException("refused " + operation + " of 0x" + address.ToString("X8") + " on " + chip + ": " + CheckName(check));
        }
    }
}
