using System.Reflection;
using NanoRemap.Chips;
using NanoRemap.Facts;
using NanoRemap.Mmio;
using NanoRemap.Tests.Boards;
using NanoRemap.Tooling.Facts;
using Xunit;

namespace NanoRemap.Tests.Chips;

/// <summary>Register arrays and named field values in the typed definitions (issue 15).</summary>
public class RegisterArrayTests
{
    [Fact]
    public void A_driver_indexes_timers_channels_and_pins()
    {
        Assert.Equal(4u, Esp32.Ledc.LSTIMER_CONF_COUNT);
        Assert.Equal(Esp32.Ledc.LSTIMER1_CONF - Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER_CONF_STRIDE);
        Assert.Equal(Esp32.Ledc.LSTIMER3_CONF, Esp32.Ledc.LSTIMER0_CONF + 3 * Esp32.Ledc.LSTIMER_CONF_STRIDE);
        Assert.Equal(Esp32.Ledc.LSTIMER3_CONF_TICK_SEL_LSTIMER3, Esp32.Ledc.LSTIMER_CONF_TICK_SEL);
        Assert.Equal(8u, Esp32.Ledc.LSCH_CONF0_COUNT); // LSCH0_CONF0 .. LSCH7_CONF0, not LSCH0_CONF0 / LSCH0_CONF1
        Assert.Equal(Esp32.Ledc.LSCH3_CONF0_TIMER_SEL_LSCH3, Esp32.Ledc.LSCH_CONF0_TIMER_SEL);
        Assert.Equal(40u, Esp32.Gpio.FUNC_OUT_SEL_CFG_COUNT);
        Assert.Equal(Esp32S3.Gpio.FUNC5_OUT_SEL_CFG, Esp32S3.Gpio.FUNC0_OUT_SEL_CFG + 5 * Esp32S3.Gpio.FUNC_OUT_SEL_CFG_STRIDE);
        Assert.Equal(Esp32C6.IoMux.GPIO9, Esp32C6.IoMux.GPIO0 + 9 * Esp32C6.IoMux.GPIO_STRIDE);
        Assert.Equal(Esp32S3.Systimer.UNIT1_VALUE_LO, Esp32S3.Systimer.UNIT0_VALUE_LO + Esp32S3.Systimer.UNIT_VALUE_LO_STRIDE);
        Assert.Equal(1u, Esp32.Ledc.CONF_APB_CLK_SEL_APB);
        Assert.Equal(1u, Esp32C3.Uart0.CLK_CONF_SCLK_SEL_APB);
    }

    [Theory]
    [MemberData(nameof(ChipDefinitionsTests.Chips), MemberType = typeof(ChipDefinitionsTests))]
    public void Every_array_constant_describes_registers_of_the_facts(string chip)
    {
        ChipFacts facts = ChipFacts.Load(BoardFiles.Path("boards", chip, "registers.txt"));
        Type chipType = typeof(Esp32).Assembly.GetType("NanoRemap.Chips." + ChipDefinitionsGenerator.ClassName(chip))!;
        int arrays = 0;
        foreach (FactsPeripheral p in facts.Peripherals)
        {
            Type t = chipType.GetNestedType(ChipDefinitionsGenerator.PascalCase(p.Name))!;
            foreach (RegisterArray a in RegisterArrays.Find(p))
            {
                FieldInfo count = t.GetField(a.Name + "_COUNT");
                if (count == null)
                {
                    continue; // the name was taken by a register or field
                }

                arrays++;
                uint stride = (uint)t.GetField(a.Name + "_STRIDE")!.GetRawConstantValue()!;
                Assert.Equal((uint)a.Elements.Count, (uint)count.GetRawConstantValue()!);
                for (int i = 0; i < a.Elements.Count; i++)
                {
                    Assert.Equal(a.Elements[0].Offset + (uint)i * stride, a.Elements[i].Offset);
                    foreach (var (name, _) in a.Fields)
                    {
                        FieldInfo f = t.GetField(a.Name + "_" + name);
                        if (f == null)
                        {
                            continue;
                        }

                        uint packed = (uint)f.GetRawConstantValue()!;
                        Assert.Single(a.Elements[i].Fields, g => g.Mask == RegisterField.InPlace(packed));
                    }
                }
            }
        }

        Assert.True(arrays > 100, $"{chip}: {arrays} arrays");
    }

    [Fact]
    public void The_larger_array_claims_a_register_and_indices_must_run_from_0_at_one_stride()
    {
        var facts = new ChipFacts("esp32x");
        FactsPeripheral p = facts.AddPeripheral("LEDC", 0x1000, 0x100);
        for (int ch = 0; ch < 3; ch++)
        {
            FactsRegister c0 = facts.AddRegister(p, $"CH{ch}_CONF0", 0x1000 + (uint)ch * 0x14, FactsAccess.ReadWrite, 0, 32, false);
            facts.AddField(c0, $"TIMER_SEL_CH{ch}", 0, 2, FactsAccess.ReadWrite, false, false);
            facts.AddField(c0, ch == 2 ? "ODD" : "PARA_UP", 4, 1, FactsAccess.ReadWrite, false, false);
            facts.AddRegister(p, $"CH{ch}_CONF1", 0x100C + (uint)ch * 0x14, FactsAccess.ReadWrite, 0, 32, false);
        }

        facts.AddRegister(p, "X1", 0x1080, FactsAccess.ReadWrite, 0, 32, false);
        facts.AddRegister(p, "X2", 0x1084, FactsAccess.ReadWrite, 0, 32, false); // starts at 1: no array
        facts.AddRegister(p, "Y0", 0x1090, FactsAccess.ReadWrite, 0, 32, false);
        facts.AddRegister(p, "Y1", 0x1098, FactsAccess.ReadWrite, 0, 32, false);
        facts.AddRegister(p, "Y2", 0x109C, FactsAccess.ReadWrite, 0, 32, false); // two strides: no array

        var arrays = RegisterArrays.Find(p);
        Assert.Equal(new[] { "CH_CONF0", "CH_CONF1" }, arrays.Select(a => a.Name));
        Assert.Equal(0x14u, arrays[0].Stride);
        Assert.Equal(new[] { "TIMER_SEL" }, arrays[0].Fields.Select(f => f.Name)); // PARA_UP is not in channel 2
        string source = ChipDefinitionsGenerator.Render(facts, "x");
        Assert.Contains("public const uint CH_CONF0_COUNT = 3;", source);
        Assert.Contains("public const uint CH_CONF0_TIMER_SEL = 0x0200;", source);
        Assert.DoesNotContain("CH0_CONF_COUNT", source);
    }

    [Fact]
    public void A_field_value_must_name_a_generated_field_and_fit_it()
    {
        var facts = new ChipFacts("esp32x");
        FactsPeripheral p = facts.AddPeripheral("UART0", 0x1000, 0x100);
        FactsRegister r = facts.AddRegister(p, "CLK_CONF", 0x1000, FactsAccess.ReadWrite, 0, 32, false);
        facts.AddField(r, "SCLK_SEL", 20, 2, FactsAccess.ReadWrite, false, false);
        FieldValue Value(string field, uint value) => new("UART0", field, "APB", value, "x.h:1 \"1: 80Mhz\"", 7);

        Assert.Contains("public const uint CLK_CONF_SCLK_SEL_APB = 1;", ChipDefinitionsGenerator.Render(facts, "x", new[] { Value("CLK_CONF_SCLK_SEL", 1) }));
        var e = Assert.Throws<InvalidOperationException>(() => ChipDefinitionsGenerator.Render(facts, "x", new[] { Value("CLK_CONF_SCLK", 1) }));
        Assert.Equal("boards/esp32x/field-values.txt:7: UART0 has no field constant CLK_CONF_SCLK", e.Message);
        e = Assert.Throws<InvalidOperationException>(() => ChipDefinitionsGenerator.Render(facts, "x", new[] { Value("CLK_CONF_SCLK_SEL", 4) }));
        Assert.Contains("4 does not fit UART0.CLK_CONF_SCLK_SEL (2 bits)", e.Message);
    }
}
