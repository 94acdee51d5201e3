using System;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace NanoRemap.WindowProbe
{
    /// <summary>
    /// Checks first that a hardware window and a simulated window agree (<see cref="Checks"/>), then times N iterations each of an empty loop, the direct bus InternalCalls (NativeRegisterAccess, reached through
    /// InternalsVisibleTo) and the window operations on LEDC.LSTIMER0_CONF of the ESP32 board, on the interpreter it
    /// runs on; prints ns/op net of the empty loop and the ratio window / direct. Each measure is the least of
    /// several rounds. Needs a nanoCLR with the NanoRemap interop library (the posix simulated board): on one
    /// without it the InternalCalls are missing and the program says so.
    /// </summary>
    public static class Program
    {
        private const int N = 10000;
        private const int Rounds = 41; // short rounds, many: the least of them is the one no other process interrupted
        private const int Kinds = 11;   // the empty loop, then direct and window of five operations

        /// <summary>Entry point (nanoFramework runs Main).</summary>
        public static void Main()
        {
            if (Checks.Run() != 0)
            {
                Console.WriteLine("probe: FAILED: the hardware window and the simulated window disagree (above)");
                return;
            }

            RegisterBus bus = RegisterBus.CreateHardware(BoardTables.Esp32);
            MmioWindow w = bus.MapBlock("LEDC");
            uint off = Esp32.Ledc.LSTIMER0_CONF; // the typed constants are compiled in: no NanoRemap.Esp32.pe needed
            uint addr = w.PhysicalAddress + off;
            const uint DutyRes = Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES;

            // the window and the direct call must see the same register before anything is timed
            NativeRegisterAccess.NativeWrite32(addr, 0x01000000);
            w.SetField(off, DutyRes, 10);
            if (w.Read32(off) != NativeRegisterAccess.NativeRead32(addr) || (w.Read32(off) & 0x1F) != 10)
            {
                Console.WriteLine("probe: FAILED: the window and the direct InternalCall disagree on LEDC.LSTIMER0_CONF");
                return;
            }

            Console.WriteLine("probe: nanoCLR window access vs direct bus InternalCall, N=" + N.ToString() + ", least of " + Rounds.ToString() + " interleaved rounds, ns/op net of the empty loop");
            long[] best = Best(ref w, off, addr);
            long empty = best[0];
            Console.WriteLine("probe: empty loop " + Ns(empty) + " ns/iteration");
            Report("Read32", best[1], best[2], empty);
            Report("Write32", best[3], best[4], empty);
            Report("SetBits", best[5], best[6], empty);
            Report("ClearBits", best[7], best[8], empty);
            Report("SetField", best[9], best[10], empty);
            Console.WriteLine("probe: done");
        }

        private static void Report(string name, long direct, long window, long empty)
        {
            long d = direct - empty;
            long x = window - empty;
            // ratio in hundredths, integer arithmetic (no float formatting differences between runtimes)
            long ratio = d > 0 ? (x * 100 + d / 2) / d : 0;
            Console.WriteLine("probe: " + name + " direct " + Ns(d) + " ns, window " + Ns(x) + " ns, ratio "
                + (ratio / 100).ToString() + "." + (ratio % 100).ToString("D2"));
        }

        // Ticks (100 ns) for N iterations, as ns per iteration with one decimal.
        private static string Ns(long ticks)
        {
            long tenthNs = ticks * 1000 / N; // ticks * 100 ns * 10 / N
            return (tenthNs / 10).ToString() + "." + (tenthNs % 10).ToString();
        }

        // The least time of each kind over the rounds; every round runs every kind once, one after the other, so the
        // kinds share the machine's quiet and busy moments.
        private static long[] Best(ref MmioWindow w, uint off, uint addr)
        {
            long[] best = new long[Kinds];
            for (int k = 0; k < Kinds; k++)
            {
                best[k] = long.MaxValue;
            }

            for (int r = 0; r < Rounds; r++)
            {
                for (int k = 0; k < Kinds; k++)
                {
                    long t = Time(k, ref w, off, addr);
                    if (t < best[k])
                    {
                        best[k] = t;
                    }
                }
            }

            return best;
        }

        // One round of N iterations of one kind: 0 empty; odd direct, even window (Read32, Write32, SetBits,
        // ClearBits, SetField). The window is a local of this frame, as in a driver's loop.
        private static long Time(int kind, ref MmioWindow window, uint off, uint addr)
        {
            MmioWindow w = window;
            uint v = 0;
            const uint DutyRes = Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES;
            const uint Bit = 1u << 23; // LSTIMER0_PAUSE
            long start = DateTime.UtcNow.Ticks;
            switch (kind)
            {
                case 0:
                    for (int i = 0; i < N; i++)
                    {
                    }

                    break;
                case 1:
                    for (int i = 0; i < N; i++)
                    {
                        v = NativeRegisterAccess.NativeRead32(addr);
                    }

                    break;
                case 2:
                    for (int i = 0; i < N; i++)
                    {
                        v = w.Read32(off);
                    }

                    break;
                case 3:
                    for (int i = 0; i < N; i++)
                    {
                        NativeRegisterAccess.NativeWrite32(addr, 0x0100000A);
                    }

                    break;
                case 4:
                    for (int i = 0; i < N; i++)
                    {
                        w.Write32(off, 0x0100000A);
                    }

                    break;
                case 5:
                    for (int i = 0; i < N; i++)
                    {
                        NativeRegisterAccess.NativeModify32(addr, 0, Bit, 0);
                    }

                    break;
                case 6:
                    for (int i = 0; i < N; i++)
                    {
                        w.SetBits(off, Bit);
                    }

                    break;
                case 7:
                    for (int i = 0; i < N; i++)
                    {
                        NativeRegisterAccess.NativeModify32(addr, Bit, 0, 0);
                    }

                    break;
                case 8:
                    for (int i = 0; i < N; i++)
                    {
                        w.ClearBits(off, Bit);
                    }

                    break;
                case 9:
                    for (int i = 0; i < N; i++)
                    {
                        NativeRegisterAccess.NativeModify32(addr, 0x1Fu, 10u, 0);
                    }

                    break;
                default:
                    for (int i = 0; i < N; i++)
                    {
                        w.SetField(off, DutyRes, 10);
                    }

                    break;
            }

            long ticks = DateTime.UtcNow.Ticks - start;
            if (v == 0xDEADBEEF)
            {
                Console.WriteLine("probe: unexpected register value");
            }

            return ticks;
        }
    }
}
