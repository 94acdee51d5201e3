using NanoRemap.Boards;
using NanoRemap.Mmio;
using Xunit;

namespace NanoRemap.Tests.Simulation;

/// <summary>
/// Issue 16 family 5: the simulator is shared by a driver's threads and its interrupt-like hooks; its read-modify-write
/// is atomic (as nr_modify32 in the device's critical section), and lazy storage and hook registration are safe.
/// Bounded iterations, no timing.
/// </summary>
public class ThreadSafetyTests
{
    private const int Threads = 8;
    private const int Iterations = 20_000;

    [Fact]
    public void Eight_threads_setting_and_clearing_their_own_bits_lose_no_update()
    {
        var sim = new RegisterSimulator(BoardMap.Get("esp32c3"));
        MmioWindow gpio = RegisterBus.CreateSimulated(sim).MapBlock("GPIO");
        uint enable = gpio.OffsetOf("ENABLE");
        int lost = 0;
        RunThreads(t =>
        {
            uint bit = 1u << t;
            for (int i = 0; i < Iterations; i++)
            {
                gpio.SetBits(enable, bit);
                if ((sim.Peek(gpio.PhysicalAddress + enable) & bit) == 0)
                {
                    Interlocked.Increment(ref lost); // another thread's stale write took my bit away
                }

                gpio.ClearBits(enable, bit);
                if ((sim.Peek(gpio.PhysicalAddress + enable) & bit) != 0)
                {
                    Interlocked.Increment(ref lost);
                }
            }

            gpio.SetBits(enable, bit); // each thread ends with its bit set
        });

        Assert.Equal(0, lost);
        Assert.Equal((1u << Threads) - 1, sim.Peek(gpio.PhysicalAddress + enable));
        Assert.Equal(Threads * (2 * Iterations + 1), sim.Modifies); // the counters lose nothing either
        Assert.Equal(sim.Modifies, sim.Writes);
    }

    [Fact]
    public void A_lock_on_the_simulator_makes_a_tests_read_then_write_atomic()
    {
        var sim = new RegisterSimulator(BoardMap.Get("esp32s3"));
        MmioWindow gpio = RegisterBus.CreateSimulated(sim).MapBlock("GPIO");
        uint output = gpio.OffsetOf("OUT");
        RunThreads(_ =>
        {
            for (int i = 0; i < Iterations / 4; i++)
            {
                lock (sim)
                {
                    gpio.Write32(output, gpio.Read32(output) + 1);
                }
            }
        });

        Assert.Equal((uint)(Threads * (Iterations / 4)), gpio.Read32(output));
    }

    [Fact]
    public void Hooks_registered_while_other_threads_access_lazily_allocated_blocks_all_take_effect()
    {
        BoardMap board = BoardMap.Get("esp32");
        var sim = new RegisterSimulator(board);
        uint[] bases = new[] { "I2C0", "RMT", "PCNT", "LEDC", "MCPWM0", "SPI2", "SPI3", "I2C1" }.Select(n => board.FindBlock(n).Base).ToArray();
        Assert.Equal(Threads, bases.Length);
        int hooked = 0;
        RunThreads(t =>
        {
            for (int i = 0; i < 64; i++)
            {
                uint a = bases[t] + (uint)(i * 4);
                sim.OnWrite(a, (s, address, value) => Interlocked.Increment(ref hooked));
                sim.Write32(a, (uint)i);                       // first touch allocates the block's storage
                sim.Reset();                                   // and another thread drops it meanwhile
            }
        });

        Assert.Equal(Threads * 64, hooked);                    // no registration lost to a concurrent grow
        for (int t = 0; t < Threads; t++)
        {
            sim.Write32(bases[t] + 4, 0xA5);
            Assert.Equal(0xA5u, sim.Peek(bases[t] + 4));
        }
    }

    private static void RunThreads(Action<int> body)
    {
        var threads = new Thread[Threads];
        Exception failure = null;
        using var start = new ManualResetEventSlim();
        for (int t = 0; t < Threads; t++)
        {
            int id = t;
            threads[t] = new Thread(() =>
            {
                start.Wait();
                try
                {
                    body(id);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            threads[t].Start();
        }

        start.Set();
        foreach (Thread th in threads)
        {
            th.Join();
        }

        if (failure != null)
        {
            throw new Xunit.Sdk.XunitException("a thread failed: " + failure);
        }
    }
}
