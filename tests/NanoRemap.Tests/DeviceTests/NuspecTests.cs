using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace NanoRemap.Tests.DeviceTests;

/// <summary>
/// NanoRemap.nuspec follows the nanoFramework class-library conventions; it can only be packed where the
/// nanoFramework toolchain makes the .pe/.pdbx, so these tests check its shape and that it agrees with the
/// library's .nfproj and AssemblyInfo.
/// </summary>
public sealed class NuspecTests
{
    private static readonly XNamespace Nu = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";

    private static XElement Metadata => XDocument.Load(DeviceTestPaths.At("NanoRemap.nuspec")).Root!.Element(Nu + "metadata")!;

    [Fact]
    public void Metadata_follows_the_nanoFramework_library_conventions()
    {
        XElement m = Metadata;
        Assert.Equal("NanoRemap", m.Element(Nu + "id")!.Value);
        Assert.Equal("$version$", m.Element(Nu + "version")!.Value);
        Assert.Equal("$commit$", (string)m.Element(Nu + "repository")!.Attribute("commit"));
        Assert.Equal("file", (string)m.Element(Nu + "license")!.Attribute("type"));
        Assert.Equal("LICENSE.md", m.Element(Nu + "license")!.Value);
        Assert.StartsWith("nanoFramework C# csharp netmf netnf", m.Element(Nu + "tags")!.Value);

        // The native-assembly requirement the nanoFramework packages end their description with.
        string description = m.Element(Nu + "description")!.Value;
        Assert.EndsWith("This package requires a target with NanoRemap.Mmio v$nativeVersion$ (checksum $checksum$).", description);
    }

    [Fact]
    public void Depends_on_exactly_the_CoreLibrary_the_library_is_compiled_against()
    {
        XElement[] deps = Metadata.Element(Nu + "dependencies")!.Elements(Nu + "dependency").ToArray();
        XElement dep = Assert.Single(deps);
        Assert.Equal("nanoFramework.CoreLibrary", (string)dep.Attribute("id"));
        Assert.Equal("[1.17.11]", (string)dep.Attribute("version"));
        Assert.Contains("Include=\"nanoFramework.CoreLibrary\" Version=\"1.17.11\"", File.ReadAllText(DeviceTestPaths.At("src/NanoRemap/NanoRemap.csproj")));
        Assert.Contains("Include=\"nanoFramework.CoreLibrary\" Version=\"1.17.11\"", File.ReadAllText(DeviceTestPaths.At("src/NanoRemap.Mmio/NanoRemap.Mmio.csproj")));
    }

    [Fact]
    public void Ships_the_assembly_its_docs_and_the_MetadataProcessor_outputs_from_the_nfproj_Release_folder()
    {
        XElement[] files = XDocument.Load(DeviceTestPaths.At("NanoRemap.nuspec")).Root!.Element(Nu + "files")!.Elements(Nu + "file").ToArray();
        var map = files.ToDictionary(f => (string)f.Attribute("target")!, f => (string)f.Attribute("src")!);
        foreach (string assembly in new[] { "NanoRemap", "NanoRemap.Mmio", "NanoRemap.Boards", "NanoRemap.Mmio.Simulation" })
        {
            foreach (string ext in new[] { "dll", "pdb", "pdbx", "pe", "xml" })
            {
                Assert.Equal($@"src\{assembly}\bin\Release\{assembly}.{ext}", map[$@"lib\{assembly}.{ext}"]);
            }

            // bin\Release\<assembly>.* is where each .nfproj puts its output (AssemblyName, XML docs beside it).
            string nfproj = File.ReadAllText(DeviceTestPaths.At($"src/{assembly}/{assembly}.nfproj"));
            Assert.Contains($"<AssemblyName>{assembly}</AssemblyName>", nfproj);
            Assert.Contains($@"<DocumentationFile>bin\$(Configuration)\{assembly}.xml</DocumentationFile>", nfproj);
        }

        // readme and license: their sources exist in the repository.
        Assert.Equal(@"docs\README.md", Metadata.Element(Nu + "readme")!.Value);
        Assert.True(File.Exists(DeviceTestPaths.At(map[@"docs\README.md"])));
        Assert.True(File.Exists(DeviceTestPaths.At(map["LICENSE.md"])));

    }

    [Fact]
    public void Each_chip_packs_alone_from_its_nfproj_Release_folder()
    {
        // nuget/NanoRemap.Chip.nuspec, packed once per chip with -Properties chip=<Chip>: every chip folder resolves.
        XDocument doc = XDocument.Load(DeviceTestPaths.At("nuget/NanoRemap.Chip.nuspec"));
        XElement metadata = doc.Root!.Element(Nu + "metadata")!;
        Assert.Equal("NanoRemap.$chip$", metadata.Element(Nu + "id")!.Value);
        Assert.Equal("[1.17.11]", (string)metadata.Element(Nu + "dependencies")!.Element(Nu + "dependency")!.Attribute("version"));
        string[] chips = Directory.GetDirectories(DeviceTestPaths.At("src/NanoRemap.Chips")).Select(Path.GetFileName).Select(n => n!["NanoRemap.".Length..]).ToArray();
        Assert.Equal(7, chips.Length);
        Assert.Contains("pack nuget/NanoRemap.Chip.nuspec", File.ReadAllText(DeviceTestPaths.At("nuget/NanoRemap.Chip.nuspec")));
        foreach (string chip in chips)
        {
            string assembly = "NanoRemap." + chip;
            var map = doc.Root!.Element(Nu + "files")!.Elements(Nu + "file")
                .ToDictionary(f => ((string)f.Attribute("target")!).Replace("$chip$", chip), f => ((string)f.Attribute("src")!).Replace("$chip$", chip));
            foreach (string ext in new[] { "dll", "pdb", "pdbx", "pe", "xml" })
            {
                Assert.Equal($@"src\NanoRemap.Chips\{assembly}\bin\Release\{assembly}.{ext}", map[$@"lib\{assembly}.{ext}"]);
            }

            string nfproj = File.ReadAllText(DeviceTestPaths.At($"src/NanoRemap.Chips/{assembly}/{assembly}.nfproj"));
            Assert.Contains($"<AssemblyName>{assembly}</AssemblyName>", nfproj);
            Assert.Contains($@"<DocumentationFile>bin\$(Configuration)\{assembly}.xml</DocumentationFile>", nfproj);
            Assert.True(File.Exists(DeviceTestPaths.At(map["LICENSE.md"])));
        }
    }

    [Fact]
    public void The_native_version_to_pack_with_is_the_AssemblyNativeVersion_of_the_interop_library()
    {
        string info = File.ReadAllText(DeviceTestPaths.At("src/NanoRemap.Mmio/Properties/AssemblyInfo.cs"));
        Match m = Regex.Match(info, @"AssemblyNativeVersion\(""(\d+\.\d+\.\d+\.\d+)""\)");
        Assert.True(m.Success, "AssemblyInfo.cs has no AssemblyNativeVersion");
        string nuspec = File.ReadAllText(DeviceTestPaths.At("NanoRemap.nuspec"));
        Assert.Contains("nativeVersion=" + m.Groups[1].Value, nuspec); // the pack command in the header comment
    }
}
