namespace NanoRemap.DeviceTests
{
    /// <summary>Where a failure line goes: the test framework's output on the device, the xunit output on the host.</summary>
    /// <param name="line">One failure, without a newline.</param>
    public delegate void FailureWriter(string line);

    /// <summary>Runs every case of a vector file and reports each failure itself (a nanoCLR exception would print nothing).</summary>
    public static class VectorRunner
    {
        /// <summary>Checks every case of <paramref name="file"/>, writing one line per failing case.</summary>
        /// <param name="file">The cases of one .vec file.</param>
        /// <param name="writer">Receives each failure line; null to count only.</param>
        /// <returns>How many cases failed (0 when all pass).</returns>
        public static int Run(VectorFile file, FailureWriter writer)
        {
            int failed = 0;
            VectorCase[] cases = file.Cases;
            for (int i = 0; i < cases.Length; i++)
            {
                string failure = VectorChecker.Check(file.Name, cases[i]);
                if (failure != null)
                {
                    failed++;
                    if (writer != null)
                    {
                        writer(failure);
                    }
                }
            }

            return failed;
        }

        /// <summary>The one-line verdict for a file, for the test's assertion message.</summary>
        /// <param name="file">The file.</param>
        /// <param name="failed">What <see cref="Run"/> returned.</param>
        /// <returns>E.g. <c>prep.vec: 2 of 40 cases failed (listed above)</c>.</returns>
        public static string Summary(VectorFile file, int failed)
        {
            return file.Name + ": " + failed.ToString() + " of " + file.Cases.Length.ToString() + " cases failed" + (failed == 0 ? string.Empty : " (listed above)");
        }
    }
}
