using System;
using NanoRemap.Boards;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// The seam between <see cref="MmioWindow"/>s and the hardware: 32-bit aligned reads and writes at a
    /// physical address of one board. Two implementations behind one sealed class: the ESP32 hardware (native
    /// InternalCalls into the firmware's interop library, called directly, no virtual dispatch) and a
    /// <see cref="SimulatedBus"/> (the register simulator <c>RegisterSimulator</c> of the NanoRemap.Mmio.Simulation
    /// assembly; only this branch is a virtual call).
    /// </summary>
    /// <remarks>
    /// <see cref="Read32"/> and <see cref="Write32"/> are the raw bus calls: managed code checks nothing
    /// here, the native layer (or the simulator playing it) still refuses any address outside the
    /// allow-list. Drivers use windows (<see cref="Map"/> or <see cref="NommuDirectMap"/>), which validate
    /// before touching anything.
    /// </remarks>
    public sealed class RegisterBus
    {
        private readonly BoardMap _board;
        private readonly SimulatedBus _sim;

        private RegisterBus(BoardMap board, SimulatedBus sim)
        {
            _board = board;
            _sim = sim;
        }

        /// <summary>The bus of the ESP32 the firmware runs on (on the host every access throws PlatformNotSupportedException).</summary>
        /// <param name="board">The board map of the chip (<see cref="BoardMap.Get"/>).</param>
        /// <returns>The hardware bus.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="board"/> is null.</exception>
        public static RegisterBus CreateHardware(BoardMap board)
        {
            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            return new RegisterBus(board, null);
        }

        /// <summary>A bus backed by a simulator (host tests, the demo, device tests without hardware access).</summary>
        /// <param name="simulator">The simulator; its board is the bus's board.</param>
        /// <returns>The simulated bus.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="simulator"/> is null.</exception>
        public static RegisterBus CreateSimulated(SimulatedBus simulator)
        {
            if (simulator == null)
            {
                throw new ArgumentNullException("simulator");
            }

            return new RegisterBus(simulator.Board, simulator);
        }

        /// <summary>The board map.</summary>
        public BoardMap Board
        {
            get { return _board; }
        }

        /// <summary>The simulated bus (a <c>RegisterSimulator</c> in practice), or null on hardware.</summary>
        public SimulatedBus Simulator
        {
            get { return _sim; }
        }

        /// <summary>True for the hardware bus.</summary>
        public bool IsHardware
        {
            get { return _sim == null; }
        }

        /// <summary>The direct bus read: one 32-bit read at a physical address, unchecked in managed code.</summary>
        /// <param name="address">Physical address.</param>
        /// <returns>The value.</returns>
        /// <exception cref="InvalidOperationException">The native layer (or simulator) refuses the address.</exception>
        /// <exception cref="PlatformNotSupportedException">The hardware bus on the host, where there is no ESP32.</exception>
        public uint Read32(uint address)
        {
            SimulatedBus sim = _sim;
            if (sim == null)
            {
                return NativeRegisterAccess.NativeRead32(address);
            }

            return sim.Read32(address);
        }

        /// <summary>The direct bus write: one 32-bit write at a physical address, unchecked in managed code.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="value">Value.</param>
        /// <exception cref="InvalidOperationException">The native layer (or simulator) refuses the address.</exception>
        /// <exception cref="PlatformNotSupportedException">The hardware bus on the host, where there is no ESP32.</exception>
        public void Write32(uint address, uint value)
        {
            SimulatedBus sim = _sim;
            if (sim == null)
            {
                NativeRegisterAccess.NativeWrite32(address, value);
                return;
            }

            sim.Write32(address, value);
        }

        /// <summary>
        /// The direct atomic read-modify-write: <c>reg = ((reg &amp; ~clearMask) | setMask) ^ toggleMask</c> in one
        /// native call (see <see cref="MmioWindow.Modify"/>), unchecked in managed code.
        /// </summary>
        /// <param name="address">Physical address.</param>
        /// <param name="clearMask">Bits to clear.</param>
        /// <param name="setMask">Bits to set.</param>
        /// <param name="toggleMask">Bits to toggle.</param>
        /// <returns>The value before the write.</returns>
        /// <exception cref="InvalidOperationException">The native layer (or simulator) refuses the address; the message names the check.</exception>
        /// <exception cref="PlatformNotSupportedException">The hardware bus on the host, where there is no ESP32.</exception>
        public uint Modify32(uint address, uint clearMask, uint setMask, uint toggleMask)
        {
            SimulatedBus sim = _sim;
            if (sim == null)
            {
                return NativeRegisterAccess.NativeModify32(address, clearMask, setMask, toggleMask);
            }

            return sim.Modify32(address, clearMask, setMask, toggleMask);
        }

        /// <summary>
        /// Turns the peripheral's bus clock on unless it is already running, so NanoRemap coexists with the firmware's
        /// own drivers (ESP-IDF v5.5.4's LEDC, RMT, I2C, ... switch their clocks without a reference count). A clock
        /// whose enable bits are set and reset bits clear is left as it is and NanoRemap does not own it; otherwise the
        /// firmware ungates it and releases its reset (<c>periph_module_enable</c>; on the C5
        /// <c>PERIPH_RCC_ACQUIRE_ATOMIC</c>) and NanoRemap owns it until <see cref="DisableClock"/>. Ownership is one
        /// flag per clock, shared by every window: enabling twice takes nothing twice. The simulator keeps the same rule.
        /// </summary>
        /// <param name="clock">The peripheral's clock descriptor from the board.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index, or the firmware has no such entry ("refused clock 3 on esp32: unmapped").</exception>
        /// <exception cref="PlatformNotSupportedException">The hardware bus on the host, where there is no ESP32.</exception>
        public void EnableClock(PeripheralClock clock)
        {
            Clock(clock, 0);
        }

        /// <summary>
        /// Gates the clock NanoRemap turned on and asserts its reset (<c>periph_module_disable</c>, giving back the one
        /// reference NanoRemap holds), ending its ownership. A clock NanoRemap does not own, such as one the firmware's
        /// PWM driver runs, is refused untouched ("refused clock 0 on esp32: not owned").
        /// </summary>
        /// <param name="clock">The peripheral's clock descriptor from the board.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index, or the firmware has no such entry ("refused clock 3 on esp32: unmapped"); or NanoRemap does not own the clock ("refused clock 0 on esp32: not owned").</exception>
        /// <exception cref="PlatformNotSupportedException">The hardware bus on the host, where there is no ESP32.</exception>
        public void DisableClock(PeripheralClock clock)
        {
            Clock(clock, 1);
        }

        /// <summary>
        /// Pulses the reset of a peripheral whose clock NanoRemap owns (<c>periph_module_reset</c>); the clock is left as
        /// it is. A clock NanoRemap does not own is refused untouched ("not owned").
        /// </summary>
        /// <param name="clock">The peripheral's clock descriptor from the board.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index, or the firmware has no such entry ("refused clock 3 on esp32: unmapped"); or NanoRemap does not own the clock ("refused clock 0 on esp32: not owned").</exception>
        /// <exception cref="PlatformNotSupportedException">The hardware bus on the host, where there is no ESP32.</exception>
        public void ResetPeripheral(PeripheralClock clock)
        {
            Clock(clock, 2);
        }

        private void Clock(PeripheralClock clock, int operation)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (!_board.IsOwnClock(clock))
            {
                throw MmioErrors.RefusedClock(clock.Index, _board.Chip, AccessCheck.Unmapped);
            }

            SimulatedBus sim = _sim;
            if (sim == null)
            {
                NativeRegisterAccess.NativeClock(clock.Index, operation);
                return;
            }

            if (operation == 0)
            {
                sim.EnableClock(clock);
            }
            else if (operation == 1)
            {
                sim.DisableClock(clock);
            }
            else
            {
                sim.ResetPeripheral(clock);
            }
        }

        /// <summary>
        /// Maps the window <c>[phys, phys + size)</c> the no-MMU way: the "virtual" address is the physical
        /// one (Zephyr's <c>device_map()</c> without <c>CONFIG_MMU</c>). Nothing is reserved or translated;
        /// the range is only validated. Allocation-free.
        /// </summary>
        /// <param name="phys">Physical start, 4-byte aligned.</param>
        /// <param name="size">Size in bytes, a non-zero multiple of 4.</param>
        /// <returns>The window.</returns>
        /// <exception cref="ArgumentException">Misaligned start or size, an empty window, a window not inside one block, or a block denied by default.</exception>
        public MmioWindow Map(uint phys, uint size)
        {
            return new MmioWindow(this, phys, size);
        }

        /// <summary>Maps a whole peripheral block by name (<c>"GPIO"</c>; case ignored where only one block matches: <c>"gpio"</c>).</summary>
        /// <param name="blockName">A block of the board map.</param>
        /// <returns>The window over the block.</returns>
        /// <exception cref="ArgumentException">No such block (the message names the closest ones), or it is denied by default.</exception>
        public MmioWindow MapBlock(string blockName)
        {
            PeripheralBlock block = _board.FindBlock(blockName);
            if (block == null)
            {
                throw new ArgumentException(_board.Chip + " has no peripheral block named '" + blockName + "' (closest: " + _board.ClosestBlocks(blockName) + ")");
            }

            return new MmioWindow(this, block.Base, block.Size);
        }
    }
}
