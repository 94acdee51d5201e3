namespace NanoRemap.Mmio
{
    /// <summary>
    /// The system timer's counter unit 0 on the virtual clock (ESP32-S2, -S3, -C3, -C5, -C6, -H2): the counter
    /// advances by <see cref="TicksPerMicrosecond"/> per microsecond of <see cref="RegisterSimulator.Advance"/> while
    /// the unit works (<c>CONF.TIMER_UNIT0_WORK_EN</c>, where the chip has it); a 1 written to <c>UNIT0_OP.TIMER_UNIT0_UPDATE</c>
    /// (S2: <c>UPDATE.TIMER_UPDATE</c>) latches it into <c>UNIT0_VALUE_HI</c> / <c>_LO</c> and sets <c>TIMER_UNIT0_VALUE_VALID</c>,
    /// as ESP-IDF's <c>systimer_ll_counter_snapshot</c> / <c>systimer_ll_is_counter_value_valid</c> expect; the update bit clears itself.
    /// </summary>
    /// <remarks>Not modelled: alarms (comparators), loading a value, unit 1, stalls with the CPU.</remarks>
    public sealed class SystimerModel : PeripheralModel
    {
        private readonly uint _ticksPerMicrosecond;
        private ulong _counter;
        private uint _op;
        private uint _updateMask;
        private uint _validMask;
        private uint _hi;
        private uint _hiMask;
        private uint _lo;
        private uint _loMask;
        private uint _conf;
        private uint _workMask;

        /// <summary>Creates the model of block <c>SYSTIMER</c>.</summary>
        /// <param name="ticksPerMicrosecond">Counter ticks per microsecond: 16 on the S3, C3, C5, C6 and H2 (the XTAL
        /// through the fixed divider, IDF <c>SOC_SYSTIMER_FIXED_DIVIDER</c>: 40 MHz / 2.5, 32 MHz / 2 on the H2), 80 on the S2
        /// (APB clock, IDF v4.4 <c>hal/esp32s2/include/hal/systimer_ll.h</c> <c>SYSTIMER_LL_TICKS_PER_US</c>).</param>
        public SystimerModel(uint ticksPerMicrosecond)
            : base("SYSTIMER")
        {
            _ticksPerMicrosecond = ticksPerMicrosecond;
        }

        /// <summary>Counter ticks per microsecond of the virtual clock.</summary>
        public uint TicksPerMicrosecond
        {
            get { return _ticksPerMicrosecond; }
        }

        /// <summary>The counter unit 0 now (the value an update would latch).</summary>
        public ulong Counter
        {
            get { return _counter; }
        }

        /// <inheritdoc/>
        protected override void Bind(RegisterModel model)
        {
            if (!Optional(model, "TIMER_UNIT0_UPDATE", out _op, out _updateMask))
            {
                _op = Require(model, "TIMER_UPDATE", out _updateMask); // ESP32-S2: one unit, SYSTIMER.UPDATE
                Require(model, "TIMER_VALUE_VALID", out _validMask);
                _hi = Require(model, "TIMER_VALUE_HI", out _hiMask);
                _lo = Require(model, "TIMER_VALUE_LO", out _loMask);
                return;
            }

            Require(model, "TIMER_UNIT0_VALUE_VALID", out _validMask);
            _hi = Require(model, "TIMER_UNIT0_VALUE_HI", out _hiMask);
            _lo = Require(model, "TIMER_UNIT0_VALUE_LO", out _loMask);
            Optional(model, "TIMER_UNIT0_WORK_EN", out _conf, out _workMask);
        }

        /// <inheritdoc/>
        protected internal override void OnWrite(uint address, uint value)
        {
            if (address == _op && (value & _updateMask) != 0)
            {
                Set(_lo, _loMask, (uint)_counter);
                Set(_hi, _hiMask, (uint)(_counter >> 32));
                Set(_op, _updateMask, 0);    // the update bit is a trigger (IDF: WT)
                Set(_op, _validMask, 1);
            }
        }

        /// <inheritdoc/>
        protected internal override void OnAdvance(uint microseconds)
        {
            if (_workMask != 0 && Get(_conf, _workMask) == 0)
            {
                return;
            }

            _counter += (ulong)microseconds * _ticksPerMicrosecond;
            ulong width = (((ulong)_hiMask >> Shift(_hiMask)) << 32) | 0xFFFFFFFFUL;
            _counter &= width; // 52 bits (20 + 32) on the unit chips, 64 on the S2
        }
    }
}
