using System.CommandLine;

namespace NanoRemap.Cli;

/// <summary>Builds the command tree; one file per verb under Commands/.</summary>
internal static class CommandDefinitions
{
    public static RootCommand Build()
    {
        var root = new RootCommand("nanoremap: the Linux mmap_action engine (MMU and nommu) and MMIO windows for nanoFramework on ESP32");
        return root;
    }
}
