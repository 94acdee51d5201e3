using System.IO;

namespace NanoRemap.IO
{
    /// <summary>
    /// An input that passes a reader's limit (file size, line length, nesting depth, element count): the message
    /// names the input, the line where it is known, and the limit. An <see cref="IOException"/>, so every verb
    /// that reports an unreadable input reports this one the same way (its documented "cannot run" exit code).
    /// </summary>
    public sealed class InputLimitException : IOException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="source">The input (a path, or &lt;stdin&gt;).</param>
        /// <param name="line">The 1-based line at fault, or 0 when unknown.</param>
        /// <param name="message">What limit was passed.</param>
        public InputLimitException(string source, int line, string message)
            : base(source + (line > 0 ? ":" + line : string.Empty) + ": " + message)
        {
            Input = source;
            Line = line;
        }

        /// <summary>The input at fault.</summary>
        public string Input { get; }

        /// <summary>The 1-based line at fault (0 when unknown).</summary>
        public int Line { get; }
    }
}
