using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace NanoRemap.Benchmarks
{
    /// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/NanoRemap.Benchmarks -- --filter '*'</c>.</summary>
    public static class Program
    {
        /// <summary>Runs the benchmarks picked by the command line (BenchmarkDotNet switcher).</summary>
        /// <param name="args">BenchmarkDotNet arguments, e.g. <c>--filter '*'</c>.</param>
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, CreateConfig());
        }

        /// <summary>
        /// A short job so the whole suite finishes in a few minutes on 2 cores: one launch, 3 warm-up and
        /// 10 measured iterations of ~100 ms each. Every operation is a few nanoseconds, so each iteration
        /// averages millions of calls; the error column says how tight the run was.
        /// </summary>
        /// <returns>The configuration.</returns>
        public static IConfig CreateConfig()
        {
            Job shortJob = Job.Default
                .WithId("Short")
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(100));
            return DefaultConfig.Instance
                .AddJob(shortJob)
                .WithOptions(ConfigOptions.JoinSummary);
        }
    }
}
