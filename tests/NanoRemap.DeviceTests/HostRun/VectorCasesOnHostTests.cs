using System.Collections.Generic;
using System.IO;
using System.Linq;
using NanoRemap.Mm;
using Xunit;
using Xunit.Abstractions;

namespace NanoRemap.DeviceTests.HostRun
{
    /// <summary>
    /// Runs the generated vector cases through the device-side checking code on the host: the same files
    /// NFUnitTest compiles, so a green run here means the data the device checks is right and the checker
    /// agrees with the oracle. Also proves the checker can fail.
    /// </summary>
    public sealed class VectorCasesOnHostTests
    {
        private readonly ITestOutputHelper _output;

        public VectorCasesOnHostTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static IEnumerable<object[]> FileIndexes() =>
            Enumerable.Range(0, VectorCases.Files.Length).Select(i => new object[] { i, VectorCases.Files[i] });

        [Theory]
        [MemberData(nameof(FileIndexes))]
        public void Every_case_of_the_file_passes_on_the_device_checker(int index, string name)
        {
            VectorFile file = VectorCases.Load(index);
            Assert.Equal(name, file.Name);
            Assert.NotEmpty(file.Cases);
            var failures = new List<string>();
            int failed = VectorRunner.Run(file, failures.Add);
            failures.ForEach(_output.WriteLine);
            Assert.True(failed == 0, VectorRunner.Summary(file, failed) + "\n" + string.Join("\n", failures));
            Assert.Empty(failures);
        }

        [Fact]
        public void Load_covers_every_file_and_nothing_else()
        {
            for (int i = 0; i < VectorCases.Files.Length; i++)
            {
                Assert.Equal(VectorCases.Files[i], VectorCases.Load(i).Name);
            }

            Assert.Null(VectorCases.Load(VectorCases.Files.Length));
            Assert.Null(VectorCases.Load(-1));
        }

        [Fact]
        public void Generated_files_are_the_vector_files_on_disk()
        {
            string dir = Path.Combine(RepoRoot.Find(), "tests", "vectors");
            string[] onDisk = Directory.GetFiles(dir, "*.vec").Select(Path.GetFileName).OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(onDisk, VectorCases.Files);
        }

        // Every printed field of every case, changed by one, must be reported by name: the checker cannot
        // pass a wrong engine result.
        [Fact]
        public void The_checker_reports_each_printed_field_that_differs()
        {
            int checkedFields = 0;
            for (int i = 0; i < VectorCases.Files.Length; i++)
            {
                VectorFile file = VectorCases.Load(i);
                foreach (VectorCase c in file.Cases)
                {
                    VectorOutcome good = VectorEvaluator.Evaluate(c);
                    Assert.Null(VectorChecker.Compare(file.Name, c, good));
                    foreach (string field in PrintedFields(c))
                    {
                        VectorOutcome bad = Copy(good);
                        Perturb(bad, field);
                        string failure = VectorChecker.Compare(file.Name, c, bad);
                        Assert.NotNull(failure);
                        Assert.StartsWith(file.Name + ":" + c.Line + ": ", failure);
                        Assert.Contains(field + " expected ", failure);
                        checkedFields++;
                    }
                }
            }

            Assert.True(checkedFields > VectorCases.Files.Length, "no field was perturbed");
        }

        [Fact]
        public void A_wrong_expectation_is_reported_with_file_line_and_both_values()
        {
            VectorFile file = VectorCases.Examples();
            VectorCase c = file.Cases[0]; // op=prep ... phys=0x3ff44000 => rc=0 pfn=0x3ff44
            Assert.Equal(VectorOp.Prep, c.Op);
            c.ExpectPfn += 1;
            string failure = VectorChecker.Check(file.Name, c);
            Assert.Equal("examples.vec:" + c.Line + ": pfn expected 0x3FF45 got 0x3FF44", failure);
            var lines = new List<string>();
            Assert.Equal(1, VectorRunner.Run(file, lines.Add));
            Assert.Equal(new[] { failure }, lines);
            Assert.Equal("examples.vec: 1 of " + file.Cases.Length + " cases failed (listed above)", VectorRunner.Summary(file, 1));
        }

        [Fact]
        public void An_engine_exception_is_reported_not_thrown()
        {
            // PageShift 0 makes the engine's constructor throw: the checker must turn that into a failure line.
            var c = new VectorCase(99, VectorOp.Prep, false, WordModel.Ilp32, 0);
            string failure = VectorChecker.Check("x.vec", c);
            Assert.StartsWith("x.vec:99: threw System.ArgumentOutOfRangeException", failure);
        }

        private static IEnumerable<string> PrintedFields(VectorCase c)
        {
            yield return "rc";
            bool ok = c.ExpectRc == 0;
            switch (c.Op)
            {
                case VectorOp.Prep:
                    if (ok)
                    {
                        yield return "pfn";
                    }

                    break;
                case VectorOp.Iomap:
                    if (ok)
                    {
                        yield return "pfn";
                        yield return "pgoff";
                        yield return "flags";
                    }

                    break;
                case VectorOp.RemapPfnRange:
                    if (ok)
                    {
                        yield return "pgoff";
                        yield return "flags";
                    }

                    break;
                default:
                    yield return "prepare";
                    yield return "complete";
                    yield return "type";
                    if (c.ExpectType == 1 || c.ExpectType == 2)
                    {
                        yield return "pfn";
                    }

                    yield return "pgoff";
                    yield return "flags";
                    yield return "warns";
                    break;
            }
        }

        private static VectorOutcome Copy(VectorOutcome o) => new VectorOutcome
        {
            Rc = o.Rc,
            Pfn = o.Pfn,
            Pgoff = o.Pgoff,
            Flags = o.Flags,
            Prepare = o.Prepare,
            PrepareRan = o.PrepareRan,
            Complete = o.Complete,
            CompleteRan = o.CompleteRan,
            Type = o.Type,
            Warns = o.Warns,
        };

        // Changes one field without changing which fields are printed (rc stays 0 / non-0, type stays in its class).
        private static void Perturb(VectorOutcome o, string field)
        {
            switch (field)
            {
                case "rc":
                    o.Rc = o.Rc == 0 ? -1 : o.Rc - 1;
                    break;
                case "pfn":
                    o.Pfn ^= 1;
                    break;
                case "pgoff":
                    o.Pgoff ^= 1;
                    break;
                case "flags":
                    o.Flags ^= 0x100;
                    break;
                case "prepare":
                    // A step that ran gets another value (INT_MIN wraps: any int is a result); a skipped one runs.
                    if (o.PrepareRan)
                    {
                        o.Prepare = unchecked(o.Prepare - 1);
                    }
                    else
                    {
                        o.PrepareRan = true;
                    }

                    break;
                case "complete":
                    if (o.CompleteRan)
                    {
                        o.Complete = unchecked(o.Complete - 1);
                    }
                    else
                    {
                        o.CompleteRan = true;
                    }

                    break;
                case "type":
                    o.Type = o.Type == 1 ? 2 : o.Type == 2 ? 1 : o.Type == 0 ? 3 : 0;
                    break;
                case "warns":
                    o.Warns++;
                    break;
            }
        }
    }
}
