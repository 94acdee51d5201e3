namespace NanoRemap.DeviceTests
{
    /// <summary>The cases of one tests/vectors/*.vec file, in file order.</summary>
    public sealed class VectorFile
    {
        /// <summary>The file name, e.g. <c>prep.vec</c>.</summary>
        public readonly string Name;

        /// <summary>The cases.</summary>
        public readonly VectorCase[] Cases;

        /// <summary>Creates the file's case list.</summary>
        /// <param name="name">The file name.</param>
        /// <param name="cases">The cases, in file order.</param>
        public VectorFile(string name, VectorCase[] cases)
        {
            Name = name;
            Cases = cases;
        }
    }
}
