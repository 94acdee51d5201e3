using System;
using NanoRemap.Boards;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// The seam for a simulated bus: what a <see cref="RegisterBus"/> and its <see cref="MmioWindow"/>s call
    /// instead of the firmware's InternalCalls when they are not on hardware. The register simulator
    /// (<c>RegisterSimulator</c>, in the NanoRemap.Mmio.Simulation assembly, which a deployed driver does not
    /// need) derives from it; pass it to <see cref="RegisterBus.CreateSimulated"/>.
    /// </summary>
    /// <remarks>
    /// An implementation plays the native layer: it re-checks every access against the board's allow-list
    /// and refuses with <see cref="InvalidOperationException"/> as the firmware does. Only the simulated branch of a
    /// window goes through these virtual calls; the hardware path is one InternalCall on the firmware (there the window's native handlers hand a simulated window's call to the window's IL, which calls these).
    /// </remarks>
    public abstract class SimulatedBus
    {
        private readonly BoardMap _board;

        /// <summary>Creates the bus of a board.</summary>
        /// <param name="board">The board map simulated.</param>
        /// <exception cref="ArgumentNullException"><paramref name="board"/> is null.</exception>
        protected SimulatedBus(BoardMap board)
        {
            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            _board = board;
        }

        /// <summary>The board map simulated.</summary>
        public BoardMap Board
        {
            get { return _board; }
        }

        /// <summary>A 32-bit bus read, as the native layer would do it: checked, then read.</summary>
        /// <param name="address">Physical address.</param>
        /// <returns>The value.</returns>
        /// <exception cref="InvalidOperationException">The allow-list or the board policy refuses the read.</exception>
        public abstract uint Read32(uint address);

        /// <summary>A 32-bit bus write, as the native layer would do it: checked, then written.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="value">Value written.</param>
        /// <exception cref="InvalidOperationException">The allow-list or the board policy refuses the write.</exception>
        public abstract void Write32(uint address, uint value);

        /// <summary>The atomic read-modify-write <c>reg = ((reg &amp; ~clear) | set) ^ toggle</c> of the native layer.</summary>
        /// <param name="address">Physical address.</param>
        /// <param name="clear">Bits to clear.</param>
        /// <param name="set">Bits to set.</param>
        /// <param name="toggle">Bits to toggle, after clear and set.</param>
        /// <returns>The value read before the write.</returns>
        /// <exception cref="InvalidOperationException">The allow-list refuses the read or the write (nothing is touched).</exception>
        public abstract uint Modify32(uint address, uint clear, uint set, uint toggle);

        /// <summary>The block read of the native layer: <paramref name="count"/> reads at <c>address + step * i</c>.</summary>
        /// <param name="address">Address of the first word.</param>
        /// <param name="step">4 for consecutive registers, 0 for one register (a FIFO).</param>
        /// <param name="buffer">Destination.</param>
        /// <param name="index">First element written.</param>
        /// <param name="count">Number of words.</param>
        /// <exception cref="ArgumentException">The buffer range is invalid.</exception>
        /// <exception cref="InvalidOperationException">A word of the range is refused (nothing is read).</exception>
        public abstract void ReadBlock(uint address, uint step, uint[] buffer, int index, int count);

        /// <summary>The block write of the native layer: <paramref name="count"/> writes at <c>address + step * i</c>.</summary>
        /// <param name="address">Address of the first word.</param>
        /// <param name="step">4 or 0.</param>
        /// <param name="buffer">Source.</param>
        /// <param name="index">First element read.</param>
        /// <param name="count">Number of words.</param>
        /// <exception cref="ArgumentException">The buffer range is invalid.</exception>
        /// <exception cref="InvalidOperationException">A word of the range is refused (nothing is written).</exception>
        public abstract void WriteBlock(uint address, uint step, uint[] buffer, int index, int count);

        /// <summary>Turns a peripheral's clock on and owns it, unless it is already running (the firmware's <c>nr_clock</c> rule).</summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index.</exception>
        public abstract void EnableClock(PeripheralClock clock);

        /// <summary>Gates a clock NanoRemap owns and asserts its reset; refused ("not owned") for any other clock.</summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index, or NanoRemap does not own the clock.</exception>
        public abstract void DisableClock(PeripheralClock clock);

        /// <summary>Pulses the reset of a peripheral whose clock NanoRemap owns (<c>periph_module_reset</c>); refused ("not owned") for any other.</summary>
        /// <param name="clock">The peripheral's clock descriptor.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The descriptor is not the board's clock-table entry at its index, or NanoRemap does not own the clock.</exception>
        public abstract void ResetPeripheral(PeripheralClock clock);
    }
}
