using System.Runtime.CompilerServices;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// The ESP32 register bus of the firmware: InternalCall methods implemented by the NanoRemap interop
    /// library (boards/native/interop, built into the nanoFramework ESP32 firmware with
    /// <c>NF_INTEROP_ASSEMBLIES</c>). Compiled only into the nanoFramework build; the host build uses
    /// src/NanoRemap.Host/Host/NativeRegisterAccess.cs instead.
    /// </summary>
    /// <remarks>
    /// The native side re-checks every address against the same generated allow-list (managed code is not
    /// the only guard), uses volatile 32-bit accesses, reads the classic ESP32's DPORT range with
    /// <c>DPORT_REG_READ</c>, and refuses FIFO reads (errata CPU-3.21). A refused address raises
    /// <c>InvalidOperationException</c> (<c>CLR_E_INVALID_OPERATION</c>). The externs are called directly
    /// by <see cref="MmioWindow"/> and <see cref="RegisterBus"/>: one managed frame on top of the native
    /// call. Changing a signature here changes the native checksum: update <c>AssemblyNativeVersion</c>
    /// and recompute the checksum with <c>nanoremap native-checksum</c>.
    /// </remarks>
    internal static class NativeRegisterAccess
    {
        #region native

        /// <summary>Native <c>NativeRead32___STATIC__U4__U4</c>: checked volatile (or DPORT-safe) 32-bit read.</summary>
        /// <param name="address">Physical address.</param>
        /// <returns>The register value.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern uint NativeRead32(uint address);

        /// <summary>Native <c>NativeWrite32___STATIC__VOID__U4__U4</c>: checked volatile 32-bit write.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="value">Value to write.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void NativeWrite32(uint address, uint value);

        #endregion
    }
}
