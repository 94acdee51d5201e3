namespace NanoRemap.Mmio
{
    /// <summary>
    /// Called by <see cref="RegisterSimulator"/> on an allowed read of a hooked address, after the simulated
    /// register produced <paramref name="value"/> (reset value, access rules, clear-on-read applied). Models what
    /// the hardware does between reads: a status bit that sets after N polls, a counter that advances. The hook may
    /// change registers with <see cref="RegisterSimulator.Poke"/>.
    /// </summary>
    /// <param name="simulator">The simulator.</param>
    /// <param name="address">The address read.</param>
    /// <param name="value">The value the register holds for this read.</param>
    /// <returns>The value the read returns.</returns>
    public delegate uint RegisterReadHook(RegisterSimulator simulator, uint address, uint value);
}
