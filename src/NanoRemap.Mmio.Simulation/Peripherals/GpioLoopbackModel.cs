using System;

namespace NanoRemap.Mmio
{
    /// <summary>
    /// GPIO loopback: <c>IN</c> reads <c>OUT</c> for every output-enabled pin (<c>ENABLE</c>) and the level the test
    /// drives (<see cref="SetInput"/>) for the others, as a pad whose output drives its own input; likewise <c>IN1</c> /
    /// <c>OUT1</c> / <c>ENABLE1</c> for pins 32 and up where the chip has them. Writes through the <c>_W1TS</c> / <c>_W1TC</c>
    /// aliases count as writes of their targets (the simulator applies them before the model sees the write).
    /// </summary>
    public sealed class GpioLoopbackModel : PeripheralModel
    {
        private uint _out;
        private uint _enable;
        private uint _in;
        private uint _inMask;
        private uint _out1;
        private uint _enable1;
        private uint _in1;
        private uint _in1Mask;
        private uint _external;
        private uint _external1;

        /// <summary>Creates the model of block <c>GPIO</c>.</summary>
        public GpioLoopbackModel()
            : base("GPIO")
        {
        }

        /// <inheritdoc/>
        protected override void Bind(RegisterModel model)
        {
            uint unused;
            _out = Register(model, "OUT", true, out unused);
            _enable = Register(model, "ENABLE", true, out unused);
            _in = Register(model, "IN", true, out _inMask);
            _out1 = Register(model, "OUT1", false, out unused);
            _enable1 = Register(model, "ENABLE1", false, out unused);
            _in1 = Register(model, "IN1", false, out _in1Mask);
            if (_out1 == 0 || _enable1 == 0 || _in1 == 0)
            {
                _in1 = 0;
            }
        }

        /// <summary>Drives the level of an input pin (one that is not output-enabled) from outside.</summary>
        /// <param name="pin">GPIO number.</param>
        /// <param name="high">True for high.</param>
        /// <exception cref="ArgumentOutOfRangeException">The chip has no such pin register.</exception>
        /// <exception cref="InvalidOperationException">The model is not attached.</exception>
        public void SetInput(int pin, bool high)
        {
            RegisterSimulator sim = Simulator;
            if (sim == null)
            {
                throw new InvalidOperationException(Describe() + " is not attached to a simulator");
            }

            if (pin < 0 || pin >= (_in1 != 0 ? 64 : 32))
            {
                throw new ArgumentOutOfRangeException("pin", "GPIO" + pin.ToString() + " is not a pin of " + Describe());
            }

            lock (sim)
            {
                uint bit = 1u << (pin & 31);
                if (pin < 32)
                {
                    _external = high ? _external | bit : _external & ~bit;
                }
                else
                {
                    _external1 = high ? _external1 | bit : _external1 & ~bit;
                }

                Update();
            }
        }

        /// <inheritdoc/>
        protected internal override void OnWrite(uint address, uint value)
        {
            Update();
        }

        private void Update()
        {
            uint enable = Simulator.Peek(_enable);
            uint level = (Simulator.Peek(_out) & enable) | (_external & ~enable);
            Simulator.Poke(_in, (Simulator.Peek(_in) & ~_inMask) | (level & _inMask));
            if (_in1 != 0)
            {
                uint enable1 = Simulator.Peek(_enable1);
                uint level1 = (Simulator.Peek(_out1) & enable1) | (_external1 & ~enable1);
                Simulator.Poke(_in1, (Simulator.Peek(_in1) & ~_in1Mask) | (level1 & _in1Mask));
            }
        }

        private uint Register(RegisterModel model, string name, bool required, out uint mask)
        {
            uint address;
            if (model.FindName(Block + "." + name, out address, out mask))
            {
                return address;
            }

            if (required)
            {
                throw new InvalidOperationException(Describe() + ": the register model has no register " + Block + "." + name);
            }

            return 0;
        }
    }
}
