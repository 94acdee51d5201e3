namespace NanoRemap.Cli;

/// <summary>Process exit codes of the verbs.</summary>
internal static class ExitCodes
{
    /// <summary>Every case line was well formed (eval), or the verb succeeded.</summary>
    public const int Ok = 0;

    /// <summary>At least one case line was malformed (it printed <c>error=...</c>), or a vector mismatched.</summary>
    public const int Malformed = 1;

    /// <summary>The verb could not run: an unreadable input file, a bad nf.config, bad options.</summary>
    public const int CannotRun = 2;
}
