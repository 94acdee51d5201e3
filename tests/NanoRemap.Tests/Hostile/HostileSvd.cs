using System.Text;
using NanoRemap.Tooling.Svd;

namespace NanoRemap.Tests.Hostile;

/// <summary>Small SVD documents for the hostile-input tests: one peripheral whose &lt;registers&gt; the test gives.</summary>
internal static class HostileSvd
{
    public static string Device(string registers, string name = "TESTCHIP", string version = "1") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <device schemaVersion="1.1">
          <name>{name}</name>
          <version>{version}</version>
          <size>32</size>
          <peripherals>
            <peripheral>
              <name>P</name>
              <baseAddress>0x60000000</baseAddress>
              <addressBlock><offset>0x0</offset><size>0x100</size><usage>registers</usage></addressBlock>
              <registers>
        {registers}
              </registers>
            </peripheral>
          </peripherals>
        </device>
        """;

    public static string Register(string name, string offset = "0x0", string extra = "") =>
        $"<register><name>{name}</name><addressOffset>{offset}</addressOffset>{extra}</register>";

    public static SvdDevice Read(string xml) => SvdReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "hostile.svd");

    /// <summary>Reads and imports (patches optional), as <c>boards import-svd</c> does.</summary>
    public static NanoRemap.Facts.ChipFacts Import(string xml, string patches = null) =>
        SvdImporter.Build(Read(xml), patches == null ? null : SvdPatchFile.Parse(patches, "boards/x/svd-patches.txt"), "x");

    /// <summary>Clusters nested <paramref name="depth"/> deep around one register, built without recursion.</summary>
    public static string NestedClusters(int depth)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            sb.Append("<cluster><name>C").Append(i).Append("</name><addressOffset>0x0</addressOffset>");
        }

        sb.Append(Register("R"));
        for (int i = 0; i < depth; i++)
        {
            sb.Append("</cluster>");
        }

        return Device(sb.ToString());
    }
}
