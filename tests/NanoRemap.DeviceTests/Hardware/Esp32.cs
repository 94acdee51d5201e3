namespace NanoRemap.DeviceTests.Hardware
{
    /// <summary>
    /// The ESP32 registers these tests use, from boards/esp32/registers.txt (generated from the ESP32 SVD: address,
    /// access, reset value) and boards/esp32/board.map (policy); the posix board starts every register at its SVD
    /// reset value (boards/README.md, "A simulated board for the nanoCLR on Linux").
    /// </summary>
    internal static class Esp32
    {
        /// <summary>The chip name in refusal messages.</summary>
        public const string Chip = "esp32";

        /// <summary>DPORT.PRO_CACHE_CTRL, rw, reset 0x10: board.map `ro DPORT.*CACHE_CTRL*` (the code runs from the flash cache).</summary>
        public const uint DportProCacheCtrl = 0x3FF00040;

        /// <summary>DPORT.PERIP_CLK_EN, rw, reset 0xF9C1E06F (ESP-IDF's, boards/esp32/registers.txt `patched=reset`): LEDC_CLK_EN bit 11 off,
        /// UART1_CLK_EN bit 5 on; SPI01, UART, UART_MEM, TIMERGROUP, TIMERGROUP1 and EFUSE bits `protect`ed in board.map.</summary>
        public const uint DportPeripClkEn = 0x3FF000C0;

        /// <summary>DPORT.PERIP_CLK_EN's reset value on the posix board (the facts' reset, ESP-IDF's).</summary>
        public const uint DportPeripClkEnReset = 0xF9C1E06F;

        /// <summary>DPORT.PERIP_RST_EN, rw, reset 0 (LEDC_RST bit 11; SPI01_RST bit 1 is `protect`ed in board.map).</summary>
        public const uint DportPeripRstEn = 0x3FF000C4;

        /// <summary>DPORT.PERIP_RST_EN.SPI01_RST: resetting SPI0/1 resets the flash controller (board.map `protect`).</summary>
        public const uint Spi01Rst = 1u << 1;

        /// <summary>DPORT.PERIP_CLK_EN.SPI01_CLK_EN: set at reset, gating it stops the flash (board.map `protect`).</summary>
        public const uint Spi01ClkEn = 1u << 1;

        /// <summary>LEDC_CLK_EN / LEDC_RST of PERIP_CLK_EN / PERIP_RST_EN (board.map `clock LEDC`).</summary>
        public const uint LedcBit = 1u << 11;

        /// <summary>UART1_CLK_EN of PERIP_CLK_EN (board.map `clock UART1`): running at reset (ESP-IDF's reset value).</summary>
        public const uint Uart1ClkEn = 1u << 5;

        /// <summary>AES: board.map `map AES deny` (crypto accelerator with key registers).</summary>
        public const uint Aes = 0x3FF01000;

        /// <summary>UART0.FIFO: board.map `deny UART0.FIFO` (UART0 is the firmware's console: a read pops a byte of the wire protocol).</summary>
        public const uint Uart0Fifo = 0x3FF40000;

        /// <summary>UART1.FIFO (rw, reset 0, field RXFIFO_RD_BYTE bits 0..7): board.map `fifo` (errata CPU-3.21).</summary>
        public const uint Uart1Fifo = 0x3FF50000;

        /// <summary>The GPIO block's base (`periph GPIO 0x3FF44000 0x5D0`).</summary>
        public const uint Gpio = 0x3FF44000;

        /// <summary>The span of the SVD's GPIO registers (the board map's block is that, rounded up to its page).</summary>
        public const uint GpioSvdSize = 0x5D0;

        /// <summary>GPIO.STATUS1 (rw, reset 0; interrupt status of GPIO32..39), followed by STATUS1_W1TS and STATUS1_W1TC.</summary>
        public const uint GpioStatus1 = 0x3FF44050;

        /// <summary>GPIO+0x5C: no register (GPIO.STATUS1_W1TC is at +0x58, GPIO.ACPU_INT at +0x60). GPIO is an `owned` block
        /// of board.map: its words with no register are denied.</summary>
        public const uint GpioGap = 0x3FF4405C;

        /// <summary>GPIO.FUNC0_OUT_SEL_CFG (rw, reset 0; fields in bits 0..11, bits 12..31 have none), first of 40.</summary>
        public const uint GpioFunc0OutSelCfg = 0x3FF44530;

        /// <summary>A word between GPIO (ends 0x3FF445D0) and GPIO_SD (0x3FF44F00) ... FLASH_ENCRYPTION (0x3FF46000): no block.</summary>
        public const uint Unmapped = 0x3FF45000;

        /// <summary>RTC_CNTL.OPTIONS0, rw, reset 0x1C492000.</summary>
        public const uint RtcCntlOptions0 = 0x3FF48000;

        /// <summary>The LEDC block (0x3FF59000): `map LEDC allow`, not an `owned` block (no register line).</summary>
        public const uint Ledc = 0x3FF59000;

        /// <summary>LEDC.CONF (0x3FF59190; rw, reset 0, APB_CLK_SEL bit 0), as an offset in the LEDC block.</summary>
        public const uint LedcConf = 0x190;

        /// <summary>LEDC+0x194: no register (LEDC.CONF is at +0x190, LEDC.DATE at +0x1FC): reserved, reads 0, writes ignored.</summary>
        public const uint LedcGap = 0x194;

        /// <summary>LEDC+0x800: past the last SVD register (LEDC.DATE, +0x1FC), inside the mapped block.</summary>
        public const uint LedcPastLastRegister = 0x800;

        /// <summary>The EFUSE block: board.map `ro EFUSE.*` (reads allowed, any write refused).</summary>
        public const uint Efuse = 0x3FF5A000;

        /// <summary>EFUSE.BLK0_WDATA0, rw in the SVD, read-only by policy.</summary>
        public const uint EfuseBlk0Wdata0 = 0x3FF5A01C;

        /// <summary>EFUSE.CONF, rw, reset 0x00010000; read-only by policy.</summary>
        public const uint EfuseConf = 0x3FF5A0FC;

        /// <summary>EFUSE.CMD, rw, reset 0 (programming command); read-only by policy.</summary>
        public const uint EfuseCmd = 0x3FF5A104;

        /// <summary>TIMG0.T0CONFIG, rw, reset 0x60002000.</summary>
        public const uint Timg0T0Config = 0x3FF5F000;
    }
}
