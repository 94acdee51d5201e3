using System;

namespace NanoRemap.Facts
{
    /// <summary>A facts file (boards/&lt;chip&gt;/registers.txt) that cannot be used; the message names file, line and element.</summary>
    public sealed class FactsException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="fileName">The file at fault.</param>
        /// <param name="line">The 1-based line at fault.</param>
        /// <param name="message">What is wrong, naming the element.</param>
        public FactsException(string fileName, int line, string message)
            : base(fileName + ":" + line + ": " + message)
        {
            FileName = fileName;
            Line = line;
        }

        /// <summary>The file at fault.</summary>
        public string FileName { get; }

        /// <summary>The 1-based line at fault.</summary>
        public int Line { get; }
    }
}
