using System;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// What one peripheral of the chip does on its own, for <see cref="RegisterSimulator"/>: a UART's FIFOs, a
    /// timer's counter, GPIO loopback, LEDC's duty update. A model is attached to a block by name
    /// (<see cref="RegisterSimulator.Attach"/>), finds its registers and fields by the vendor SVD's names in the
    /// simulator's <see cref="RegisterModel"/> (<see cref="RegisterModel.FindField"/>; on the host every name of the
    /// chip's facts) and is then called on every allowed access of its block and when the test advances the virtual
    /// clock (<see cref="RegisterSimulator.Advance"/>). Another peripheral is one more subclass.
    /// </summary>
    /// <remarks>
    /// The simulator calls a model under its lock (as it runs hooks): a model changes registers with
    /// <see cref="Get"/> / <see cref="Set"/> (stored values, no bus semantics) and raises interrupts with
    /// <see cref="RegisterSimulator.Raise(uint, uint)"/>. Calls from a test (feeding a UART's receiver, ...) take the
    /// same lock.
    /// </remarks>
    public abstract class PeripheralModel
    {
        private readonly string _block;
        private RegisterSimulator _simulator;
        internal PeripheralModel NextInBlock;

        /// <summary>Creates a model of the peripheral block <paramref name="block"/>.</summary>
        /// <param name="block">The block's name (<c>UART0</c>, <c>SYSTIMER</c>).</param>
        /// <exception cref="ArgumentNullException"><paramref name="block"/> is null.</exception>
        protected PeripheralModel(string block)
        {
            if (block == null)
            {
                throw new ArgumentNullException("block");
            }

            _block = block;
        }

        /// <summary>The block's name.</summary>
        public string Block
        {
            get { return _block; }
        }

        /// <summary>The simulator it is attached to (null before <see cref="RegisterSimulator.Attach"/>).</summary>
        public RegisterSimulator Simulator
        {
            get { return _simulator; }
        }

        internal void AttachTo(RegisterSimulator simulator)
        {
            if (_simulator != null)
            {
                throw new InvalidOperationException(Describe() + " is already attached to a simulator");
            }

            if (simulator.Model == null)
            {
                throw new InvalidOperationException(Describe() + " needs a simulator with a RegisterModel that names registers (SimulatorModels.CreateSimulator on the host)");
            }

            Bind(simulator.Model);
            _simulator = simulator;
        }

        /// <summary>Finds the model's registers and fields by name; called once by <see cref="RegisterSimulator.Attach"/>.</summary>
        /// <param name="model">The simulator's register model.</param>
        /// <exception cref="InvalidOperationException">A register the model needs is not in <paramref name="model"/>.</exception>
        protected abstract void Bind(RegisterModel model);

        /// <summary>Called after an allowed read of a register of the block; returns what the read returns.</summary>
        /// <param name="address">The address read.</param>
        /// <param name="value">The value the register produced.</param>
        /// <returns>The value the read returns.</returns>
        protected internal virtual uint OnRead(uint address, uint value)
        {
            return value;
        }

        /// <summary>Called after an allowed write of a register of the block was applied.</summary>
        /// <param name="address">The address written.</param>
        /// <param name="value">The value the driver wrote.</param>
        protected internal virtual void OnWrite(uint address, uint value)
        {
        }

        /// <summary>Called when the test advances the simulator's virtual clock.</summary>
        /// <param name="microseconds">Time that passed.</param>
        protected internal virtual void OnAdvance(uint microseconds)
        {
        }

        /// <summary>A field's address and bits, found by field name anywhere in the block.</summary>
        /// <param name="model">The register model.</param>
        /// <param name="field">The SVD field name.</param>
        /// <param name="mask">The field's bits.</param>
        /// <returns>The register's address.</returns>
        /// <exception cref="InvalidOperationException">No such field in the block.</exception>
        protected uint Require(RegisterModel model, string field, out uint mask)
        {
            uint address;
            if (!model.FindField(_block, field, out address, out mask))
            {
                throw new InvalidOperationException(Describe() + ": the register model has no field " + _block + ".*." + field);
            }

            return address;
        }

        /// <summary>Like <see cref="Require"/>, for a field the model can do without: false when the block has none.</summary>
        /// <param name="model">The register model.</param>
        /// <param name="field">The SVD field name.</param>
        /// <param name="address">The register's address (0 when absent).</param>
        /// <param name="mask">The field's bits (0 when absent).</param>
        /// <returns>True when found.</returns>
        protected bool Optional(RegisterModel model, string field, out uint address, out uint mask)
        {
            return model.FindField(_block, field, out address, out mask);
        }

        /// <summary>The stored value of a field (no bus semantics).</summary>
        /// <param name="address">The register's address.</param>
        /// <param name="mask">The field's bits.</param>
        /// <returns>The field's value, shifted down.</returns>
        protected uint Get(uint address, uint mask)
        {
            return (_simulator.Peek(address) & mask) >> Shift(mask);
        }

        /// <summary>Stores a field's value (no bus semantics; other bits are kept).</summary>
        /// <param name="address">The register's address.</param>
        /// <param name="mask">The field's bits.</param>
        /// <param name="value">The value, not shifted (excess bits are dropped).</param>
        protected void Set(uint address, uint mask, uint value)
        {
            uint old = _simulator.Peek(address);
            _simulator.Poke(address, (old & ~mask) | ((value << Shift(mask)) & mask));
        }

        /// <summary>The lowest set bit of <paramref name="mask"/> (0 for 0).</summary>
        /// <param name="mask">A mask.</param>
        /// <returns>The bit number.</returns>
        protected static int Shift(uint mask)
        {
            if (mask == 0)
            {
                return 0;
            }

            int s = 0;
            while ((mask & 1) == 0)
            {
                mask >>= 1;
                s++;
            }

            return s;
        }

        /// <summary>"UartModel of UART0" for messages.</summary>
        /// <returns>The description.</returns>
        protected string Describe()
        {
            return GetType().Name + " of " + _block;
        }
    }
}
