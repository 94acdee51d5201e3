namespace NanoRemap.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        return CommandDefinitions.Build().Parse(args).Invoke();
    }
}
