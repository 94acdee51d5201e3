namespace NanoRemap.Facts
{
    /// <summary>
    /// The access of a register, field or range as the vendor SVD gives it (after the SVD's inheritance of
    /// peripheral and register defaults). The facts file spells them <c>ro</c>, <c>wo</c>, <c>rw</c>, <c>wo1</c>
    /// and <c>rw1</c>.
    /// </summary>
    public enum FactsAccess
    {
        /// <summary><c>ro</c>: SVD <c>read-only</c>; writes have no effect on the bits.</summary>
        ReadOnly,

        /// <summary><c>wo</c>: SVD <c>write-only</c>; reads return no meaningful value.</summary>
        WriteOnly,

        /// <summary><c>rw</c>: SVD <c>read-write</c>.</summary>
        ReadWrite,

        /// <summary><c>wo1</c>: SVD <c>writeOnce</c>; only the first write after reset has an effect, no reads.</summary>
        WriteOnce,

        /// <summary><c>rw1</c>: SVD <c>read-writeOnce</c>; readable, only the first write after reset has an effect.</summary>
        ReadWriteOnce,
    }
}
