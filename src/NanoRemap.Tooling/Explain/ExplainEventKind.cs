namespace NanoRemap.Tooling.Explain;

/// <summary>What an <see cref="ExplainEvent"/> records: one call of an <see cref="NanoRemap.Mm.IMmTracer"/> method.</summary>
public enum ExplainEventKind
{
    /// <summary>A kernel function is entered.</summary>
    Enter,

    /// <summary>A check ran.</summary>
    Check,

    /// <summary>A variable or field was given a value.</summary>
    Assign,

    /// <summary>A WARN site fired.</summary>
    Warn,

    /// <summary>A kernel function returned.</summary>
    Leave,
}
