namespace NanoRemap.Tooling.Eval;

/// <summary>
/// A malformed case line. The message is what the contract prints after <c>error=</c>: what is wrong and
/// where (which key, which token), on one line.
/// </summary>
public sealed class EvalCaseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and where, one line.</param>
    public EvalCaseException(string message)
        : base(message)
    {
    }
}
