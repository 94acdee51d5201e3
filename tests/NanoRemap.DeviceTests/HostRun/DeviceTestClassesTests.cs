using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace NanoRemap.DeviceTests.HostRun
{
    /// <summary>
    /// The TestFramework classes cannot be compiled here (nanoFramework.TestFramework is not available on
    /// Linux), so their hand-written wiring is checked as text: MmioTests.cs has one [TestMethod] per check,
    /// named after it and calling it by its own index.
    /// </summary>
    public sealed class DeviceTestClassesTests
    {
        [Fact]
        public void MmioTests_calls_every_check_by_its_own_index_once()
        {
            string text = File.ReadAllText(Path.Combine(RepoRoot.Find(), "tests", "NanoRemap.DeviceTests", "MmioTests.cs"));
            MatchCollection methods = Regex.Matches(text, @"\[TestMethod\]\s*public void (\w+)\(\)\s*\{\s*DeviceAssert\.MmioCheckPasses\((\d+)\);\s*\}");
            Assert.Equal(Regex.Matches(text, @"\[TestMethod\]").Count, methods.Count);
            Assert.Equal(MmioChecks.Names, methods.Select(m => m.Groups[1].Value).ToArray());
            foreach (Match m in methods)
            {
                Assert.Equal(System.Array.IndexOf(MmioChecks.Names, m.Groups[1].Value), int.Parse(m.Groups[2].Value));
            }
        }
    }
}
