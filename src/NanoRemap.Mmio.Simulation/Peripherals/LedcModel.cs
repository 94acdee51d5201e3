namespace NanoRemap.Mmio
{
    /// <summary>
    /// LEDC duty updates: a channel's duty (<c>xCHn_DUTY</c>) takes effect, in <c>xCHn_DUTY_R</c> (the duty the hardware
    /// outputs), when the driver writes the update bit: <c>xCHn_CONF0.PARA_UP</c> on channels that have it (ESP32
    /// low-speed, every channel of the newer chips; ESP-IDF <c>ledc_ll_ls_channel_update</c>), <c>xCHn_CONF1.DUTY_START</c>
    /// on the ESP32's high-speed channels. Both bits clear themselves once the update is done. Channels are found by
    /// the SVD's names: <c>HSCHn_</c> / <c>LSCHn_</c> (ESP32, C3) or <c>CHn_</c> (S2, S3, C5, C6, H2).
    /// </summary>
    /// <remarks>Not modelled: the fade engine (<c>DUTY_INC</c> / <c>DUTY_NUM</c> / <c>DUTY_CYCLE</c> / <c>DUTY_SCALE</c>): the duty
    /// is applied as written; timers and the output signal.</remarks>
    public sealed class LedcModel : PeripheralModel
    {
        private const int MaxChannels = 16;
        private readonly uint[] _conf0 = new uint[MaxChannels];
        private readonly uint[] _paraUp = new uint[MaxChannels];
        private readonly uint[] _conf1 = new uint[MaxChannels];
        private readonly uint[] _dutyStart = new uint[MaxChannels];
        private readonly uint[] _duty = new uint[MaxChannels];
        private readonly uint[] _dutyMask = new uint[MaxChannels];
        private readonly uint[] _dutyR = new uint[MaxChannels];
        private readonly uint[] _dutyRMask = new uint[MaxChannels];
        private int _channels;
        private int _updates;

        /// <summary>Creates the model of block <c>LEDC</c>.</summary>
        public LedcModel()
            : base("LEDC")
        {
        }

        /// <summary>Channels found (ESP32: 8 high-speed then 8 low-speed).</summary>
        public int ChannelCount
        {
            get { return _channels; }
        }

        /// <summary>Duty updates applied so far.</summary>
        public int Updates
        {
            get { return _updates; }
        }

        /// <inheritdoc/>
        protected override void Bind(RegisterModel model)
        {
            AddChannels(model, "HSCH");
            AddChannels(model, "LSCH");
            AddChannels(model, "CH");
            if (_channels == 0)
            {
                throw new System.InvalidOperationException(Describe() + ": the register model has no channel (LEDC.CH0_DUTY, LSCH0_DUTY or HSCH0_DUTY)");
            }
        }

        /// <inheritdoc/>
        protected internal override void OnWrite(uint address, uint value)
        {
            for (int c = 0; c < _channels; c++)
            {
                bool update = _paraUp[c] != 0
                    ? address == _conf0[c] && (value & _paraUp[c]) != 0
                    : address == _conf1[c] && (value & _dutyStart[c]) != 0;
                if (update)
                {
                    uint duty = (Simulator.Peek(_duty[c]) & _dutyMask[c]) >> Shift(_dutyMask[c]);
                    Set(_dutyR[c], _dutyRMask[c], duty);
                    if (_paraUp[c] != 0)
                    {
                        Set(_conf0[c], _paraUp[c], 0);
                    }

                    Set(_conf1[c], _dutyStart[c], 0);
                    _updates++;
                    return;
                }
            }
        }

        private void AddChannels(RegisterModel model, string prefix)
        {
            for (int n = 0; n < 8 && _channels < MaxChannels; n++)
            {
                string ch = Block + "." + prefix + n.ToString();
                int c = _channels;
                uint mask;
                if (!model.FindName(ch + "_DUTY", out _duty[c], out _dutyMask[c])
                    || !model.FindName(ch + "_DUTY_R", out _dutyR[c], out _dutyRMask[c])
                    || !model.FindName(ch + "_CONF0", out _conf0[c], out mask)
                    || !model.FindName(ch + "_CONF1", out _conf1[c], out mask))
                {
                    return;
                }

                string name = prefix + n.ToString();
                uint address;
                if (!model.FindName(ch + "_CONF1.DUTY_START_" + name, out address, out _dutyStart[c]))
                {
                    model.FindName(ch + "_CONF1.DUTY_START_" + prefix, out address, out _dutyStart[c]);
                }

                if (!model.FindName(ch + "_CONF0.PARA_UP_" + name, out address, out _paraUp[c]))
                {
                    model.FindName(ch + "_CONF0.PARA_UP_" + prefix, out address, out _paraUp[c]);
                }

                if (_dutyStart[c] == 0 && _paraUp[c] == 0)
                {
                    return; // no update bit: not a channel this model knows
                }

                _channels++;
            }
        }
    }
}
