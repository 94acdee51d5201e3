using System;

namespace NanoRemap.Facts
{
    /// <summary>The spellings of <see cref="FactsAccess"/> in the facts file and in CMSIS-SVD.</summary>
    public static class FactsAccessNames
    {
        /// <summary>The facts-file token of an access: <c>ro</c>, <c>wo</c>, <c>rw</c>, <c>wo1</c> or <c>rw1</c>.</summary>
        /// <param name="access">The access.</param>
        /// <returns>The token.</returns>
        public static string Token(FactsAccess access)
        {
            switch (access)
            {
                case FactsAccess.ReadOnly: return "ro";
                case FactsAccess.WriteOnly: return "wo";
                case FactsAccess.ReadWrite: return "rw";
                case FactsAccess.WriteOnce: return "wo1";
                case FactsAccess.ReadWriteOnce: return "rw1";
                default: throw new ArgumentOutOfRangeException(nameof(access));
            }
        }

        /// <summary>Parses a facts-file token.</summary>
        /// <param name="token">The token.</param>
        /// <param name="access">The access, when the token is one.</param>
        /// <returns>Whether <paramref name="token"/> is one of the five tokens.</returns>
        public static bool TryParseToken(string token, out FactsAccess access)
        {
            switch (token)
            {
                case "ro": access = FactsAccess.ReadOnly; return true;
                case "wo": access = FactsAccess.WriteOnly; return true;
                case "rw": access = FactsAccess.ReadWrite; return true;
                case "wo1": access = FactsAccess.WriteOnce; return true;
                case "rw1": access = FactsAccess.ReadWriteOnce; return true;
                default: access = FactsAccess.ReadWrite; return false;
            }
        }

        /// <summary>Parses a CMSIS-SVD <c>&lt;access&gt;</c> value.</summary>
        /// <param name="svd">The text: read-only, write-only, read-write, writeOnce or read-writeOnce.</param>
        /// <param name="access">The access, when the text is one.</param>
        /// <returns>Whether <paramref name="svd"/> is one of the five SVD values.</returns>
        public static bool TryParseSvd(string svd, out FactsAccess access)
        {
            switch (svd)
            {
                case "read-only": access = FactsAccess.ReadOnly; return true;
                case "write-only": access = FactsAccess.WriteOnly; return true;
                case "read-write": access = FactsAccess.ReadWrite; return true;
                case "writeOnce": access = FactsAccess.WriteOnce; return true;
                case "read-writeOnce": access = FactsAccess.ReadWriteOnce; return true;
                default: access = FactsAccess.ReadWrite; return false;
            }
        }

        /// <summary>Whether reads of this access return the register's content.</summary>
        /// <param name="access">The access.</param>
        /// <returns>False for <c>wo</c> and <c>wo1</c>.</returns>
        public static bool IsReadable(FactsAccess access) =>
            access != FactsAccess.WriteOnly && access != FactsAccess.WriteOnce;

        /// <summary>Whether writes of this access can change the register.</summary>
        /// <param name="access">The access.</param>
        /// <returns>False for <c>ro</c>.</returns>
        public static bool IsWritable(FactsAccess access) => access != FactsAccess.ReadOnly;
    }
}
