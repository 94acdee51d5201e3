namespace NanoRemap.Tests;

/// <summary>
/// What a loop allocates on the current thread, the least of a few runs. The runtime itself allocates now and then on a
/// test thread (tiered-JIT promotion, type loading) while other test classes run in parallel; an allocation on the
/// measured path shows in every run, so the least is the path's own.
/// </summary>
internal static class Allocations
{
    /// <summary>Runs <paramref name="loop"/> up to <paramref name="runs"/> times (stopping at a run that allocates nothing).</summary>
    /// <param name="loop">The measured loop (create the delegate before: creating it allocates).</param>
    /// <param name="runs">At most this many runs.</param>
    /// <returns>The fewest bytes one run allocated on this thread.</returns>
    internal static long Least(Action loop, int runs = 3)
    {
        long least = long.MaxValue;
        for (int r = 0; r < runs && least != 0; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            loop();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
