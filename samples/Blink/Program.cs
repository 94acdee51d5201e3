// Licensed under the MIT license. See LICENSE in the project root.
using System.Threading;
using NanoRemap.Boards;
using NanoRemap.Mm;
using NanoRemap.Mmio;

namespace Blink
{
    /// <summary>
    /// Blinks GPIO2 (the LED of many ESP32 dev boards) by writing the GPIO registers directly, the nommu
    /// way: the GPIO block is mapped at its physical address and the pin is driven with the
    /// GPIO_OUT_W1TS / GPIO_OUT_W1TC registers (one store each, no read-modify-write).
    /// Needs a firmware with the NanoRemap interop library (boards/README.md).
    /// </summary>
    public class Program
    {
        private const int LedPin = 2;

        // IDF components/soc/esp32/include/soc/io_mux_reg.h: PERIPHS_IO_MUX_GPIO2_U is IO_MUX +0x40,
        // MCU_SEL is the field _V 0x7 _S 12, PIN_FUNC_GPIO is 2.
        private const uint IoMuxGpio2 = 0x40;
        private const uint McuSelV = 0x7;
        private const int McuSelS = 12;
        private const uint PinFuncGpio = 2;

        // IDF gpio_sig_map.h: SIG_GPIO_OUT_IDX 256 routes GPIO_OUT_REG to the pin through the GPIO matrix.
        private const uint SigGpioOutIdx = 256;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            BoardMap board = BoardMap.Esp32;
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
            ioMux.SetField(IoMuxGpio2, McuSelV, McuSelS, PinFuncGpio);
            gpio.Write32(gpio.OffsetOf("FUNC_OUT_SEL_CFG2"), SigGpioOutIdx);
            uint outReg = gpio.OffsetOf("OUT");
            uint bit = 1u << LedPin;
            gpio.AtomicSet(gpio.OffsetOf("ENABLE"), bit);

            while (true)
            {
                gpio.AtomicSet(outReg, bit);
                Thread.Sleep(500);
                gpio.AtomicClear(outReg, bit);
                Thread.Sleep(500);
            }
        }
    }
}
