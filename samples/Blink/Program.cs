// Licensed under the MIT license. See LICENSE in the project root.
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Mm;
using NanoRemap.Mmio;

namespace Blink
{
    /// <summary>
    /// Blinks GPIO2 (the LED of many ESP32 dev boards) by writing the GPIO registers directly, the nommu
    /// way: the GPIO block is mapped at its physical address and the pin is driven with the
    /// GPIO_OUT_W1TS / GPIO_OUT_W1TC registers (one store each, no read-modify-write). Register offsets and
    /// fields are the typed constants of NanoRemap.Esp32 (from the vendor SVD): free on the device.
    /// Needs a firmware with the NanoRemap interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        private const int LedPin = 2;

        // IDF io_mux_reg.h: PIN_FUNC_GPIO is 2 (the MCU_SEL value that makes the pad a GPIO).
        private const uint PinFuncGpio = 2;

        // IDF gpio_sig_map.h: SIG_GPIO_OUT_IDX 256 routes GPIO_OUT_REG to the pin through the GPIO matrix.
        private const uint SigGpioOutIdx = 256;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            BoardMap board = BoardTables.Esp32; // the board table (allow-list and policy) of the chip
            RegisterBus bus = RegisterBus.CreateHardware(board);
            MmEngine mm = MmEngine.CreateNommuIlp32();

            // mmap of the GPIO block, nommu style: vm_start == pgoff << PAGE_SHIFT (the identity).
            PeripheralBlock gpioBlock = board.Gpio;
            VmAreaDesc desc = new VmAreaDesc();
            desc.Set(gpioBlock.Base, gpioBlock.Base + gpioBlock.Size, gpioBlock.Base >> mm.PageShift,
                VmFlags.READ | VmFlags.WRITE | VmFlags.SHARED | VmFlags.MAYSHARE, 0);
            MmioWindow gpio = NommuDirectMap.Map(mm, bus, desc, new VmAreaStruct());

            // Pad function GPIO, output through the GPIO matrix, output enabled.
            MmioWindow ioMux = bus.MapBlock("IO_MUX");
            ioMux.SetField(Esp32.IoMux.GPIO2, Esp32.IoMux.GPIO2_MCU_SEL, PinFuncGpio);
            gpio.Write32(Esp32.Gpio.FUNC2_OUT_SEL_CFG, SigGpioOutIdx);
            uint bit = 1u << LedPin;
            gpio.Write32(Esp32.Gpio.ENABLE_W1TS, bit);

            while (true)
            {
                gpio.Write32(Esp32.Gpio.OUT_W1TS, bit);
                Thread.Sleep(500);
                gpio.Write32(Esp32.Gpio.OUT_W1TC, bit);
                Thread.Sleep(500);
            }
        }
    }
}
