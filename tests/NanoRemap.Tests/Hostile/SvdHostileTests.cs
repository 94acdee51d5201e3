using NanoRemap.Tests.Cli;
using NanoRemap.Tooling.Svd;
using Xunit;

namespace NanoRemap.Tests.Hostile;

/// <summary>Issue 16, family 1: the SVD reader is bounded (derivedFrom cycles, nesting, dim arrays, element counts).</summary>
public sealed class SvdHostileTests
{
    public static TheoryData<string, string> Cycles => new()
    {
        // register A from B, B from A
        { HostileSvd.Register("A", "0x0", "") .Replace("<register>", "<register derivedFrom=\"B\">") + HostileSvd.Register("B", "0x4").Replace("<register>", "<register derivedFrom=\"A\">"), "derivedFrom cycle" },
        // a register deriving from itself, by name and by its dotted path
        { HostileSvd.Register("A").Replace("<register>", "<register derivedFrom=\"A\">"), "itself" },
        { HostileSvd.Register("A").Replace("<register>", "<register derivedFrom=\"P.A\">"), "derivedFrom" },
        // clusters
        { "<cluster derivedFrom=\"D\"><name>C</name><addressOffset>0x0</addressOffset>" + HostileSvd.Register("R") + "</cluster>"
          + "<cluster derivedFrom=\"C\"><name>D</name><addressOffset>0x10</addressOffset>" + HostileSvd.Register("S") + "</cluster>", "derivedFrom cycle" },
        // a cluster holding a cluster derived from it (endless nesting)
        { "<cluster><name>C</name><addressOffset>0x0</addressOffset>" + HostileSvd.Register("R")
          + "<cluster derivedFrom=\"P.C\"><name>D</name><addressOffset>0x10</addressOffset></cluster></cluster>", "derivedFrom" },
        // fields
        { HostileSvd.Register("R", "0x0", "<fields><field derivedFrom=\"G\"><name>F</name><bitOffset>0</bitOffset></field>"
          + "<field derivedFrom=\"F\"><name>G</name><bitOffset>1</bitOffset></field></fields>"), "derivedFrom cycle" },
        { HostileSvd.Register("R", "0x0", "<fields><field derivedFrom=\"F\"><name>F</name><bitOffset>0</bitOffset></field></fields>"), "itself" },
    };

    [Theory]
    [MemberData(nameof(Cycles))]
    public void A_derivedFrom_cycle_is_an_error_naming_file_line_and_element(string registers, string why)
    {
        var e = Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.Device(registers)));
        Assert.Contains(why, e.Message);
        Assert.Equal("hostile.svd", e.File);
        Assert.True(e.Line > 0, e.Message);
        Assert.Contains("peripheral P", e.Element);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void Clusters_nested_too_deep_are_an_error_not_a_stack_overflow(int depth)
    {
        var e = Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.NestedClusters(depth)));
        Assert.Contains("nested more than", e.Message);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Clusters_nested_within_the_limit_still_import()
    {
        var facts = HostileSvd.Import(HostileSvd.NestedClusters(SvdReader.MaxClusterNesting));
        Assert.Single(facts.Registers);
    }

    [Theory]
    [InlineData("<dim>4</dim><dimIncrement>4</dimIncrement><dimIndex>0-2147483647</dimIndex>", "gives 2147483648 names")]
    [InlineData("<dim>4</dim><dimIncrement>4</dimIncrement><dimIndex>A-Z</dimIndex>", "gives 26 names")]
    [InlineData("<dim>2048</dim><dimIncrement>0</dimIncrement>", "one address")]
    [InlineData("<dim>8</dim><dimIncrement>0x20000001</dimIncrement>", "past the 32-bit address space")]
    public void A_dim_array_that_cannot_be_is_an_error(string dim, string why)
    {
        var e = Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.Device(HostileSvd.Register("R%s", "0x0", dim))));
        Assert.Contains(why, e.Message);
        Assert.Contains("register R%s", e.Element);
    }

    [Fact]
    public void A_dimIncrement_whose_eightfold_overflows_is_not_a_byte_array()
    {
        // 0x20000001 * 8 wraps to 8 in 32 bits: it was read as the 8-bit element size (a 512 MiB "byte array").
        var facts = HostileSvd.Import(HostileSvd.Device(
            HostileSvd.Register("M[%s]", "0x0", "<dim>3</dim><dimIncrement>0x20000001</dimIncrement><size>8</size>")));
        Assert.Empty(facts.Ranges);
        Assert.Equal(new uint[] { 0x60000000, 0x80000001, 0xA0000002 }, facts.Registers.Select(r => r.Address).ToArray());
    }

    [Fact]
    public void Cluster_dim_2048_times_register_dim_2048_is_refused()
    {
        string zero = "<cluster><name>C%s</name><addressOffset>0x0</addressOffset><dim>2048</dim><dimIncrement>0</dimIncrement>"
            + HostileSvd.Register("R%s", "0x0", "<dim>2048</dim><dimIncrement>0</dimIncrement>") + "</cluster>";
        Assert.Contains("one address", Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.Device(zero))).Message);

        // With distinct addresses the 4 million registers pass the element limit instead of memory.
        string big = "<cluster><name>C%s</name><addressOffset>0x0</addressOffset><dim>2048</dim><dimIncrement>0x4000</dimIncrement>"
            + HostileSvd.Register("R%s", "0x0", "<dim>2048</dim><dimIncrement>4</dimIncrement>") + "</cluster>";
        var e = Assert.Throws<SvdException>(() => HostileSvd.Import(HostileSvd.Device(big).Replace("<baseAddress>0x60000000</baseAddress>", "<baseAddress>0x0</baseAddress>")));
        Assert.Contains("limit", e.Message);
    }

    [Fact]
    public void A_document_type_definition_is_refused_entities_are_never_expanded()
    {
        string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE device [<!ENTITY a \"aaaaaaaaaa\">]>\n<device><name>&a;</name></device>";
        var e = Assert.Throws<SvdException>(() => HostileSvd.Read(xml));
        Assert.Equal("xml", e.Element);
    }

    [Fact]
    public void Check_facts_reports_a_cyclic_svd_in_the_svd_folder_without_crashing()
    {
        string root = BoardGeneratorFixture.RepoRoot();
        string folder = TempDir.Create();
        string cyclic = HostileSvd.Device(HostileSvd.Register("A").Replace("<register>", "<register derivedFrom=\"B\">")
            + HostileSvd.Register("B", "0x4").Replace("<register>", "<register derivedFrom=\"A\">"));
        File.WriteAllText(Path.Combine(folder, "esp32.svd"), cyclic);
        var r = CliRunner.Run(new[] { "boards", "check-facts", "--svd-dir", folder, "--root", root });
        Assert.Equal(1, r.Exit);
        Assert.Contains("esp32.svd:", r.Stderr);
        Assert.Contains("derivedFrom cycle", r.Stderr);
    }
}
