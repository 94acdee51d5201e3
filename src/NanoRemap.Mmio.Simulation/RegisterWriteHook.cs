namespace NanoRemap.Mmio
{
    /// <summary>
    /// Called by <see cref="RegisterSimulator"/> after an allowed write of a hooked address was applied (access
    /// rules, W1C, aliases). Models what the hardware does in response: a self-clearing "update" bit, a command
    /// that completes and raises a status bit (use <see cref="RegisterSimulator.Poke"/>).
    /// </summary>
    /// <param name="simulator">The simulator.</param>
    /// <param name="address">The address written.</param>
    /// <param name="value">The value the driver wrote.</param>
    public delegate void RegisterWriteHook(RegisterSimulator simulator, uint address, uint value);
}
