using System;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// The packed field constants of the generated chip definitions (<c>Esp32.Ledc.LSTIMER0_CONF_DUTY_RES</c>): one
    /// <c>uint</c> <c>(width &lt;&lt; 8) | lsb</c>, decoded with a shift and a mask (no loop, no branch):
    /// <c>lsb = field &amp; 0xFF</c>, <c>mask = 0xFFFFFFFF &gt;&gt; (32 - width)</c>. Constants cost nothing on the
    /// device: the MetadataProcessor drops const fields from the .pe.
    /// </summary>
    public static class RegisterField
    {
        /// <summary>Packs a field: <c>(width &lt;&lt; 8) | lsb</c>.</summary>
        /// <param name="lsb">Lowest bit, 0..31.</param>
        /// <param name="width">Width in bits, 1..32 - lsb.</param>
        /// <returns>The packed field.</returns>
        /// <exception cref="ArgumentOutOfRangeException">No 32-bit field.</exception>
        public static uint Pack(int lsb, int width)
        {
            if (lsb < 0 || width < 1 || lsb + width > 32)
            {
                throw new ArgumentOutOfRangeException("width", "bits " + lsb + ".." + (lsb + width - 1) + " are no field of a 32-bit register");
            }

            return ((uint)width << 8) | (uint)lsb;
        }

        /// <summary>The field's shift (IDF <c>_S</c>): its lowest bit.</summary>
        /// <param name="field">A packed field.</param>
        /// <returns><c>field &amp; 0xFF</c>.</returns>
        /// <exception cref="ArgumentOutOfRangeException">Not a packed field (width 1..32, lsb + width at most 32).</exception>
        public static int Shift(uint field)
        {
            uint lsb = field & 0xFF;
            uint width = field >> 8;
            if (width - 1u > 31u || lsb + width > 32u)
            {
                throw new ArgumentOutOfRangeException("field", "0x" + field.ToString("X") + " is no packed field ((width << 8) | lsb)");
            }

            return (int)lsb;
        }

        /// <summary>The field's unshifted mask (IDF <c>_V</c>): <c>0xFFFFFFFF &gt;&gt; (32 - width)</c>.</summary>
        /// <param name="field">A packed field.</param>
        /// <returns>The mask.</returns>
        /// <exception cref="ArgumentOutOfRangeException">Not a packed field.</exception>
        public static uint Mask(uint field)
        {
            uint width = field >> 8;
            if (width - 1u > 31u || (field & 0xFF) + width > 32u)
            {
                throw new ArgumentOutOfRangeException("field", "0x" + field.ToString("X") + " is no packed field ((width << 8) | lsb)");
            }

            return 0xFFFFFFFFu >> (int)(32u - width);
        }

        /// <summary>The field's mask in place (IDF <c>_M</c>): <c>Mask(field) &lt;&lt; Shift(field)</c>.</summary>
        /// <param name="field">A packed field.</param>
        /// <returns>The mask in place.</returns>
        /// <exception cref="ArgumentOutOfRangeException">Not a packed field.</exception>
        public static uint InPlace(uint field)
        {
            return Mask(field) << Shift(field);
        }
    }
}
