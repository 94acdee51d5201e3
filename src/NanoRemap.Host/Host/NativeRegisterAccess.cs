using System;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// Host twin of src/NanoRemap.Mmio/Mmio/NativeRegisterAccess.Device.cs: there is no ESP32 on the host, so the
    /// hardware register bus refuses every access. Use <see cref="RegisterBus.CreateSimulated"/> with a
    /// <see cref="RegisterSimulator"/> instead.
    /// </summary>
    internal static class NativeRegisterAccess
    {
        private const string Message =
            "there is no ESP32 on the host: the hardware register bus exists only in the nanoFramework firmware "
            + "with the NanoRemap interop library; use RegisterBus.CreateSimulated(new RegisterSimulator(board))";

        /// <summary>Always throws on the host.</summary>
        /// <param name="address">Physical address.</param>
        /// <returns>Never returns.</returns>
        /// <exception cref="PlatformNotSupportedException">Always.</exception>
        internal static uint NativeRead32(uint address)
        {
            throw new PlatformNotSupportedException(Message);
        }

        /// <summary>Always throws on the host.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="value">Value.</param>
        /// <exception cref="PlatformNotSupportedException">Always.</exception>
        internal static void NativeWrite32(uint address, uint value)
        {
            throw new PlatformNotSupportedException(Message);
        }

        /// <summary>Always throws on the host.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="clear">Bits to clear.</param>
        /// <param name="set">Bits to set.</param>
        /// <param name="toggle">Bits to toggle.</param>
        /// <returns>Never returns.</returns>
        /// <exception cref="PlatformNotSupportedException">Always.</exception>
        internal static uint NativeModify32(uint address, uint clear, uint set, uint toggle)
        {
            throw new PlatformNotSupportedException(Message);
        }

        /// <summary>Always throws on the host.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="step">0 or 4.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="index">First element.</param>
        /// <param name="count">Words.</param>
        /// <exception cref="PlatformNotSupportedException">Always.</exception>
        internal static void NativeReadBlock(uint address, uint step, uint[] buffer, int index, int count)
        {
            throw new PlatformNotSupportedException(Message);
        }

        /// <summary>Always throws on the host.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="step">0 or 4.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="index">First element.</param>
        /// <param name="count">Words.</param>
        /// <exception cref="PlatformNotSupportedException">Always.</exception>
        internal static void NativeWriteBlock(uint address, uint step, uint[] buffer, int index, int count)
        {
            throw new PlatformNotSupportedException(Message);
        }

        /// <summary>Always throws on the host.</summary>
        /// <param name="clockIndex">Clock table index.</param>
        /// <param name="operation">Operation.</param>
        /// <exception cref="PlatformNotSupportedException">Always.</exception>
        internal static void NativeClock(int clockIndex, int operation)
        {
            throw new PlatformNotSupportedException(Message);
        }
    }
}
