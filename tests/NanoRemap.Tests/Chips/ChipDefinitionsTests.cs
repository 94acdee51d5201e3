using System.Reflection;
using NanoRemap.Boards;
using NanoRemap.Chips;
using NanoRemap.Facts;
using NanoRemap.Mmio;
using NanoRemap.Tests.Boards;
using NanoRemap.Tests.Mmio;
using NanoRemap.Tooling.Facts;
using Xunit;

namespace NanoRemap.Tests.Chips;

public class ChipDefinitionsTests
{
    public static IEnumerable<object[]> Chips => ChipDefinitionsGenerator.Chips(BoardFiles.Root).Select(c => new object[] { c });

    [Fact]
    public void The_committed_definitions_equal_a_fresh_generation_from_the_facts()
    {
        var stale = ChipDefinitionsGenerator.Stale(BoardFiles.Root);
        Assert.True(stale.Count == 0, "stale (run 'nanoremap boards generate-chips'): " + string.Join(", ", stale));
        Assert.Equal(7, ChipDefinitionsGenerator.Chips(BoardFiles.Root).Count);
    }

    [Theory]
    [MemberData(nameof(Chips))]
    public void Every_register_and_field_of_the_facts_is_a_constant_with_its_offset_or_packed_bits(string chip)
    {
        ChipFacts facts = ChipFacts.Load(BoardFiles.Path("boards", chip, "registers.txt"));
        Type outer = typeof(Esp32).Assembly.GetType("NanoRemap.Chips." + ChipDefinitionsGenerator.ClassName(chip), true);
        int fields = 0;
        foreach (FactsPeripheral p in facts.Peripherals)
        {
            Type t = outer.GetNestedType(ChipDefinitionsGenerator.PascalCase(p.Name));
            Assert.True(t != null, $"{chip}: no class for {p.Name}");
            Assert.Equal(p.Base, Const(t, "BASE"));
            foreach (FactsRegister r in p.Registers)
            {
                Assert.Equal(r.Offset, Const(t, r.Name));
                foreach (FactsField f in r.Fields)
                {
                    if (f.Lsb == 0 && f.Width == r.SizeBits && f.Name == r.Name)
                    {
                        continue;
                    }

                    string name = r.Name + "_" + f.Name;
                    uint packed = p.FindRegister(name) != null || p.FindRange(name) != null ? Const(t, name + "_FIELD") : Const(t, name);
                    Assert.Equal(f.Lsb, RegisterField.Shift(packed));
                    Assert.Equal(f.Mask, RegisterField.InPlace(packed));
                    fields++;
                }
            }

            foreach (FactsRange g in p.Ranges)
            {
                Assert.Equal(g.Offset, Const(t, g.Name));
            }
        }

        Assert.True(fields > 3000, $"{chip}: only {fields} field constants");
    }

    [Fact]
    public void A_driver_reads_like_the_idf_with_the_typed_constants()
    {
        var (sim, bus) = WindowTests.Board("esp32");
        MmioWindow gpio = bus.Map(Esp32.Gpio.BASE, BoardTables.Esp32.FindBlock("GPIO").Size);
        gpio.Write32(Esp32.Gpio.OUT_W1TS, 1u << 5);
        Assert.Equal(1u << 5, sim.Peek(Esp32.Gpio.BASE + Esp32.Gpio.OUT));
        Assert.Equal(0x3FF44008u, Esp32.Gpio.BASE + Esp32.Gpio.OUT_W1TS);

        MmioWindow ledc = bus.Map(Esp32.Ledc.BASE, BoardTables.Esp32.FindBlock("LEDC").Size);
        ledc.Write32(Esp32.Ledc.LSTIMER0_CONF, 0xFFFF_FFFF);
        ledc.SetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES, 10);
        Assert.Equal(10u, ledc.GetField(Esp32.Ledc.LSTIMER0_CONF, Esp32.Ledc.LSTIMER0_CONF_LSTIMER0_DUTY_RES));
        Assert.Equal(0xFFFF_FFEAu, ledc.Read32(Esp32.Ledc.LSTIMER0_CONF)); // bits 0..4 = 01010
    }

    [Fact]
    public void Class_names_are_pascal_case_of_the_svd_names()
    {
        Assert.Equal("Gpio", ChipDefinitionsGenerator.PascalCase("GPIO"));
        Assert.Equal("RtcCntl", ChipDefinitionsGenerator.PascalCase("RTC_CNTL"));
        Assert.Equal("I2c0", ChipDefinitionsGenerator.PascalCase("I2C0"));
        Assert.Equal("Esp32S3", ChipDefinitionsGenerator.ClassName("esp32s3"));
        Assert.Equal("Esp32", ChipDefinitionsGenerator.ClassName("esp32"));
        Assert.NotNull(typeof(Esp32S3).GetNestedType("RtcCntl"));
        Assert.NotNull(typeof(Esp32C6).GetNestedType("Pcr"));
    }

    [Fact]
    public void Two_constants_of_one_name_are_an_error_not_a_silent_pick()
    {
        var facts = new ChipFacts("esp32x");
        FactsPeripheral p = facts.AddPeripheral("GPIO", 0x1000, 0x100);
        facts.AddRegister(p, "BASE", 0x1000, FactsAccess.ReadWrite, 0, 32, false);
        var e = Assert.Throws<InvalidOperationException>(() => ChipDefinitionsGenerator.Render(facts, "x"));
        Assert.Contains("GPIO.BASE would be declared twice", e.Message);
    }

    private static uint Const(Type t, string name)
    {
        FieldInfo f = t.GetField(char.IsDigit(name[0]) ? "_" + name : name, BindingFlags.Public | BindingFlags.Static);
        Assert.True(f != null && f.IsLiteral, $"{t.FullName}.{name} is no constant");
        return (uint)f.GetRawConstantValue()!;
    }
}
