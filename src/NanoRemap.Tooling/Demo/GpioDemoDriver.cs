using NanoRemap.Boards;
using NanoRemap.Mm;

namespace NanoRemap.Tooling.Demo;

/// <summary>
/// The demo's "driver named gpio": its <c>f_op-&gt;mmap_prepare</c> asks for the whole GPIO block with
/// <c>mmap_action_simple_ioremap</c>, as a Linux driver on an MMU kernel would. The same driver runs on
/// both models; only the engine differs.
/// </summary>
public sealed class GpioDemoDriver
{
    private readonly MmEngine _mm;
    private readonly PeripheralBlock _gpio;

    /// <summary>Creates the driver for one engine and board.</summary>
    /// <param name="mm">The engine (MMU reference or nommu device model).</param>
    /// <param name="board">The board whose GPIO block is mapped.</param>
    public GpioDemoDriver(MmEngine mm, BoardMap board)
    {
        _mm = mm;
        _gpio = board.Gpio;
    }

    /// <summary>The GPIO block the driver maps.</summary>
    public PeripheralBlock Gpio => _gpio;

    /// <summary>
    /// <c>gpio_mmap_prepare(desc)</c>: <c>mmap_action_simple_ioremap(desc, GPIO base, GPIO size)</c>; stateless,
    /// allocates nothing, as the mmap_prepare contract asks.
    /// </summary>
    /// <param name="desc">The descriptor of the mapping.</param>
    /// <returns>0.</returns>
    public int MmapPrepare(VmAreaDesc desc)
    {
        _mm.MmapActionSimpleIoremap(desc, _gpio.Base, _gpio.Size);
        return 0;
    }
}
