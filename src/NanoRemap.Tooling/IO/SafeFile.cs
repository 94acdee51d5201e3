using System.Globalization;
using System.Text;

namespace NanoRemap.Tooling.IO;

/// <summary>
/// Writes a set of files all or none: every file's contents go to a temporary file beside it first; only when
/// every temporary file is written are they renamed over their targets. A target that exists and is not a
/// regular file (a directory, a symbolic link, a FIFO, a device) is refused before anything is written; a
/// failure deletes the temporary files and leaves every target as it was.
/// </summary>
public static class SafeFile
{
    /// <summary>Writes one file (UTF-8 without BOM) through a temporary file and a rename.</summary>
    /// <param name="path">The target.</param>
    /// <param name="contents">The text.</param>
    /// <exception cref="IOException">The target is not a regular file, or it cannot be written (nothing changed).</exception>
    public static void WriteText(string path, string contents) => WriteAll(new[] { (path, Encoding.UTF8.GetBytes(contents)) });

    /// <summary>Writes text files all or none (UTF-8 without BOM).</summary>
    /// <param name="files">Target paths and contents.</param>
    /// <exception cref="IOException">A target is not a regular file, or a file cannot be written (no target changed).</exception>
    public static void WriteAllText(IEnumerable<(string Path, string Contents)> files) =>
        WriteAll(files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Contents))).ToList());

    /// <summary>Writes files all or none.</summary>
    /// <param name="files">Target paths and contents.</param>
    /// <exception cref="IOException">A target is not a regular file, or a file cannot be written (no target changed).</exception>
    public static void WriteAll(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var targets = new List<(string Temp, string Full)>();
        foreach ((string path, _) in files)
        {
            string full = Path.GetFullPath(path);
            string? why = FileKind.WhyNotReplaceable(full);
            if (why != null)
            {
                throw new IOException($"cannot write {path}: {why}");
            }

            string dir = Path.GetDirectoryName(full)!;
            targets.Add((Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.tmp"), full));
        }

        bool done = false;
        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(targets[i].Full)!);
                File.Delete(targets[i].Temp); // a stale one of an earlier run (a link is removed, not followed)
                using (var stream = new FileStream(targets[i].Temp, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(files[i].Bytes);
                }
            }

            // Checked again just before the renames: nothing became a link or FIFO while the temporaries were written.
            foreach ((_, string full) in targets)
            {
                string? why = FileKind.WhyNotReplaceable(full);
                if (why != null)
                {
                    throw new IOException($"cannot write {full}: {why}");
                }
            }

            foreach ((string temp, string full) in targets)
            {
                File.Move(temp, full, overwrite: true);
            }

            done = true;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException(e.Message, e);
        }
        finally
        {
            if (!done)
            {
                foreach ((string temp, _) in targets)
                {
                    try
                    {
                        File.Delete(temp);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // best effort: a temporary file is never a target
                    }
                }
            }
        }
    }
}
