namespace NanoRemap.Mm
{
    /// <summary>
    /// The errno values the engine returns, negated like the kernel (<c>return -EINVAL;</c>).
    /// Values are the Linux asm-generic ones.
    /// </summary>
    public static class Errno
    {
        /// <summary>Operation not permitted.</summary>
        public const int EPERM = 1;
        /// <summary>Out of memory.</summary>
        public const int ENOMEM = 12;
        /// <summary>Permission denied.</summary>
        public const int EACCES = 13;
        /// <summary>Bad address: a remap range outside the VMA (<c>range_in_vma_desc</c>).</summary>
        public const int EFAULT = 14;
        /// <summary>No such device.</summary>
        public const int ENODEV = 19;
        /// <summary>Invalid argument: the answer of almost every rejected remap.</summary>
        public const int EINVAL = 22;
        /// <summary>Function not implemented.</summary>
        public const int ENOSYS = 38;
        /// <summary>The largest errno: <c>IS_ERR_VALUE(x)</c> is <c>x &gt;= (unsigned long)-MAX_ERRNO</c>.</summary>
        public const int MAX_ERRNO = 4095;

        /// <summary>
        /// <c>IS_ERR_VALUE((unsigned long)err)</c> for an int: true for -1 .. -4095 on every word size,
        /// since the int is sign-extended before the compare.
        /// </summary>
        /// <param name="err">The value to test.</param>
        /// <returns>True when <paramref name="err"/> is a valid negative errno.</returns>
        public static bool IsErrValue(int err)
        {
            return err < 0 && err >= -MAX_ERRNO;
        }
    }
}
