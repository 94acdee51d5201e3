using NanoRemap.Mm;

namespace NanoRemap.Tooling.Explain;

/// <summary>Names of the errno values the engine returns, for people: <c>-22</c> is <c>-EINVAL</c>.</summary>
public static class ErrnoNames
{
    /// <summary><c>0</c>, <c>-22 (-EINVAL)</c>, or the number alone when it has no name here.</summary>
    public static string Describe(int rc)
    {
        string? name = -rc switch
        {
            Errno.EPERM => "EPERM",
            Errno.ENOMEM => "ENOMEM",
            Errno.EACCES => "EACCES",
            Errno.EFAULT => "EFAULT",
            Errno.ENODEV => "ENODEV",
            Errno.EINVAL => "EINVAL",
            Errno.ENOSYS => "ENOSYS",
            _ => null,
        };

        return rc < 0 && name != null ? $"{rc} (-{name})" : rc.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
