using System;
using NanoRemap.Boards;

namespace NanoRemap.Mmio
{
    // The exceptions of the window paths, built out of line so the hot paths stay one flat frame.
    internal static class MmioErrors
    {
        internal static ArgumentException BadOffset(uint windowBase, uint size, uint offset)
        {
            if (size == 0)
            {
                return new ArgumentException("the window is not mapped (default MmioWindow)");
            }

            if (offset >= size)
            {
                return new ArgumentOutOfRangeException("offset", "offset 0x" + offset.ToString("X") + " is outside the window [0x"
                    + windowBase.ToString("X8") + ", +0x" + size.ToString("X") + ")");
            }

            return new ArgumentException("offset 0x" + offset.ToString("X") + " is not 4-byte aligned (registers are 32-bit)");
        }

        internal static ArgumentException FifoRead(uint address)
        {
            return new ArgumentException("read of FIFO register 0x" + address.ToString("X8")
                + " refused: an interrupt during it can halt later APB accesses (ESP32 errata CPU-3.21)");
        }

        // kind: the RegisterPolicy of the word (ReadOnly, Deny or Protect).
        internal static InvalidOperationException PolicyRefused(Mmio.RegisterBus bus, uint address, bool read, byte kind)
        {
            string chip = bus.Board.Chip;
            return new InvalidOperationException((read ? "read" : "write") + " of 0x" + address.ToString("X8") + " on " + chip + " refused: "
                + (kind == (byte)RegisterPolicy.ReadOnly ? "read-only" : "denied") + " by the board policy"
                + (kind == (byte)RegisterPolicy.Protect ? " (the write would change a protected bit)" : string.Empty)
                + " (boards/" + chip + "/board.map)");
        }

        internal static void CheckField(uint mask, int shift)
        {
            if (mask == 0 || shift < 0 || shift > 31 || ((ulong)mask << shift) > 0xFFFFFFFFUL)
            {
                throw new ArgumentOutOfRangeException("mask", "mask 0x" + mask.ToString("X") + " with shift " + shift.ToString()
                    + " is not a field of a 32-bit register");
            }
        }
    }
}
