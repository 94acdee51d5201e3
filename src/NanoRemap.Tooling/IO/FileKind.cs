using System.Runtime.InteropServices;

namespace NanoRemap.Tooling.IO;

/// <summary>
/// What a path is, without following a symbolic link and without opening it (opening a FIFO blocks): a regular
/// file, a directory, a symbolic link, or something else (a FIFO, a device, a socket). On Linux this asks the
/// kernel (<c>statx</c>, whose layout is the same on every architecture); elsewhere it tells regular files,
/// directories and links apart by their attributes.
/// </summary>
public static class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid, stx_mode

    /// <summary>The kinds a path can be.</summary>
    public enum Kind
    {
        /// <summary>Nothing is there.</summary>
        Missing,

        /// <summary>A regular file.</summary>
        Regular,

        /// <summary>A directory.</summary>
        Directory,

        /// <summary>A symbolic link (not followed).</summary>
        SymbolicLink,

        /// <summary>A FIFO, character or block device, or socket.</summary>
        Special,
    }

    /// <summary>What <paramref name="path"/> is (a symbolic link is not followed).</summary>
    /// <param name="path">The path.</param>
    /// <returns>Its kind.</returns>
    public static Kind Of(string path)
    {
        if (OperatingSystem.IsLinux() && TryStatx(path, out Kind kind))
        {
            return kind;
        }

        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path))
        {
            return info.LinkTarget != null ? Kind.SymbolicLink : Kind.Missing;
        }

        if (info.LinkTarget != null || (info.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            return Kind.SymbolicLink;
        }

        if ((info.Attributes & FileAttributes.Directory) != 0)
        {
            return Kind.Directory;
        }

        return (info.Attributes & FileAttributes.Device) != 0 ? Kind.Special : Kind.Regular;
    }

    /// <summary>A sentence saying why <paramref name="path"/> may not be replaced by a writer, or null when it may (missing or a regular file).</summary>
    /// <param name="path">The path a writer would replace.</param>
    /// <returns>The reason, or null.</returns>
    public static string? WhyNotReplaceable(string path) => Of(path) switch
    {
        Kind.Missing or Kind.Regular => null,
        Kind.Directory => $"{path} is a directory",
        Kind.SymbolicLink => $"{path} is a symbolic link (only a regular file is replaced; write to its target's path)",
        _ => $"{path} is a FIFO, device or socket (only a regular file is replaced)",
    };

    private static bool TryStatx(string path, out Kind kind)
    {
        kind = Kind.Missing;
        var buffer = new byte[256];
        int rc;
        try
        {
            rc = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        if (rc != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == 2 || errno == 20)
            {
                return true; // ENOENT, ENOTDIR: missing
            }

            return false;
        }

        int mode = buffer[ModeOffset] | (buffer[ModeOffset + 1] << 8);
        kind = (mode & 0xF000) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Directory,
            0xA000 => Kind.SymbolicLink,
            _ => Kind.Special,
        };
        return true;
    }

    [DllImport("libc.so.6", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
