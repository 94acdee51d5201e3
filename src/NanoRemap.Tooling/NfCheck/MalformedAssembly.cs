namespace NanoRemap.Tooling.NfCheck;

/// <summary>
/// One error for every way an assembly's bytes can be malformed: System.Reflection.Metadata and the IL readers
/// report a damaged file as <see cref="BadImageFormatException"/>, but also as an overflow or an index or argument
/// out of range. The readers' file entry points turn those into a <see cref="BadImageFormatException"/> naming the file,
/// so callers (nfcheck, native-checksum) handle one documented exception.
/// </summary>
public static class MalformedAssembly
{
    /// <summary>Runs <paramref name="read"/> over the assembly at <paramref name="path"/>.</summary>
    /// <typeparam name="T">The result.</typeparam>
    /// <param name="path">The assembly file (for the message).</param>
    /// <param name="read">The reading.</param>
    /// <returns>What <paramref name="read"/> returns.</returns>
    /// <exception cref="BadImageFormatException">The bytes are not a well-formed assembly.</exception>
    public static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is OverflowException or IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException or InvalidCastException)
        {
            throw new BadImageFormatException($"{Path.GetFileName(path)}: malformed metadata or IL ({e.GetType().Name}: {e.Message})", path, e);
        }
    }
}
