using Xunit;

namespace NanoRemap.Tests.Engine;

/// <summary>
/// Tests that swap Console.Out (WARN lines go to the console by default) run in this collection, alone,
/// so no other test's console output lands in their capture.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console capture";
}
