using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace NanoRemap.IO
{
    /// <summary>
    /// A line reader with limits: no line longer than <see cref="MaxLineChars"/>, no more than
    /// <see cref="MaxTotalChars"/> characters in all. Memory stays bounded whatever the input is (a device such as
    /// /dev/zero, a FIFO, standard input): past a limit it throws <see cref="InputLimitException"/> naming the input
    /// and line. Lines end at '\n', '\r' or "\r\n", as <see cref="TextReader.ReadLine"/> has them.
    /// </summary>
    public sealed class BoundedReader : TextReader
    {
        /// <summary>The limits of the tool's own line files (nf.config, board.map, svd-patches.txt, registers.txt): 64 Ki characters a line.</summary>
        public const int DefaultMaxLineChars = 64 * 1024;

        /// <summary>The size limit of the tool's own line files: 64 MiB.</summary>
        public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

        private readonly TextReader _inner;
        private readonly string _source;
        private readonly bool _leaveOpen;
        private long _total;
        private int _line;

        /// <summary>Wraps a reader.</summary>
        /// <param name="inner">The text (disposed with this reader).</param>
        /// <param name="source">The input's name for messages.</param>
        /// <param name="maxLineChars">The longest line accepted, in characters.</param>
        /// <param name="maxTotalChars">The most characters read in all.</param>
        /// <param name="leaveOpen">Whether <paramref name="inner"/> stays open when this reader is disposed (standard input).</param>
        public BoundedReader(TextReader inner, string source, int maxLineChars, long maxTotalChars, bool leaveOpen = false)
        {
            _leaveOpen = leaveOpen;
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _source = source;
            MaxLineChars = maxLineChars;
            MaxTotalChars = maxTotalChars;
        }

        /// <summary>The longest line accepted, in characters.</summary>
        public int MaxLineChars { get; }

        /// <summary>The most characters read in all.</summary>
        public long MaxTotalChars { get; }

        /// <summary>The 1-based number of the last line read (0 before the first).</summary>
        public int LineNumber => _line;

        /// <summary>Opens a file for bounded line reading (UTF-8, BOM detected).</summary>
        /// <param name="path">The file (any kind: a device or FIFO is read up to the limits).</param>
        /// <param name="maxLineChars">The longest line accepted.</param>
        /// <param name="maxTotalChars">The most characters read in all.</param>
        /// <returns>The reader.</returns>
        public static BoundedReader OpenFile(string path, int maxLineChars, long maxTotalChars) =>
            new BoundedReader(new StreamReader(path, Encoding.UTF8, true), path, maxLineChars, maxTotalChars);

        /// <summary>
        /// Reads a whole file, at most <paramref name="maxBytes"/> bytes, as UTF-8 text (BOM detected). A larger
        /// input, or an endless one (/dev/zero), is an <see cref="InputLimitException"/> after reading at most
        /// <paramref name="maxBytes"/> + 1 bytes.
        /// </summary>
        /// <param name="path">The file.</param>
        /// <param name="maxBytes">The size limit.</param>
        /// <returns>The text.</returns>
        /// <exception cref="InputLimitException">The file is larger than the limit.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static string ReadAllText(string path, long maxBytes)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan))
            {
                return ReadAllText(stream, path, maxBytes);
            }
        }

        /// <summary>Reads a whole stream, at most <paramref name="maxBytes"/> bytes, as UTF-8 text (BOM detected).</summary>
        /// <param name="stream">The stream.</param>
        /// <param name="source">The input's name for messages.</param>
        /// <param name="maxBytes">The size limit.</param>
        /// <returns>The text.</returns>
        /// <exception cref="InputLimitException">The stream holds more than the limit.</exception>
        public static string ReadAllText(Stream stream, string source, long maxBytes)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > maxBytes)
                {
                    throw new InputLimitException(source, 0, "larger than the limit of " + maxBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
                }

                buffer.Write(chunk, 0, n);
            }

            buffer.Position = 0;
            using (var reader = new StreamReader(buffer, Encoding.UTF8, true))
            {
                return reader.ReadToEnd();
            }
        }

        /// <inheritdoc/>
        public override int Peek() => _inner.Peek();

        /// <inheritdoc/>
        public override int Read()
        {
            int c = _inner.Read();
            if (c >= 0 && ++_total > MaxTotalChars)
            {
                throw new InputLimitException(_source, _line + 1, "more than the limit of " + MaxTotalChars.ToString("N0", CultureInfo.InvariantCulture) + " characters");
            }

            return c;
        }

        /// <summary>Reads a line (without its end), or null at the end of the input.</summary>
        /// <returns>The line, or null.</returns>
        /// <exception cref="InputLimitException">The line is longer than <see cref="MaxLineChars"/>, or the input longer than <see cref="MaxTotalChars"/>.</exception>
        public override string ReadLine()
        {
            var sb = new StringBuilder();
            int c = Read();
            if (c < 0)
            {
                return null;
            }

            _line++;
            while (c >= 0)
            {
                if (c == '\n')
                {
                    break;
                }

                if (c == '\r')
                {
                    if (_inner.Peek() == '\n')
                    {
                        Read();
                    }

                    break;
                }

                if (sb.Length >= MaxLineChars)
                {
                    throw new InputLimitException(_source, _line, "a line longer than the limit of " + MaxLineChars.ToString("N0", CultureInfo.InvariantCulture) + " characters");
                }

                sb.Append((char)c);
                c = Read();
            }

            return sb.ToString();
        }

        /// <summary>Reads the rest of the input as text (within <see cref="MaxTotalChars"/>).</summary>
        /// <returns>The text.</returns>
        public override string ReadToEnd()
        {
            var sb = new StringBuilder();
            int c;
            while ((c = Read()) >= 0)
            {
                sb.Append((char)c);
            }

            return sb.ToString();
        }

        /// <inheritdoc/>
        protected override void Dispose(bool disposing)
        {
            if (disposing && !_leaveOpen)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
