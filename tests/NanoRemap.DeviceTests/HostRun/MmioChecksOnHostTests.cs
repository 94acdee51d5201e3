using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NanoRemap.DeviceTests.HostRun
{
    /// <summary>The device's MMIO window checks (Core/MmioChecks.cs), run on the host against the same simulated boards.</summary>
    public sealed class MmioChecksOnHostTests
    {
        public static IEnumerable<object[]> Cases() =>
            from i in Enumerable.Range(0, MmioChecks.Names.Length)
            from b in MmioChecks.Boards
            select new object[] { MmioChecks.Names[i], b };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Check_passes_on_the_simulated_board(string check, string board)
        {
            int index = System.Array.IndexOf(MmioChecks.Names, check);
            Assert.Null(MmioChecks.Run(index, board));
        }

        [Fact]
        public void Every_name_has_a_check_and_all_boards_pass()
        {
            var failures = new List<string>();
            for (int i = 0; i < MmioChecks.Names.Length; i++)
            {
                Assert.Equal(0, MmioChecks.RunOnAllBoards(i, failures.Add));
            }

            Assert.Empty(failures);
            Assert.Equal(MmioChecks.Names.Length, MmioChecks.Names.Distinct().Count());
        }

        [Fact]
        public void A_failing_check_is_reported_as_text_not_thrown()
        {
            Assert.Equal("esp32 99: no check 99", MmioChecks.Run(99, "esp32"));
            string failure = MmioChecks.Run(0, "no-such-board");
            Assert.StartsWith("no-such-board MapsTheGpioBlockAtItsPhysicalAddress: threw System.", failure);
            var lines = new List<string>();
            Assert.Equal(3, RunOn(new[] { "x", "y", "z" }, lines));
            Assert.Equal(3, lines.Count);
        }

        private static int RunOn(string[] boards, List<string> lines)
        {
            int failed = 0;
            foreach (string b in boards)
            {
                string f = MmioChecks.Run(1, b);
                if (f != null)
                {
                    lines.Add(f);
                    failed++;
                }
            }

            return failed;
        }
    }
}
