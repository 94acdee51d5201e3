using nanoFramework.TestFramework;

namespace NanoRemap.DeviceTests
{
    /// <summary>
    /// The bridge from the runner-independent checks (Core/) to nanoFramework.TestFramework: print every
    /// failure line with <see cref="OutputHelper"/> (Console, so it shows in Release builds where
    /// Debug.WriteLine is compiled out), then assert on the count, so a failing test says what failed.
    /// </summary>
    internal static class DeviceAssert
    {
        /// <summary>Every case of a vector file passes on the device engine.</summary>
        /// <param name="file">The generated cases of one .vec file.</param>
        public static void VectorFilePasses(VectorFile file)
        {
            int failed = VectorRunner.Run(file, new FailureWriter(OutputHelper.WriteLine));
            string summary = VectorRunner.Summary(file, failed);
            OutputHelper.WriteLine(summary);
            Assert.AreEqual(0, failed, summary);
        }

        /// <summary>One MMIO window check passes on every simulated board.</summary>
        /// <param name="index">The check, an index of <see cref="MmioChecks.Names"/>.</param>
        public static void MmioCheckPasses(int index)
        {
            int failed = MmioChecks.RunOnAllBoards(index, new FailureWriter(OutputHelper.WriteLine));
            string summary = MmioChecks.Names[index] + ": " + failed.ToString() + " of " + MmioChecks.Boards.Length.ToString() + " boards failed";
            OutputHelper.WriteLine(summary);
            Assert.AreEqual(0, failed, summary);
        }
    }
}
