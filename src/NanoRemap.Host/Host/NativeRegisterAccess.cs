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
    }
}
