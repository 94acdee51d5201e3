using System;

namespace NanoRemap.Boards
{
    /// <summary>
    /// How one peripheral's bus clock and reset are controlled on a chip: the clock-enable and reset bits
    /// (<c>DPORT_PERIP_CLK_EN_REG</c> / <c>DPORT_PERIP_RST_EN_REG</c> on the ESP32, <c>SYSTEM_PERIP_*</c> on the
    /// S2/S3/C3, the peripheral's own <c>PCR_*_CONF_REG</c> on the C5/C6/H2), generated from the board map's
    /// <c>clock</c> lines. On the device the firmware drives them through ESP-IDF's calls by <c>nr_clock</c>'s ownership
    /// rule (a running clock is left to the firmware's driver); the simulator sets and clears the bits themselves.
    /// </summary>
    public sealed class PeripheralClock
    {
        /// <summary>The peripheral block name (<c>LEDC</c>).</summary>
        public readonly string Name;

        /// <summary>Physical address of the register holding the clock-enable bit.</summary>
        public readonly uint EnableRegister;

        /// <summary>The clock-enable bit(s) in <see cref="EnableRegister"/>.</summary>
        public readonly uint EnableMask;

        /// <summary>Physical address of the register holding the reset bit.</summary>
        public readonly uint ResetRegister;

        /// <summary>The reset bit(s) in <see cref="ResetRegister"/> (1 holds the peripheral in reset).</summary>
        public readonly uint ResetMask;

        /// <summary>Position in the board's clock table: what the native side receives to find the ESP-IDF module.</summary>
        public readonly int Index;

        /// <summary>Creates a clock descriptor (used by the generated board tables).</summary>
        /// <param name="name">Peripheral block name.</param>
        /// <param name="enableRegister">Address of the clock-enable register, 4-byte aligned.</param>
        /// <param name="enableMask">Clock-enable bits, non-zero.</param>
        /// <param name="resetRegister">Address of the reset register, 4-byte aligned.</param>
        /// <param name="resetMask">Reset bits, non-zero.</param>
        /// <param name="index">Position in the board's clock table, from 0.</param>
        /// <exception cref="ArgumentException">A null name, misaligned registers, empty masks or a negative index.</exception>
        public PeripheralClock(string name, uint enableRegister, uint enableMask, uint resetRegister, uint resetMask, int index)
        {
            if (name == null || (enableRegister & 3) != 0 || (resetRegister & 3) != 0 || enableMask == 0 || resetMask == 0 || index < 0)
            {
                throw new ArgumentException("clock " + (name == null ? "(null)" : name)
                    + ": registers must be 4-byte aligned, masks non-zero and the index not negative");
            }

            Name = name;
            EnableRegister = enableRegister;
            EnableMask = enableMask;
            ResetRegister = resetRegister;
            ResetMask = resetMask;
            Index = index;
        }
    }
}
