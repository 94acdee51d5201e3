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
    /// <c>DPORT_REG_READ</c>, and refuses single FIFO reads (errata CPU-3.21; <see cref="NativeReadBlock"/> with
    /// step 0 reads a FIFO the errata-safe way). A refused address raises <c>InvalidOperationException</c> whose
    /// message names the check and the address ("refused write of 0x3FF5A000 on esp32: denied"), the words of
    /// the register simulator (<c>RegisterSimulator</c>): the native code creates the exception with its message and returns
    /// <c>CLR_E_PROCESS_EXCEPTION</c>, so the hot path has no managed status check. The externs are called directly
    /// by <see cref="MmioWindow"/>'s IL and by <see cref="RegisterBus"/>: one managed frame on top of the native
    /// call (on the firmware the window's single-register operations are native themselves, see
    /// <see cref="MmioWindow"/>). Changing a signature here changes the native checksum: update <c>AssemblyNativeVersion</c>
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

        /// <summary>
        /// Native <c>NativeModify32___STATIC__U4__U4__U4__U4__U4</c>: checked atomic read-modify-write,
        /// <c>reg = ((reg &amp; ~clear) | set) ^ toggle</c> inside the firmware's critical section
        /// (<c>portENTER_CRITICAL_SAFE</c>); the register must pass the read and the write check.
        /// </summary>
        /// <param name="address">Physical address.</param>
        /// <param name="clear">Bits to clear.</param>
        /// <param name="set">Bits to set.</param>
        /// <param name="toggle">Bits to toggle (after clear and set).</param>
        /// <returns>The value before the write.</returns>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern uint NativeModify32(uint address, uint clear, uint set, uint toggle);

        /// <summary>
        /// Native <c>NativeReadBlock___STATIC__VOID__U4__U4__SZARRAY_U4__I4__I4</c>: <paramref name="count"/> checked
        /// reads at <c>address + step * i</c> (step 4: consecutive registers; step 0: one register, a FIFO read the
        /// errata-safe way) into <c>buffer[index ..]</c>; the whole range is checked before the first read.
        /// </summary>
        /// <param name="address">Physical address of the first word.</param>
        /// <param name="step">0 or 4.</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="index">First element written.</param>
        /// <param name="count">Number of words.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void NativeReadBlock(uint address, uint step, uint[] buffer, int index, int count);

        /// <summary>
        /// Native <c>NativeWriteBlock___STATIC__VOID__U4__U4__SZARRAY_U4__I4__I4</c>: <paramref name="count"/> checked
        /// writes of <c>buffer[index ..]</c> at <c>address + step * i</c>; the whole range is checked before the first write.
        /// </summary>
        /// <param name="address">Physical address of the first word.</param>
        /// <param name="step">0 or 4.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="index">First element read.</param>
        /// <param name="count">Number of words.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void NativeWriteBlock(uint address, uint step, uint[] buffer, int index, int count);

        /// <summary>
        /// Native <c>NativeClock___STATIC__VOID__I4__I4</c>: clock and reset control of the peripheral at
        /// <paramref name="clockIndex"/> in the board's native clock table by <c>nr_clock</c>'s ownership rule (a running
        /// clock is not taken; disable and reset of a clock NanoRemap does not own raise "not owned"), switched with
        /// <c>periph_module_enable</c> / <c>periph_module_disable</c> / <c>periph_module_reset</c>.
        /// </summary>
        /// <param name="clockIndex">The <see cref="NanoRemap.Boards.PeripheralClock.Index"/>.</param>
        /// <param name="operation">0 enable, 1 disable, 2 reset.</param>
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void NativeClock(int clockIndex, int operation);

        #endregion
    }
}
