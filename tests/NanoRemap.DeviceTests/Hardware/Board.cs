using NanoRemap.Boards;
using NanoRemap.Mmio;

namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>The hardware bus of the classic ESP32 board, as a driver gets it.</summary>
    internal static class Board
    {
        /// <summary>A new hardware bus on <see cref="BoardTables.Esp32"/>: every access is an InternalCall.</summary>
        public static RegisterBus Bus()
        {
            return RegisterBus.CreateHardware(BoardTables.Esp32);
        }

        /// <summary>The refusal words of the native layer and the window's guard: "refused OP of 0xADDR on esp32: CHECK".</summary>
        public static string Refusal(string operation, uint address, string check)
        {
            return "refused " + operation + " of 0x" + address.ToString("X8") + " on " + Esp32.Chip + ": " + check;
        }
    }
}
