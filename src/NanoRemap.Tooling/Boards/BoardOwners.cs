namespace NanoRemap.Tooling.Boards;

/// <summary>
/// The owners a board.map line names (<c># owner=&lt;name&gt;: &lt;reason&gt; (&lt;source&gt;)</c>): who, in the
/// nanoFramework firmware and ESP-IDF, owns a block or register that a NanoRemap driver must not change.
/// boards/README.md ("Policy by ownership") explains each with its ESP-IDF / nanoFramework source.
/// </summary>
public static class BoardOwners
{
    /// <summary>Owner names and what each one owns, in the order boards/README.md lists them.</summary>
    public static readonly IReadOnlyList<(string Name, string Owns)> All = new[]
    {
        ("console", "the console and wire-protocol port: UART0, USB serial/JTAG"),
        ("tick", "the FreeRTOS tick and esp_timer: SYSTIMER, ESP32 TIMG0 LACT"),
        ("watchdog", "RTC/LP watchdog, super watchdog, TIMG0/1 watchdogs and their write-protect keys"),
        ("clock", "CPU and system clock, PLL, core voltage, SRAM and domain power, brown-out"),
        ("cpu", "CPU reset, stall, boot remap, debug and the ULP co-processor control"),
        ("interrupts", "the interrupt matrix and cross-core interrupts (esp_intr_alloc, FreeRTOS)"),
        ("flash", "flash and PSRAM: controllers, cache, MMU, their pads and matrix signals"),
        ("dma", "DMA address registers: an engine that reads or writes any RAM address"),
        ("crypto", "crypto accelerators and keys used by TLS (mbedTLS), secure boot, flash encryption"),
        ("efuse", "eFuse programming"),
        ("calibration", "ESP-IDF's stored calibration and retention (RTC_CNTL/LP_AON STORE registers, RTC timer calibration)"),
        ("isolation", "memory protection and permission hardware"),
        ("radio", "Wi-Fi, Bluetooth and IEEE 802.15.4 modem clocks and resets"),
    };

    /// <summary>Whether <paramref name="name"/> is a known owner.</summary>
    /// <param name="name">Owner name.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnown(string name)
    {
        foreach (var (n, _) in All)
        {
            if (n == name)
            {
                return true;
            }
        }

        return false;
    }
}
