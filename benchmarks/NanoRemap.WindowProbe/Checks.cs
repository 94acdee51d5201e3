using System;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mmio;

namespace NanoRemap.WindowProbe
{
    /// <summary>
    /// Before anything is timed: the window operations give the same results and the same exceptions (type and
    /// message) on a hardware window (on a nanoCLR with the interop library: the native fast paths, and the IL they
    /// hand a call back to) as on a simulated window of the same board (the managed simulator, through the same
    /// methods). A probe that measures a wrong window measures nothing.
    /// </summary>
    internal static class Checks
    {
        private const int Cases = 18;

        // What each case must give (a value, or the start of "ExceptionType: message"), on both windows.
        private static readonly string[] Expected = new string[]
        {
            "0x0100000A", "0x0180000A", "0x0100000A", "0x0200000A", "0x0100000A -> 0x01800003", "0x01000011", "0x01007D0A",
            "System.ArgumentOutOfRangeException: ", "System.ArgumentException: ", "System.ArgumentOutOfRangeException: ",
            "System.ArgumentOutOfRangeException: ", "System.ArgumentOutOfRangeException: ", "System.ArgumentException: ",
            "System.ArgumentException: the window is not mapped", "System.InvalidOperationException: refused read of 0x3FF50000 on esp32: fifo",
            "System.InvalidOperationException: refused write of 0x3FF40000 on esp32: denied",
            "System.InvalidOperationException: refused modify of 0x3FF000C0 on esp32: denied",
            "System.InvalidOperationException: refused modify of 0x3FF50000 on esp32: fifo",
        };

        /// <summary>Runs every case on both windows; prints one line per difference; returns the number of differences.</summary>
        public static int Run()
        {
            BoardMap board = BoardTables.Esp32;
            RegisterBus hw = RegisterBus.CreateHardware(board);
            RegisterBus sim = RegisterBus.CreateSimulated(new RegisterSimulator(board, Model()));
            int failures = 0;
            for (int c = 0; c < Cases; c++)
            {
                string h = Outcome(c, hw);
                string s = Outcome(c, sim);
                if (h != s || !h.StartsWith(Expected[c]))
                {
                    Console.WriteLine("probe: FAILED: case " + c.ToString() + ": hardware window: " + h + " | simulated window: " + s
                        + " | expected: " + Expected[c]);
                    failures++;
                }
            }

            Console.WriteLine("probe: " + (Cases - failures).ToString() + " of " + Cases.ToString()
                + " cases agree between the hardware window (native fast paths) and the simulated window, values and exceptions");
            return failures;
        }

        // The registers the cases touch whose reset value is not 0 start, on the simulated window, where the posix board
        // (the hardware window) starts them: at the reset value of the facts (boards/esp32/registers.txt).
        private static RegisterModel Model()
        {
            RegisterModel model = new RegisterModel();
            model.Add(Esp32.Dport.BASE + Esp32.Dport.PERIP_CLK_EN, PeripClkEnReset, 0, 0, 0, 0);
            model.Add(Esp32.Dport.BASE + Esp32.Dport.PERIP_RST_EN, 0, 0, 0, 0, 0);
            return model;
        }

        // DPORT.PERIP_CLK_EN's reset value in the facts (ESP-IDF's, `patched=reset`): the firmware's clocks run.
        private const uint PeripClkEnReset = 0xF9C1E06F;

        // DPORT.PERIP_CLK_EN.SPI01_CLK_EN: set at reset and `protect`ed (board.map): clearing it stops the flash.
        private const uint Spi01ClkEn = 1u << 1;

        private static string Outcome(int c, RegisterBus bus)
        {
            try
            {
                return Do(c, bus);
            }
            catch (Exception ex)
            {
                return ex.GetType().FullName + ": " + ex.Message;
            }
        }

        private static string Hex(uint v)
        {
            return "0x" + v.ToString("X8");
        }

        private static string Do(int c, RegisterBus bus)
        {
            MmioWindow w = bus.MapBlock("LEDC");
            uint off = Esp32.Ledc.LSTIMER0_CONF;
            switch (c)
            {
                case 0:
                    w.Write32(off, 0x0100000A);
                    return Hex(w.Read32(off));
                case 1:
                    w.Write32(off, 0x0100000A);
                    w.SetBits(off, 1u << 23);
                    return Hex(w.Read32(off));
                case 2:
                    w.Write32(off, 0x0180000A);
                    w.ClearBits(off, 1u << 23);
                    return Hex(w.Read32(off));
                case 3:
                    w.Write32(off, 0x0100000A);
                    w.ToggleBits(off, 1u << 25);
                    w.ToggleBits(off, 1u << 24);
                    return Hex(w.Read32(off));
                case 4:
                    w.Write32(off, 0x0100000A);
                    uint old = w.Modify(off, 0x1F, 3, 1u << 23);
                    return Hex(old) + " -> " + Hex(w.Read32(off));
                case 5:
                    w.Write32(off, 0x0100000A);
                    w.SetField(off, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES, 17);
                    return Hex(w.Read32(off));
                case 6:
                    w.Write32(off, 0x0100000A);
                    w.SetField(off, 0x3FFFFu, 5, 1000);
                    return Hex(w.Read32(off));
                case 7:
                    return Hex(w.Read32(w.Size));
                case 8:
                    return Hex(w.Read32(off + 2));
                case 9:
                    w.Write32(w.Size + 4, 1);
                    return "written";
                case 10:
                    w.SetField(off, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES, 40);
                    return "set";
                case 11:
                    w.SetField(off, 0u, 5, 1);
                    return "set";
                case 12:
                    w.SetBits(off + 1, 1);
                    return "set";
                case 13:
                    MmioWindow unmapped = default(MmioWindow);
                    return Hex(unmapped.Read32(0));
                case 14:
                    MmioWindow uart = bus.MapBlock("UART1"); // UART0 is the console: its FIFO is denied, UART1's is a `fifo` register
                    return Hex(uart.Read32(Esp32.Uart1.FIFO));
                case 15:
                    MmioWindow console = bus.MapBlock("UART0");
                    console.Write32(Esp32.Uart0.FIFO, 0x41); // board.map `deny UART0.FIFO`
                    return "written";
                case 16:
                    MmioWindow clk = bus.MapBlock("DPORT");
                    clk.ClearBits(Esp32.Dport.PERIP_CLK_EN, Spi01ClkEn); // protected and set at reset: the write would change it
                    return "cleared";
                default:
                    MmioWindow fifo = bus.MapBlock("UART1");
                    fifo.SetBits(Esp32.Uart1.FIFO, 1);
                    return "set";
            }
        }
    }
}
