namespace NanoRemap.Tooling.Config;

/// <summary>Which kernel the engine models: <c>CONFIG_MMU=n</c> (the ESP32) or <c>CONFIG_MMU=y</c> (the reference).</summary>
public enum KernelModel
{
    /// <summary>No MMU: the device. Remap actions WARN at prepare and fail with -EINVAL at complete.</summary>
    Nommu = 0,

    /// <summary>With an MMU: the reference the nommu behaviour is compared with.</summary>
    Mmu = 1,
}
