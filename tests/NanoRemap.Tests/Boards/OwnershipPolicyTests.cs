using NanoRemap.Testing;
using NanoRemap.Boards;
using NanoRemap.Facts;
using NanoRemap.Mmio;
using NanoRemap.Tooling.Boards;
using Xunit;

namespace NanoRemap.Tests.Boards;

/// <summary>
/// Issue 14: the policy by ownership. Every register of a block the firmware owns is classified; every write the
/// issue lists is refused on every chip that has it, by the managed window and the simulated native layer, with the
/// check's name (and by the C core: each address is a line of probes.txt, which CTest probes_&lt;chip&gt; recomputes);
/// the reads of the flash pads and of the watchdog configuration work; a driver's ordinary writes are accepted.
/// </summary>
public class OwnershipPolicyTests
{
    private static readonly string[] All = { "esp32", "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };
    private static readonly string[] NotEsp32 = { "esp32s2", "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" };
    private static readonly string[] Rtc = { "esp32s3", "esp32c3" };
    private static readonly string[] Lp = { "esp32c5", "esp32c6", "esp32h2" };

    // The writes issue 14 lists (PERIPH.REG: any write refused; PERIPH.REG.FIELD: a write changing the field refused),
    // with the chips that have them.
    public static readonly (string[] Chips, string Name)[] IssueCases =
    {
        // watchdogs
        (new[] { "esp32", "esp32s2" }, "RTC_CNTL.WDTWPROTECT"), (new[] { "esp32", "esp32s2" }, "RTC_CNTL.WDTCONFIG0"),
        (new[] { "esp32s2" }, "RTC_CNTL.SWD_CONF"),
        (Rtc, "RTC_CNTL.RTC_WDTCONFIG0"), (Rtc, "RTC_CNTL.RTC_WDTWPROTECT"), (Rtc, "RTC_CNTL.RTC_SWD_CONF"),
        (Lp, "LP_WDT.WPROTECT"), (Lp, "LP_WDT.CONFIG0"), (Lp, "LP_WDT.SWD_CONFIG"), (Lp, "LP_WDT.FEED"),
        (All, "TIMG0.WDTCONFIG0"), (All, "TIMG0.WDTWPROTECT"), (All, "TIMG0.WDTFEED"), (All, "TIMG1.WDTCONFIG0"), (All, "TIMG1.WDTWPROTECT"),
        // CPU and system clock, power, calibration
        (new[] { "esp32" }, "RTC_CNTL.CLK_CONF.SOC_CLK_SEL"), (new[] { "esp32" }, "RTC_CNTL.OPTIONS0.BBPLL_FORCE_PD"),
        (new[] { "esp32" }, "RTC_CNTL.OPTIONS0.XTL_FORCE_PD"), (new[] { "esp32" }, "RTC_CNTL.REG"),
        (new[] { "esp32" }, "APB_CTRL.SYSCLK_CONF"), (new[] { "esp32" }, "DPORT.SRAM_PD_CTRL_0"), (new[] { "esp32" }, "DPORT.MEM_PD_MASK"),
        (new[] { "esp32" }, "RTC_CNTL.STORE1"), (new[] { "esp32s2" }, "RTC_CNTL.STORE1"), (Rtc, "RTC_CNTL.RTC_STORE1"),
        (new[] { "esp32c6" }, "PCR.SRAM_POWER_CONF"), (new[] { "esp32c5", "esp32h2" }, "PCR.SRAM_POWER_CONF_0"),
        (new[] { "esp32c6", "esp32h2" }, "HP_SYS.SRAM_USAGE_CONF"), (new[] { "esp32c5" }, "HP_SYSTEM.SRAM_USAGE_CONF"),
        (new[] { "esp32c6" }, "HP_SYS.CORE_DEBUG_RUNSTALL_CONF"), (new[] { "esp32c5" }, "HP_SYSTEM.CORE_DEBUG_RUNSTALL_CONF"),
        (Lp, "LP_ANA.BOD_MODE0_CNTL"), (Lp, "LP_CLKRST.CLK_TO_HP"), (Lp, "LP_AON.STORE0"), (Lp, "LP_AON.STORE1"), (Lp, "LP_AON.STORE9"),
        (Lp, "PCR.SYSCLK_CONF"), (Lp, "PCR.CPU_FREQ_CONF"), (new[] { "esp32s2", "esp32s3", "esp32c3" }, "SYSTEM.SYSCLK_CONF"),
        // the OS tick and esp_timer
        (NotEsp32, "SYSTIMER.CONF"), (new[] { "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" }, "SYSTIMER.TARGET0_CONF"),
        (Lp, "PCR.SYSTIMER_CONF"), (Lp, "INTERRUPT_CORE0.SYSTIMER_TARGET0_INTR_MAP"),
        (new[] { "esp32s3", "esp32c3" }, "INTERRUPT_CORE0.SYSTIMER_TARGET0_INT_MAP"),
        (new[] { "esp32s2", "esp32s3", "esp32c3" }, "SYSTEM.PERIP_CLK_EN0.SYSTIMER_CLK_EN"),
        (new[] { "esp32s2", "esp32s3", "esp32c3" }, "SYSTEM.PERIP_CLK_EN0.TIMERGROUP_CLK_EN"),
        (new[] { "esp32s2", "esp32s3", "esp32c3" }, "SYSTEM.PERIP_CLK_EN0.TIMERGROUP1_CLK_EN"),
        (new[] { "esp32s2", "esp32s3", "esp32c3" }, "SYSTEM.PERIP_CLK_EN0.UART_CLK_EN"),
        (new[] { "esp32" }, "DPORT.PERIP_RST_EN.UART_RST"), (new[] { "esp32" }, "DPORT.PERIP_RST_EN.TIMERGROUP_RST"),
        (new[] { "esp32" }, "DPORT.PERIP_RST_EN.TIMERGROUP1_RST"), (new[] { "esp32" }, "DPORT.PERIP_CLK_EN.TIMERGROUP_CLK_EN"),
        (new[] { "esp32" }, "DPORT.CORE_RST_EN"), (new[] { "esp32" }, "DPORT.PRO_TG1_WDT_LEVEL_INT_MAP"), (new[] { "esp32" }, "DPORT.CPU_INTR_FROM_CPU_0"),
        (new[] { "esp32" }, "TIMG0.LACTCONFIG"), (new[] { "esp32" }, "TIMG0.LACTALARMLO"),
        // the console and the wire protocol
        (new[] { "esp32", "esp32s2", "esp32s3", "esp32c3" }, "UART0.CONF0"), (new[] { "esp32", "esp32s2", "esp32s3", "esp32c3" }, "UART0.CLKDIV"),
        (Lp, "UART0.CONF0_SYNC"), (Lp, "UART0.CLKDIV_SYNC"), (All, "UART0.INT_ENA"), (All, "UART0.FIFO"), (Lp, "PCR.UART0_CONF"),
        (new[] { "esp32s3", "esp32c3", "esp32c5", "esp32c6", "esp32h2" }, "USB_DEVICE.CONF0"),
        // PSRAM and flash signals
        (new[] { "esp32" }, "IO_MUX.GPIO16"), (new[] { "esp32" }, "IO_MUX.GPIO17"), (new[] { "esp32" }, "IO_MUX.GPIO6"),
        (new[] { "esp32" }, "GPIO.FUNC16_OUT_SEL_CFG"), (new[] { "esp32" }, "GPIO.FUNC17_OUT_SEL_CFG"),
        (new[] { "esp32" }, "GPIO.FUNC1_IN_SEL_CFG"), (new[] { "esp32" }, "GPIO.FUNC2_IN_SEL_CFG"),
        (new[] { "esp32" }, "GPIO.FUNC3_IN_SEL_CFG"), (new[] { "esp32" }, "GPIO.FUNC4_IN_SEL_CFG"),
        (new[] { "esp32s3" }, "IO_MUX.GPIO33"), (new[] { "esp32s3" }, "IO_MUX.GPIO34"), (new[] { "esp32s3" }, "IO_MUX.GPIO35"),
        (new[] { "esp32s3" }, "IO_MUX.GPIO36"), (new[] { "esp32s3" }, "IO_MUX.GPIO37"), (new[] { "esp32s3" }, "IO_MUX.GPIO30"),
        (new[] { "esp32s2", "esp32s3", "esp32c3" }, "GPIO.FUNC0_IN_SEL_CFG"), (new[] { "esp32s2", "esp32s3", "esp32c3" }, "GPIO.FUNC3_IN_SEL_CFG"),
        (new[] { "esp32c6", "esp32h2" }, "GPIO.FUNC121_IN_SEL_CFG"), (new[] { "esp32c6", "esp32h2" }, "GPIO.FUNC122_IN_SEL_CFG"),
        (new[] { "esp32c6" }, "IO_MUX.GPIO29"), (new[] { "esp32c3" }, "IO_MUX.GPIO15"), (new[] { "esp32h2" }, "IO_MUX.GPIO19"),
        (new[] { "esp32c5" }, "IO_MUX.GPIO21"), (new[] { "esp32s2" }, "IO_MUX.SPICLK"),
        // DMA that reaches all RAM
        (new[] { "esp32", "esp32s2" }, "I2S0.OUT_LINK"), (new[] { "esp32", "esp32s2" }, "I2S0.IN_LINK"), (new[] { "esp32" }, "I2S1.OUT_LINK"),
        (new[] { "esp32", "esp32s2" }, "SPI2.DMA_OUT_LINK"), (new[] { "esp32", "esp32s2" }, "SPI3.DMA_IN_LINK"),
        (new[] { "esp32", "esp32s2" }, "UHCI0.DMA_OUT_LINK"), (new[] { "esp32" }, "UHCI1.DMA_IN_LINK"),
        (new[] { "esp32" }, "SLC._0RX_LINK"), (new[] { "esp32" }, "SLC._1TX_LINK"),
        (new[] { "esp32" }, "EMAC_DMA.DMATXBASEADDR"), (new[] { "esp32" }, "EMAC_DMA.DMARXBASEADDR"),
        (new[] { "esp32", "esp32s3" }, "SDHOST.DBADDR"), (new[] { "esp32s2", "esp32s3" }, "USB0.DIEPDMA0"),
        (new[] { "esp32c3" }, "APB_CTRL.PERI_BACKUP_MEM_ADDR"),
    };

    // Reads that work: the flash pads' and the watchdogs' configuration.
    public static readonly (string[] Chips, string Name)[] Reads =
    {
        (new[] { "esp32" }, "IO_MUX.GPIO6"), (new[] { "esp32" }, "IO_MUX.GPIO11"), (new[] { "esp32s3" }, "IO_MUX.GPIO30"),
        (new[] { "esp32c3" }, "IO_MUX.GPIO15"), (new[] { "esp32c6" }, "IO_MUX.GPIO29"), (new[] { "esp32h2" }, "IO_MUX.GPIO19"),
        (new[] { "esp32c5" }, "IO_MUX.GPIO21"), (new[] { "esp32s2" }, "IO_MUX.SPICLK"),
        (All, "TIMG0.WDTCONFIG0"), (All, "TIMG1.WDTCONFIG0"), (new[] { "esp32", "esp32s2" }, "RTC_CNTL.WDTCONFIG0"),
        (Rtc, "RTC_CNTL.RTC_WDTCONFIG0"), (Lp, "LP_WDT.CONFIG0"), (Lp, "LP_WDT.SWD_CONFIG"),
        (NotEsp32, "SYSTIMER.CONF"), (All, "UART0.STATUS"),
    };

    // A driver's ordinary writes.
    public static readonly (string[] Chips, string Name)[] DriverWrites =
    {
        (All, "GPIO.OUT_W1TS"), (All, "GPIO.ENABLE_W1TS"), (new[] { "esp32" }, "LEDC.HSCH0_CONF0"), (new[] { "esp32c3" }, "LEDC.LSCH0_CONF0"),
        (new[] { "esp32s2", "esp32s3", "esp32c5", "esp32c6", "esp32h2" }, "LEDC.CH0_CONF0"),
        (new[] { "esp32", "esp32s2", "esp32s3", "esp32c3" }, "UART1.CONF0"), (Lp, "UART1.CONF0_SYNC"), (new[] { "esp32", "esp32s2", "esp32s3", "esp32c3" }, "UART1.CLKDIV"), (Lp, "UART1.CLKDIV_SYNC"),
        (All, "I2C0.CTR"), (new[] { "esp32", "esp32s2", "esp32c3" }, "RMT.CH0CONF0"), (new[] { "esp32s3", "esp32c5", "esp32c6", "esp32h2" }, "RMT.TX_CH0CONF0"),
        (All, "TIMG0.T0CONFIG"), (All, "TIMG1.T0CONFIG"), (All, "TIMG1.T0ALARMLO"), (new[] { "esp32" }, "TIMG1.T1CONFIG"),
        (All, "IO_MUX.GPIO4"), (All, "GPIO.FUNC20_IN_SEL_CFG"), (All, "GPIO.FUNC4_OUT_SEL_CFG"),
    };

    private static IEnumerable<object[]> Expand((string[] Chips, string Name)[] cases) =>
        cases.SelectMany(c => c.Chips.Select(chip => new object[] { chip, c.Name }));

    public static IEnumerable<object[]> IssueWrites => Expand(IssueCases);

    public static IEnumerable<object[]> WorkingReads => Expand(Reads);

    public static IEnumerable<object[]> OrdinaryWrites => Expand(DriverWrites);

    private static (FactsRegister Reg, FactsField Field) Resolve(string chip, string name)
    {
        ChipFacts facts = SimulatorModels.Facts(chip);
        string[] parts = name.Split('.');
        FactsRegister reg = facts.FindRegister(parts[0] + "." + parts[1]);
        Assert.True(reg != null, $"{chip} has no register {parts[0]}.{parts[1]}");
        FactsField field = parts.Length == 3 ? reg.FindField(parts[2]) : null;
        Assert.True(parts.Length == 2 || field != null, $"{chip}: {name} is no field");
        return (reg, field);
    }

    [Theory]
    [MemberData(nameof(IssueWrites))]
    public void Every_write_of_the_issue_is_refused_with_a_reason(string chip, string name)
    {
        var (reg, field) = Resolve(chip, name);
        var sim = SimulatorModels.CreateSimulator(chip);
        BoardMap map = sim.Board;
        MmioWindow w = RegisterBus.CreateSimulated(sim).MapBlock(map.FindBlock(reg.Address)!.Name);
        uint offset = reg.Address - w.PhysicalAddress;
        uint mask = field?.Mask ?? 0xFFFFFFFF;
        int writes = sim.Writes;
        uint now = sim.Peek(reg.Address);

        // the window (managed guard or simulated native layer), a plain write and a read-modify-write
        var e = Assert.Throws<InvalidOperationException>(() => w.Write32(offset, now ^ mask));
        Assert.Contains("0x" + reg.Address.ToString("X8"), e.Message);
        Assert.Matches(": (read-only|denied)$", e.Message);
        Assert.Throws<InvalidOperationException>(() => w.Modify(offset, 0, 0, mask));
        Assert.Equal((writes, now), (sim.Writes, sim.Peek(reg.Address)));

        // the C core decides the same: the address is a probe line (recomputed by CTest probes_<chip>)
        var probe = BoardFiles.Probes(chip).Single(p => p.Address == reg.Address);
        Assert.True(probe.Write is "read-only" or "denied" || (map.PolicyAt(reg.Address, out uint protect) == RegisterPolicy.Protect && (protect & mask) == mask),
            $"{chip} {name}: probe write decision '{probe.Write}'");
    }

    [Theory]
    [MemberData(nameof(WorkingReads))]
    public void Reads_of_flash_pad_and_watchdog_configuration_work(string chip, string name)
    {
        var (reg, _) = Resolve(chip, name);
        var sim = SimulatorModels.CreateSimulator(chip);
        MmioWindow w = RegisterBus.CreateSimulated(sim).MapBlock(sim.Board.FindBlock(reg.Address)!.Name);
        int reads = sim.Reads + sim.DportReads;
        Assert.Equal(sim.Peek(reg.Address), w.Read32(reg.Address - w.PhysicalAddress));
        Assert.Equal(reads + 1, sim.Reads + sim.DportReads);
        Assert.Contains(BoardFiles.Probes(chip).Single(p => p.Address == reg.Address).Read, new[] { "ok", "dport" });
    }

    [Theory]
    [MemberData(nameof(OrdinaryWrites))]
    public void A_drivers_ordinary_writes_are_accepted(string chip, string name)
    {
        var (reg, _) = Resolve(chip, name);
        var sim = SimulatorModels.CreateSimulator(chip);
        MmioWindow w = RegisterBus.CreateSimulated(sim).MapBlock(sim.Board.FindBlock(reg.Address)!.Name);
        int writes = sim.Writes;
        w.Write32(reg.Address - w.PhysicalAddress, 0x1);
        Assert.Equal(writes + 1, sim.Writes);
        Assert.Equal("ok", BoardFiles.Probes(chip).Single(p => p.Address == reg.Address).Write);
    }

    // Every register of a block the firmware owns is classified by a line (ro, deny, protect or allow), and every word
    // of it is decided by a line or is a register of the facts; the owned blocks are the ones issue 14 names.
    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Every_register_of_an_owned_block_is_classified(string chip)
    {
        BoardMapFile file = BoardGenerator.Load(BoardFiles.Root, chip);
        var rules = file.Rules.ToDictionary(r => r.Register);
        Assert.Contains(file.Owned, o => o.Block == "UART0");
        Assert.Contains(file.Owned, o => o.Block == "TIMG0");
        Assert.Contains(file.Owned, o => o.Block == "TIMG1");
        Assert.Contains(file.Owned, o => o.Block == "IO_MUX");
        Assert.Contains(file.Owned, o => o.Block == "GPIO");
        Assert.Contains(file.Owned, o => o.Block == (chip == "esp32" ? "DPORT" : chip is "esp32s2" or "esp32s3" or "esp32c3" ? "SYSTEM" : "PCR"));
        Assert.Contains(file.Owned, o => o.Block == (chip is "esp32c5" or "esp32c6" or "esp32h2" ? "LP_WDT" : "RTC_CNTL"));
        int registers = 0;
        foreach (BoardOwned o in file.Owned)
        {
            FactsPeripheral p = file.Facts.FindPeripheral(o.Block);
            foreach (FactsRegister r in p.Registers)
            {
                Assert.True(rules.ContainsKey(r), $"{chip}: {r.FullName} is in owned block {o.Block} and no line classifies it");
                registers++;
            }

            BoardBlock block = file.Blocks.Single(b => b.Name == o.Block);
            var words = file.Facts.Registers.Select(r => r.Address & ~3u).ToHashSet();
            for (uint a = block.Base; a - block.Base < block.Size; a += 4)
            {
                Assert.True(words.Contains(a) || file.Policy.Any(x => a - x.Address < x.Size) || file.Facts.Ranges.Any(g => a - g.Address < g.Bytes),
                    $"{chip}: word 0x{a:X8} of owned block {o.Block} is neither a register nor under a policy line");
            }
        }

        Assert.True(registers > 300, $"{chip}: {registers} registers in owned blocks");
    }

    // A register that clears on read is no ro register of an owned block: the read would take the owner's state.
    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void No_readable_register_of_an_owned_block_clears_on_read(string chip)
    {
        BoardMapFile file = BoardGenerator.Load(BoardFiles.Root, chip);
        foreach (BoardRule r in file.Rules.Where(x => x.Kind != RegisterPolicy.Deny && file.OwnedBlock(x.Register.Peripheral.Name) != null && x.Kind != RegisterPolicy.None))
        {
            Assert.False(r.Register.ClearOnRead || r.Register.Fields.Any(f => f.ClearOnRead), $"{chip}: {r.Register.FullName} clears on read but is readable");
        }
    }

    // Every policy line of a committed board.map names its owner (one of BoardOwners.All) and a reason with its source.
    [Theory]
    [MemberData(nameof(BoardFiles.Chips), MemberType = typeof(BoardFiles))]
    public void Every_policy_line_names_its_owner_and_source(string chip)
    {
        int n = 0;
        foreach (string line in File.ReadAllLines(BoardFiles.Path("boards", chip, "board.map")))
        {
            string[] f = line.Split('#', 2);
            string[] words = f[0].Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || !(words[0] is "ro" or "deny" or "protect" or "allow" or "owned" || (words[0] == "map" && words[2] == "deny")))
            {
                continue;
            }

            n++;
            string comment = f.Length > 1 ? f[1].Trim() : "";
            Assert.StartsWith("owner=", comment);
            string owners = comment[6..comment.IndexOf(':')];
            Assert.All(owners.Split(','), o => Assert.True(BoardOwners.IsKnown(o), $"{chip}: '{line}': unknown owner {o}"));
            Assert.True(comment.Contains('(') && comment.TrimEnd().EndsWith(')'), $"{chip}: '{line}' cites no source");
        }

        Assert.True(n > 40, $"{chip}: {n} policy lines");
    }
}
