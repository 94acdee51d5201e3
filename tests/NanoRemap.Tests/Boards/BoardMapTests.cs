using NanoRemap.Testing;
using NanoRemap.Boards;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Boards;

public class BoardMapTests
{
    [Theory]
    [InlineData("esp32", 0x3FF44000u, 0x3FF5A000u)]
    [InlineData("esp32s2", 0x3F404000u, 0x3F41A000u)]
    [InlineData("esp32s3", 0x60004000u, 0x60007000u)]
    [InlineData("esp32c3", 0x60004000u, 0x60008800u)]
    [InlineData("esp32c5", 0x60091000u, 0x600B4800u)]
    [InlineData("esp32c6", 0x60091000u, 0x600B0800u)]
    [InlineData("esp32h2", 0x60091000u, 0x600B0800u)]
    public void Gpio_is_allowed_and_efuse_is_readable_but_not_writable(string chip, uint gpio, uint efuse)
    {
        BoardMap map = BoardMap.Get(chip);
        Assert.Equal(gpio, map.Gpio.Base);
        Assert.True(map.Gpio.Allowed);
        PeripheralBlock e = map.FindBlock(efuse)!;
        Assert.Equal("EFUSE", e.Name);
        Assert.True(e.Allowed);
        Assert.Equal(AccessCheck.Ok, map.Check(efuse, true));
        Assert.Equal(AccessCheck.ReadOnly, map.Check(efuse, false));
        var efuseRegisters = SimulatorModels.Facts(chip).Registers.Where(r => r.Peripheral.Name == "EFUSE").ToList();
        Assert.NotEmpty(efuseRegisters);
        foreach (var r in efuseRegisters)
        {
            Assert.Equal(AccessCheck.Ok, map.Check(r.Address, true));          // MAC, chip revision, ...
            Assert.Equal(AccessCheck.ReadOnly, map.Check(r.Address, false));   // CMD, CONF, PGM_DATA: no programming
        }
    }

    [Theory]
    [InlineData("esp32s3", "AES")]
    [InlineData("esp32s3", "HMAC")]
    [InlineData("esp32s3", "DS")]
    [InlineData("esp32s3", "EXTMEM")]
    [InlineData("esp32s2", "PMS")]
    [InlineData("esp32c5", "KEYMNG")]
    [InlineData("esp32c6", "HP_APM")]
    [InlineData("esp32h2", "SPI0")]
    [InlineData("esp32c3", "XTS_AES")]
    [InlineData("esp32c3", "SHA")]
    [InlineData("esp32", "FLASH_ENCRYPTION")]
    [InlineData("esp32", "SPI0")]
    public void Security_sensitive_blocks_are_denied(string chip, string block)
    {
        Assert.False(BoardMap.Get(chip).FindBlock(block).Allowed);
    }

    [Fact]
    public void Esp32_has_the_dport_range_and_the_five_fifo_registers_of_errata_cpu_3_21()
    {
        BoardMap map = BoardTables.Esp32;
        Assert.True(map.HasDport);
        Assert.Equal((0x3FF00000u, 0x3FF13FFCu), (map.DportFirst, map.DportLast));
        var fifo = Enumerable.Range(0, map.FifoCount).Select(map.GetFifoAddress).OrderBy(a => a).ToArray();
        Assert.Equal(new uint[] { 0x3FF40000, 0x3FF4F004, 0x3FF50000, 0x3FF6D004, 0x3FF6E000 }, fifo);
        Assert.Equal(AccessCheck.Fifo, map.Check(0x3FF50000, true));
        Assert.Equal(AccessCheck.Ok, map.Check(0x3FF50000, false));
        Assert.Equal(AccessCheck.Dport, map.Check(0x3FF000C0, true));
        Assert.Equal(AccessCheck.Ok, map.Check(0x3FF000C0, false)); // PERIP_CLK_EN: the clocks; its firmware bits are protected
    }

    [Fact]
    public void S3_and_c3_have_neither_dport_nor_fifo_errata()
    {
        foreach (BoardMap map in new[] { BoardTables.Esp32S3, BoardTables.Esp32C3 })
        {
            Assert.False(map.HasDport);
            Assert.Equal(0, map.FifoCount);
            Assert.Equal(AccessCheck.Ok, map.Check(0x60010000, true));
        }
    }

    [Theory]
    [InlineData("esp32", "OUT", 0x04u)]
    [InlineData("esp32", "OUT_W1TS", 0x08u)]
    [InlineData("esp32", "PIN0", 0x88u)]
    [InlineData("esp32", "PIN39", 0x124u)]
    [InlineData("esp32", "FUNC0_OUT_SEL_CFG", 0x530u)]
    [InlineData("esp32s3", "FUNC5_OUT_SEL_CFG", 0x568u)]
    [InlineData("esp32s3", "PIN0", 0x74u)]
    [InlineData("esp32c3", "PIN25", 0xD8u)]
    [InlineData("esp32c3", "STATUS_NEXT", 0x14Cu)]
    public void Register_offsets_follow_the_idf_gpio_headers(string chip, string name, uint offset)
    {
        Assert.Equal(offset, BoardMap.Get(chip).Gpio.OffsetOf(name));
    }

    [Theory]
    [InlineData("esp32", "PIN40")]
    [InlineData("esp32c3", "OUT1")]
    [InlineData("esp32c3", "PIN26")]
    [InlineData("esp32", "RESERVED")]
    public void Unknown_registers_are_refused(string chip, string name)
    {
        Assert.Throws<ArgumentException>(() => BoardMap.Get(chip).Gpio.OffsetOf(name));
    }

    [Fact]
    public void C3_has_no_second_gpio_bank()
    {
        PeripheralBlock gpio = BoardTables.Esp32C3.Gpio;
        Assert.Throws<ArgumentException>(() => gpio.OffsetOf("OUT1"));
        Assert.Throws<ArgumentException>(() => gpio.OffsetOf("ENABLE1_W1TS"));
        Assert.Equal(RegisterAccess.ReadWrite, gpio.AccessAt(0x04));
        Assert.Equal(RegisterAccess.ReadOnly, gpio.AccessAt(0x3C)); // IN, from the SVD facts
    }

    [Fact]
    public void Flash_mmu_tables_of_the_esp32_are_not_mappable()
    {
        // DR_REG_FLASH_MMU_TABLE_PRO/APP are no SVD peripheral: unmapped, refused like a denied block.
        Assert.Equal(AccessCheck.Unmapped, BoardTables.Esp32.Check(0x3FF10000, true));
        Assert.Equal(AccessCheck.Unmapped, BoardTables.Esp32.Check(0x3FF13FFC, false));
    }

    [Fact]
    public void Find_block_is_exact_at_every_block_edge()
    {
        foreach (string chip in BoardMap.Names())
        {
            BoardMap map = BoardMap.Get(chip);
            for (int i = 0; i < map.BlockCount; i++)
            {
                PeripheralBlock b = map.GetBlock(i);
                Assert.Same(b, map.FindBlock(b.Base));
                Assert.Same(b, map.FindBlock(b.End - 1));
                Assert.NotSame(b, map.FindBlock(b.End));
                Assert.NotSame(b, map.FindBlock(b.Base - 1));
            }
        }
    }

    [Fact]
    public void Unknown_chip_is_refused_with_the_known_names()
    {
        var e = Assert.Throws<ArgumentException>(() => BoardMap.Get("esp8266"));
        Assert.Contains("esp32s3", e.Message);
    }
}
