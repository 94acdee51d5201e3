using System.Text;
using NanoRemap.Facts;
using NanoRemap.Tooling.Svd;
using Xunit;

namespace NanoRemap.Tests.Svd;

public class SvdImporterTests
{
    // A small SVD with each construct the importer reads the way svd2rust does.
    private const string Svd = """
        <?xml version="1.0" encoding="utf-8"?>
        <device schemaVersion="1.1">
          <name>TESTCHIP</name>
          <version>7</version>
          <size>32</size>
          <resetValue>0x00000000</resetValue>
          <resetMask>0xFFFFFFFF</resetMask>
          <peripherals>
            <peripheral>
              <name>UART0</name>
              <baseAddress>0x60000000</baseAddress>
              <addressBlock><offset>0x0</offset><size>0x80</size><usage>registers</usage></addressBlock>
              <registers>
                <register>
                  <name>FIFO</name>
                  <addressOffset>0x0</addressOffset>
                  <fields>
                    <field><name>RXFIFO_RD_BYTE</name><bitOffset>0</bitOffset><bitWidth>8</bitWidth><access>read-only</access></field>
                  </fields>
                </register>
                <register>
                  <name>INT_CLR</name>
                  <addressOffset>0x10</addressOffset>
                  <access>write-only</access>
                  <fields>
                    <field><name>RXFIFO_FULL</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth><modifiedWriteValues>oneToClear</modifiedWriteValues></field>
                  </fields>
                </register>
                <register>
                  <name>STATUS</name>
                  <addressOffset>0x14</addressOffset>
                  <resetValue>0x0000A5A5</resetValue>
                  <resetMask>0x0000FF00</resetMask>
                  <readAction>clear</readAction>
                  <fields>
                    <field><name>CNT</name><lsb>0</lsb><msb>9</msb><access>read-only</access><readAction>clear</readAction></field>
                    <field><name>ERR</name><bitRange>[15:12]</bitRange><access>read-only</access></field>
                  </fields>
                </register>
                <register>
                  <dim>3</dim>
                  <dimIncrement>0x4</dimIncrement>
                  <name>CH%s_CONF</name>
                  <addressOffset>0x20</addressOffset>
                  <resetValue>0x00000011</resetValue>
                  <fields>
                    <field><name>EN</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth><access>read-write</access></field>
                    <field><dim>2</dim><dimIncrement>4</dimIncrement><name>SEL%s</name><bitOffset>4</bitOffset><bitWidth>2</bitWidth><access>read-write</access></field>
                  </fields>
                </register>
                <register>
                  <dim>3</dim>
                  <dimIncrement>0x4</dimIncrement>
                  <dimIndex>A,B,C</dimIndex>
                  <name>KEY_%s</name>
                  <addressOffset>0x30</addressOffset>
                  <access>write-only</access>
                </register>
                <register derivedFrom="FIFO">
                  <name>FIFO_ALIAS</name>
                  <addressOffset>0x40</addressOffset>
                </register>
                <register>
                  <dim>4</dim>
                  <dimIncrement>0x4</dimIncrement>
                  <name>TEXT[%s]</name>
                  <addressOffset>0x50</addressOffset>
                </register>
                <cluster>
                  <dim>2</dim>
                  <dimIncrement>0x10</dimIncrement>
                  <name>TIMER%s</name>
                  <addressOffset>0x60</addressOffset>
                  <access>read-only</access>
                  <resetValue>0x00000005</resetValue>
                  <register><name>VALUE</name><addressOffset>0x0</addressOffset></register>
                  <cluster>
                    <name>ALARM</name>
                    <addressOffset>0x8</addressOffset>
                    <register><name>LO</name><addressOffset>0x0</addressOffset><access>read-write</access></register>
                  </cluster>
                </cluster>
              </registers>
            </peripheral>
            <peripheral derivedFrom="UART0">
              <name>UART1</name>
              <baseAddress>0x60010000</baseAddress>
            </peripheral>
            <peripheral>
              <name>DS</name>
              <baseAddress>0x6003D000</baseAddress>
              <addressBlock><offset>0x0</offset><size>0x1000</size><usage>registers</usage></addressBlock>
              <access>read-write</access>
              <registers>
                <register>
                  <dim>1584</dim>
                  <dimIncrement>0x1</dimIncrement>
                  <name>C_MEM[%s]</name>
                  <addressOffset>0x0</addressOffset>
                  <size>0x8</size>
                </register>
                <register>
                  <name>QUERY_BUSY</name>
                  <addressOffset>0xE1C</addressOffset>
                  <fields><field><name>QUERY_BUSY</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth><access>read-only</access></field></fields>
                </register>
              </registers>
            </peripheral>
          </peripherals>
        </device>
        """;

    private static SvdDevice Read(string svd) => SvdReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(svd)), "test.svd");

    private static ChipFacts Import(string svd, string patches = null) =>
        SvdImporter.Build(Read(svd), patches == null ? null : SvdPatchFile.Parse(patches, "svd-patches.txt"), "testchip");

    [Fact]
    public void Access_reset_w1c_and_cor_follow_the_svd_inheritance()
    {
        ChipFacts f = Import(Svd);
        FactsRegister fifo = f.FindRegister("UART0.FIFO");
        Assert.Equal(0x60000000u, fifo.Address);
        Assert.Equal(FactsAccess.ReadOnly, fifo.Access); // all fields read-only
        FactsRegister clr = f.FindRegister("UART0.INT_CLR");
        Assert.Equal(FactsAccess.WriteOnly, clr.Access);
        Assert.Equal(FactsAccess.WriteOnly, clr.Fields[0].Access); // inherited from the register
        Assert.True(clr.Fields[0].WriteOneToClear);
        FactsRegister status = f.FindRegister("UART0.STATUS");
        Assert.Equal(0x0000A500u, status.Reset); // resetValue & resetMask
        Assert.True(status.ClearOnRead);
        Assert.True(status.FindField("CNT").ClearOnRead);
        Assert.Equal(10, status.FindField("CNT").Width);
        Assert.Equal(12, status.FindField("ERR").Lsb);
        Assert.Equal(4, status.FindField("ERR").Width);
    }

    [Fact]
    public void Dim_arrays_expand_with_the_svd_names_indices_and_increments()
    {
        ChipFacts f = Import(Svd);
        Assert.Equal(0x60000028u, f.FindRegister("UART0.CH2_CONF").Address);
        Assert.Equal(0x11u, f.FindRegister("UART0.CH1_CONF").Reset);
        Assert.Equal(new[] { "EN", "SEL0", "SEL1" }, f.FindRegister("UART0.CH0_CONF").Fields.Select(x => x.Name));
        Assert.Equal(8, f.FindField("UART0.CH0_CONF.SEL1").Lsb);
        Assert.Equal(0x60000034u, f.FindRegister("UART0.KEY_B").Address);
        Assert.Null(f.FindRegister("UART0.KEY_1"));
        Assert.Equal(0x6000005Cu, f.FindRegister("UART0.TEXT3").Address); // NAME[%s] -> NAME3
    }

    [Fact]
    public void Clusters_nest_and_pass_their_properties_down()
    {
        ChipFacts f = Import(Svd);
        FactsRegister v1 = f.FindRegister("UART0.TIMER1_VALUE");
        Assert.Equal(0x60000070u, v1.Address);
        Assert.Equal(FactsAccess.ReadOnly, v1.Access);
        Assert.Equal(5u, v1.Reset);
        FactsRegister lo = f.FindRegister("UART0.TIMER1_ALARM_LO");
        Assert.Equal(0x60000078u, lo.Address);
        Assert.Equal(FactsAccess.ReadWrite, lo.Access);
    }

    [Fact]
    public void Derived_peripherals_and_registers_copy_their_base()
    {
        ChipFacts f = Import(Svd);
        FactsPeripheral u1 = f.FindPeripheral("UART1");
        Assert.Equal(0x60010000u, u1.Base);
        Assert.Equal(0x80u, u1.Size);
        Assert.Equal(f.FindPeripheral("UART0").Registers.Count, u1.Registers.Count);
        Assert.Equal(0x60010024u, f.FindRegister("UART1.CH1_CONF").Address);
        FactsRegister alias = f.FindRegister("UART0.FIFO_ALIAS");
        Assert.Equal(0x60000040u, alias.Address);
        Assert.Equal("RXFIFO_RD_BYTE", Assert.Single(alias.Fields).Name);
    }

    [Fact]
    public void A_register_derived_by_a_dotted_path_copies_a_register_of_another_peripheral()
    {
        // the last <registers> is DS's
        string svd = Svd.Insert(Svd.LastIndexOf("</registers>", StringComparison.Ordinal),
            "<register derivedFrom=\"UART0.STATUS\"><name>STATUS_COPY</name><addressOffset>0xE20</addressOffset></register>\n");
        Assert.NotEqual(Svd, svd);
        FactsRegister copy = Import(svd).FindRegister("DS.STATUS_COPY");
        Assert.Equal(0x6003DE20u, copy.Address);
        Assert.True(copy.ClearOnRead);
        Assert.Equal(new[] { "CNT", "ERR" }, copy.Fields.Select(f => f.Name));
        Assert.Equal(FactsAccess.ReadWrite, copy.Access); // DS's peripheral-level access
    }

    [Fact]
    public void Byte_wide_arrays_stay_one_range()
    {
        ChipFacts f = Import(Svd);
        FactsRange c = f.FindRange("DS.C_MEM");
        Assert.Equal(0x6003D000u, c.Address);
        Assert.Equal(1584u, c.Bytes);
        Assert.Equal(1584, c.Elements);
        Assert.Equal(FactsAccess.ReadWrite, c.Access); // peripheral-level access
        Assert.Single(f.Ranges);
        Assert.Equal(FactsAccess.ReadWrite, f.FindRegister("DS.QUERY_BUSY").Access); // the peripheral's access wins over fields
    }

    [Fact]
    public void The_written_text_parses_back_to_the_same_facts()
    {
        ChipFacts f = Import(Svd);
        string text = ChipFactsWriter.ToText(f);
        ChipFacts back = ChipFacts.Parse(new StringReader(text), "registers.txt");
        Assert.Equal(text, ChipFactsWriter.ToText(back));
        Assert.StartsWith("# Register facts of the TESTCHIP", text);
        Assert.Contains("from: test.svd (TESTCHIP, SVD version 7", text);
    }

    [Fact]
    public void A_dim_array_that_wraps_past_the_address_space_is_an_error_not_a_register_at_a_wrapped_address()
    {
        // 0x60000000 + 0x20 + 2 * 0x50000000 wraps to 0x00000020 in 32 bits.
        string svd = System.Text.RegularExpressions.Regex.Replace(Svd, @"<dimIncrement>0x4</dimIncrement>(\s*<name>CH%s_CONF</name>)",
            "<dimIncrement>0x50000000</dimIncrement>$1");
        Assert.NotEqual(Svd, svd);
        var e = Assert.Throws<SvdException>(() => Import(svd));
        Assert.Contains("test.svd:", e.Message);
        Assert.Contains("register CH%s_CONF", e.Message);
        Assert.Contains("past the 32-bit address space", e.Message);
    }

    [Fact]
    public void A_name_with_percent_s_but_no_dim_is_an_error_that_a_rename_patch_fixes()
    {
        string svd = Svd.Replace("<name>FIFO_ALIAS</name>", "<name>T%sALIAS</name>");
        var e = Assert.Throws<SvdException>(() => Import(svd));
        Assert.Contains("test.svd:", e.Message);
        Assert.Contains("register T%sALIAS", e.Message);
        Assert.Contains("rename", e.Message);
        ChipFacts f = Import(svd, "source ESP-IDF some_reg.h (TEST_T0ALIAS_REG)\nrename UART0.T%sALIAS T0ALIAS\n");
        Assert.NotNull(f.FindRegister("UART0.T0ALIAS"));
        Assert.NotNull(f.FindRegister("UART1.T0ALIAS")); // patched before derivedFrom
    }

    [Fact]
    public void Patches_move_add_remove_and_renumber()
    {
        const string patches = """
            # a comment
            source ESP-IDF test_reg.h (TEST_STATUS_REG)
            move UART0.STATUS 0x18
            register UART0.ECDSA 0x14 rw 0x00000003
            field UART0.ECDSA.BLK 0 4 rw
            field UART0.ECDSA.CUR 16 4 ro
            remove UART0.CH%s_CONF.EN
            dimindex UART0.CH%s_CONF 1-3
            """;
        ChipFacts f = Import(Svd, patches);
        Assert.Equal(0x60000018u, f.FindRegister("UART0.STATUS").Address);
        FactsRegister ecdsa = f.FindRegister("UART0.ECDSA");
        Assert.Equal(0x60000014u, ecdsa.Address);
        Assert.Equal(3u, ecdsa.Reset);
        Assert.Equal(FactsAccess.ReadOnly, ecdsa.FindField("CUR").Access);
        Assert.Null(f.FindRegister("UART0.CH0_CONF"));
        Assert.Equal(0x60000028u, f.FindRegister("UART0.CH3_CONF").Address);
        Assert.Null(f.FindField("UART0.CH1_CONF.EN"));
    }

    [Theory]
    [InlineData("rename UART0.FIFO X", 1, "a patch before any 'source' line")]
    [InlineData("source x.h\nmove UART0.NOPE 0x4", 2, "no register NOPE in UART0 (stale patch?)")]
    [InlineData("source x.h\nmove UART0.STATUS 0x14", 2, "already at offset 0x14 (stale patch?)")]
    [InlineData("source x.h\nmove UART1.STATUS 0x18", 2, "UART1 is derived from UART0: patch UART0")]
    [InlineData("source x.h\nregister UART0.FIFO 0x0 rw 0x0", 2, "already has FIFO")]
    [InlineData("source x.h\nfield UART0.FIFO.RXFIFO_RD_BYTE 0 8 ro", 2, "already has a field RXFIFO_RD_BYTE")]
    [InlineData("source x.h\nremove UART0.FIFO.NOPE", 2, "has no field NOPE")]
    [InlineData("source x.h\ndimindex UART0.CH%s_CONF 1-2", 2, "gives 2 indices for <dim>3</dim>")]
    [InlineData("source x.h\nfield UART0.FIFO.X 30 4 rw", 2, "do not fit a 32-bit register")]
    [InlineData("source x.h\nmove UART0.STATUS 18", 2, "offset '18' is not a 0x hex number")]
    [InlineData("source x.h\nfrobnicate UART0.STATUS", 2, "unknown statement 'frobnicate'")]
    [InlineData("source x.h\nmove UART0 0x18", 2, "the target is not PERIPH.REG")]
    [InlineData("source x.h\nmove NOPE.X 0x18", 2, "the SVD has no peripheral NOPE")]
    public void Bad_patch_lines_name_the_patch_file_line_and_target(string patches, int line, string message)
    {
        var e = Assert.Throws<SvdException>(() => Import(Svd, patches));
        Assert.Equal("svd-patches.txt", e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("<addressOffset>0x14</addressOffset>", "<addressOffset>zz</addressOffset>", "register STATUS", "<addressOffset>zz</addressOffset> is not a number")]
    [InlineData("<access>write-only</access>\n", "<access>write-sometimes</access>\n", "register INT_CLR", "is not read-only, write-only")]
    [InlineData("<bitRange>[15:12]</bitRange>", "<bitRange>15-12</bitRange>", "field ERR", "is not [msb:lsb]")]
    [InlineData("<bitOffset>4</bitOffset><bitWidth>2</bitWidth>", "<bitOffset>31</bitOffset><bitWidth>2</bitWidth>", "field SEL0", "do not fit the 32-bit register")]
    [InlineData("<dimIndex>A,B,C</dimIndex>", "<dimIndex>A,B</dimIndex>", "register KEY_%s", "gives 2 names for <dim>3</dim>")]
    [InlineData("<register derivedFrom=\"FIFO\">", "<register derivedFrom=\"NOPE\">", "register FIFO_ALIAS", "derivedFrom=\"NOPE\" names no register")]
    [InlineData("<peripheral derivedFrom=\"UART0\">", "<peripheral derivedFrom=\"UART9\">", "peripheral UART1", "names no peripheral")]
    [InlineData("<modifiedWriteValues>oneToClear</modifiedWriteValues>", "<modifiedWriteValues>sometimes</modifiedWriteValues>", "field RXFIFO_FULL", "is not a CMSIS-SVD value")]
    [InlineData("<name>KEY_%s</name>", "<name>FIFO</name>", "register FIFO", "a <dim> array whose name holds no %s")]
    public void A_malformed_svd_names_file_line_and_element(string from, string to, string element, string message)
    {
        string svd = Svd.Replace(from, to);
        Assert.NotEqual(Svd, svd);
        var e = Assert.Throws<SvdException>(() => Import(svd));
        Assert.Equal("test.svd", e.File);
        Assert.True(e.Line > 1, e.Message);
        Assert.Contains(element, e.Element);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Broken_xml_names_its_line()
    {
        var e = Assert.Throws<SvdException>(() => Import(Svd.Replace("</peripherals>", "</peripheralz>")));
        Assert.Equal("xml", e.Element);
        Assert.True(e.Line > 100);
    }

    [Fact]
    public void Svd_numbers_are_decimal_hex_or_binary()
    {
        Assert.True(SvdReader.TryParseNumber("0x1F", out ulong a));
        Assert.Equal(31ul, a);
        Assert.True(SvdReader.TryParseNumber(" 32 ", out ulong b));
        Assert.Equal(32ul, b);
        Assert.True(SvdReader.TryParseNumber("#101", out ulong c));
        Assert.Equal(5ul, c);
        Assert.False(SvdReader.TryParseNumber("0x", out _));
        Assert.False(SvdReader.TryParseNumber("#12", out _));
        Assert.False(SvdReader.TryParseNumber("-1", out _));
    }

    [Fact]
    public void A_failed_import_writes_nothing_and_a_good_one_replaces_the_file()
    {
        string root = Directory.CreateTempSubdirectory("nanoremap-svd").FullName;
        try
        {
            string svdPath = Path.Combine(root, "testchip.svd");
            File.WriteAllText(svdPath, Svd);
            var (facts, rel) = SvdImporter.Write(svdPath, root, null);
            Assert.Equal("boards/testchip/registers.txt", rel);
            string path = Path.Combine(root, rel);
            string good = File.ReadAllText(path);
            Assert.Equal(ChipFactsWriter.ToText(facts), good);

            File.WriteAllText(Path.Combine(root, "boards", "testchip", "svd-patches.txt"), "source x.h\nmove UART0.NOPE 0x4\n");
            var e = Assert.Throws<SvdException>(() => SvdImporter.Write(svdPath, root, "testchip"));
            Assert.Equal("boards/testchip/svd-patches.txt", e.File);
            Assert.Equal(good, File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(Path.Combine(root, "boards", "testchip"), "registers.txt*"));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
