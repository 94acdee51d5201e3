namespace NanoRemap.Tooling.Svd;

/// <summary>An SVD <c>device</c>: name, version, default register properties and peripherals (derivedFrom resolved).</summary>
public sealed class SvdDevice
{
    /// <summary>The file it was read from (for messages).</summary>
    public required string File { get; init; }

    /// <summary>Device name (ESP32-C6, ...).</summary>
    public required string Name { get; init; }

    /// <summary>The <c>version</c> element, or null.</summary>
    public string? Version { get; init; }

    /// <summary>Device-level register properties.</summary>
    public SvdProperties Properties { get; init; } = SvdProperties.None;

    /// <summary>Peripherals in file order.</summary>
    public List<SvdPeripheral> Peripherals { get; init; } = new();
}
