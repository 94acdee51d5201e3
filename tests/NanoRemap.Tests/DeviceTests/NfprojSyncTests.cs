using System.Xml.Linq;
using Xunit;

namespace NanoRemap.Tests.DeviceTests;

/// <summary>
/// The Visual Studio nanoFramework projects (.nfproj) list their sources explicitly, and nothing builds them
/// on Linux: these tests keep each list equal to the .cs files on disk (a file added to the library but not
/// to the .nfproj would silently drop out of the device build), check the project shape the nanoFramework
/// project system and test adapter need, and that the Linux solution never loads a .nfproj.
/// </summary>
public sealed class NfprojSyncTests
{
    private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";

    public static TheoryData<string, string> Projects() => new()
    {
        // .nfproj, folders (under the .nfproj's own, ';'-separated) whose .cs files it must not list
        { "src/NanoRemap/NanoRemap.nfproj", "" },
        { "src/NanoRemap.Mmio/NanoRemap.Mmio.nfproj", "" },
        { "src/NanoRemap.Boards/NanoRemap.Boards.nfproj", "" },
        { "src/NanoRemap.Mmio.Simulation/NanoRemap.Mmio.Simulation.nfproj", "" },
        { "src/NanoRemap.Chips/NanoRemap.Esp32/NanoRemap.Esp32.nfproj", "" },
        { "src/NanoRemap.Chips/NanoRemap.Esp32S2/NanoRemap.Esp32S2.nfproj", "" },
        { "src/NanoRemap.Chips/NanoRemap.Esp32S3/NanoRemap.Esp32S3.nfproj", "" },
        { "src/NanoRemap.Chips/NanoRemap.Esp32C3/NanoRemap.Esp32C3.nfproj", "" },
        { "src/NanoRemap.Chips/NanoRemap.Esp32C5/NanoRemap.Esp32C5.nfproj", "" },
        { "src/NanoRemap.Chips/NanoRemap.Esp32C6/NanoRemap.Esp32C6.nfproj", "" },
        { "src/NanoRemap.Chips/NanoRemap.Esp32H2/NanoRemap.Esp32H2.nfproj", "" },
        { "samples/Blink/Blink.nfproj", "" },
        { "samples/LedcPwm/LedcPwm.nfproj", "" },
        { "samples/LedcFade/LedcFade.nfproj", "" },
        { "samples/UartTx/UartTx.nfproj", "" },
        { "samples/SystimerRead/SystimerRead.nfproj", "" },
        { "samples/GpioInOut/GpioInOut.nfproj", "" },
                // HostRun: the xunit host run; Hardware: the tests of the posix nanoCLR with the interop linked in (own assembly)
        { "tests/NanoRemap.DeviceTests/NFUnitTest.nfproj", "HostRun;Hardware" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Compile_items_are_exactly_the_cs_files_of_the_folder(string nfproj, string excluded)
    {
        string path = DeviceTestPaths.At(nfproj);
        string dir = Path.GetDirectoryName(path)!;
        string[] listed = Load(path).Descendants(Ms + "Compile")
            .Select(c => Normalize((string)c.Attribute("Include")!))
            .OrderBy(p => p, StringComparer.Ordinal).ToArray();
        string[] onDisk = SourceFiles(dir, excluded);

        string[] missing = onDisk.Except(listed).ToArray();
        string[] stale = listed.Except(onDisk).ToArray();
        Assert.True(missing.Length == 0 && stale.Length == 0,
            $"{nfproj} is out of sync with its folder.\n  not listed: {string.Join(", ", missing)}\n  listed but not on disk: {string.Join(", ", stale)}");
        Assert.Equal(listed.Distinct().Count(), listed.Length);
        Assert.Contains("Properties/AssemblyInfo.cs", listed); // the nanoCLR needs an AssemblyVersion in every assembly
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_has_the_nanoFramework_project_system_shape(string nfproj, string excluded)
    {
        _ = excluded;
        XDocument doc = Load(DeviceTestPaths.At(nfproj));
        Assert.Equal("{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", Property(doc, "ProjectTypeGuids"));
        Assert.Equal("v1.0", Property(doc, "TargetFrameworkVersion"));
        Assert.Equal(@"$(MSBuildExtensionsPath)\nanoFramework\v1.0\", Property(doc, "NanoFrameworkProjectSystemPath"));

        // The three imports of the VS extension, each guarded so the file still loads without the extension.
        string[] imports = doc.Root!.Elements(Ms + "Import").Select(i => (string)i.Attribute("Project")!).ToArray();
        Assert.Equal(new[]
        {
            "$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props",
            "$(NanoFrameworkProjectSystemPath)NFProjectSystem.props",
            "$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets",
        }, imports);
        foreach (XElement import in doc.Root.Elements(Ms + "Import"))
        {
            Assert.Equal($"Exists('{(string)import.Attribute("Project")}')", (string)import.Attribute("Condition"));
        }

        XElement mscorlib = doc.Descendants(Ms + "Reference").Single(r => ((string)r.Attribute("Include")!).StartsWith("mscorlib,", StringComparison.Ordinal));
        Assert.Equal("mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731", (string)mscorlib.Attribute("Include"));
        // packages/ at the repository root, as many folders up as the project is deep (src/X: two, src/NanoRemap.Chips/X: three).
        string up = string.Concat(Enumerable.Repeat(@"..\", nfproj.Count(c => c == '/')));
        Assert.Equal(up + @"packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll", (string)mscorlib.Element(Ms + "HintPath"));
    }

    [Fact]
    public void Engine_project_is_a_plain_library_without_native_stubs()
    {
        XDocument doc = Load(DeviceTestPaths.At("src/NanoRemap/NanoRemap.nfproj"));
        Assert.Equal("NanoRemap", Property(doc, "AssemblyName"));
        Assert.Equal("Library", Property(doc, "OutputType"));
        Assert.Empty(doc.Descendants(Ms + "NFMDP_GENERATE_STUBS"));
        Assert.Empty(ProjectReferences(doc));
        Assert.Equal(@"bin\$(Configuration)\NanoRemap.xml", Property(doc, "DocumentationFile"));
        AssertPackagesConfig("src/NanoRemap/packages.config", ("nanoFramework.CoreLibrary", "1.17.11"));
    }

    [Fact]
    public void Mmio_project_is_the_NanoRemap_Mmio_interop_library_on_the_engine()
    {
        XDocument doc = Load(DeviceTestPaths.At("src/NanoRemap.Mmio/NanoRemap.Mmio.nfproj"));
        Assert.Equal("NanoRemap.Mmio", Property(doc, "AssemblyName"));
        Assert.Equal("Library", Property(doc, "OutputType"));
        // An interop library, not part of the core image: MDP writes interop-style stubs and the native checksum.
        Assert.Equal("False", Property(doc, "NF_IsCoreLibrary"));
        Assert.Equal("true", Property(doc, "NFMDP_GENERATE_STUBS"));
        Assert.Equal("NanoRemap_Mmio", Property(doc, "NF_GenerateStubsRootName"));
        Assert.Equal(@"bin\$(Configuration)\NanoRemap.Mmio.xml", Property(doc, "DocumentationFile"));
        Assert.Equal(@"..\NanoRemap\NanoRemap.nfproj", ProjectReferences(doc).Single());
        AssertPackagesConfig("src/NanoRemap.Mmio/packages.config", ("nanoFramework.CoreLibrary", "1.17.11"));
    }

    [Fact]
    public void Simulation_project_is_a_plain_library_on_the_interop_library()
    {
        // The register simulator: its own assembly so that a deployed driver does not carry it (32 KB budget).
        XDocument doc = Load(DeviceTestPaths.At("src/NanoRemap.Mmio.Simulation/NanoRemap.Mmio.Simulation.nfproj"));
        Assert.Equal("NanoRemap.Mmio.Simulation", Property(doc, "AssemblyName"));
        Assert.Equal("NanoRemap.Mmio", Property(doc, "RootNamespace")); // public names stay in NanoRemap.Mmio
        Assert.Equal("Library", Property(doc, "OutputType"));
        Assert.Empty(doc.Descendants(Ms + "NFMDP_GENERATE_STUBS"));
        Assert.Equal(new[] { @"..\NanoRemap\NanoRemap.nfproj", @"..\NanoRemap.Mmio\NanoRemap.Mmio.nfproj" }, ProjectReferences(doc));
        Assert.Equal(@"bin\$(Configuration)\NanoRemap.Mmio.Simulation.xml", Property(doc, "DocumentationFile"));
        AssertPackagesConfig("src/NanoRemap.Mmio.Simulation/packages.config", ("nanoFramework.CoreLibrary", "1.17.11"));
    }

    [Fact]
    public void Blink_project_is_an_application_on_the_library_project()
    {
        XDocument doc = Load(DeviceTestPaths.At("samples/Blink/Blink.nfproj"));
        Assert.Equal("Blink", Property(doc, "AssemblyName"));
        Assert.Equal("Exe", Property(doc, "OutputType"));
        Assert.Equal(new[] { @"..\..\src\NanoRemap\NanoRemap.nfproj", @"..\..\src\NanoRemap.Mmio\NanoRemap.Mmio.nfproj", @"..\..\src\NanoRemap.Boards\NanoRemap.Boards.nfproj", @"..\..\src\NanoRemap.Chips\NanoRemap.Esp32\NanoRemap.Esp32.nfproj" }, ProjectReferences(doc));
        Assert.True(File.Exists(DeviceTestPaths.At("src/NanoRemap/NanoRemap.nfproj")));
    }

    [Fact]
    public void Test_project_is_what_the_nanoFramework_test_launcher_loads()
    {
        string path = DeviceTestPaths.At("tests/NanoRemap.DeviceTests/NFUnitTest.nfproj");
        XDocument doc = Load(path);
        Assert.Equal("NFUnitTest", Property(doc, "AssemblyName")); // UnitTestLauncher does Assembly.Load("NFUnitTest")
        Assert.Equal("true", Property(doc, "IsTestProject"));
        Assert.Contains(doc.Descendants(Ms + "ProjectCapability"), c => (string)c.Attribute("Include") == "TestContainer");
        Assert.Equal(@"$(MSBuildProjectDirectory)\nano.runsettings", Property(doc, "RunSettingsFilePath"));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "nano.runsettings")));
        Assert.Equal(new[] { @"..\..\src\NanoRemap\NanoRemap.nfproj", @"..\..\src\NanoRemap.Mmio\NanoRemap.Mmio.nfproj", @"..\..\src\NanoRemap.Boards\NanoRemap.Boards.nfproj", @"..\..\src\NanoRemap.Mmio.Simulation\NanoRemap.Mmio.Simulation.nfproj" }, ProjectReferences(doc));

        // TestFramework and the launcher come from the package version packages.config pins.
        string version = AssertPackagesConfig("tests/NanoRemap.DeviceTests/packages.config", ("nanoFramework.CoreLibrary", "1.17.11"), ("nanoFramework.TestFramework", null))[1];
        string[] hints = doc.Descendants(Ms + "HintPath").Select(h => h.Value).ToArray();
        Assert.Contains($@"..\..\packages\nanoFramework.TestFramework.{version}\lib\nanoFramework.TestFramework.dll", hints);
        Assert.Contains($@"..\..\packages\nanoFramework.TestFramework.{version}\lib\nanoFramework.UnitTestLauncher.exe", hints);

        XDocument settings = XDocument.Load(Path.Combine(Path.GetDirectoryName(path)!, "nano.runsettings"));
        XElement adapter = settings.Root!.Element("nanoFrameworkAdapter")!;
        Assert.Equal("False", adapter.Element("IsRealHardware")!.Value); // the emulator by default
        Assert.NotNull(settings.Root.Element("RunConfiguration")!.Element("TestSessionTimeout"));
    }

    [Fact]
    public void The_Linux_solution_loads_no_nfproj_and_folder_builds_ignore_them()
    {
        string sln = File.ReadAllText(DeviceTestPaths.At("NanoRemap.sln"));
        Assert.DoesNotContain(".nfproj", sln, StringComparison.OrdinalIgnoreCase);

        // Beside a .csproj, a .nfproj would make "dotnet build <folder>" stop with MSB1050; the folder's
        // Directory.Build.rsp tells MSBuild to ignore the extension.
        foreach (string nfproj in Directory.EnumerateFiles(DeviceTestPaths.Root, "*.nfproj", SearchOption.AllDirectories))
        {
            string dir = Path.GetDirectoryName(nfproj)!;
            if (Directory.EnumerateFiles(dir, "*.csproj").Any())
            {
                string rsp = Path.Combine(dir, "Directory.Build.rsp");
                Assert.True(File.Exists(rsp), $"{nfproj} sits beside a .csproj without a Directory.Build.rsp");
                Assert.Contains("-ignoreprojectextensions:.nfproj", File.ReadAllText(rsp));
            }
        }
    }

    [Fact]
    public void The_Visual_Studio_solution_holds_every_nfproj_with_its_own_guid()
    {
        string slnPath = DeviceTestPaths.At("nuget/NanoRemap.nanoFramework.sln");
        string sln = File.ReadAllText(slnPath);
        var entries = System.Text.RegularExpressions.Regex.Matches(sln, @"Project\(""\{11A8DD76-328B-46DF-9F39-F559912D0360\}""\) = ""[^""]+"", ""([^""]+)"", ""(\{[0-9A-F-]+\})""")
            .ToDictionary(m => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(slnPath)!, m.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))), m => m.Groups[2].Value);
        string[] nfprojs = Directory.EnumerateFiles(DeviceTestPaths.Root, "*.nfproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Select(Path.GetFullPath).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        Assert.Equal(nfprojs, entries.Keys.OrderBy(p => p, StringComparer.Ordinal).ToArray());
        foreach (string nfproj in nfprojs)
        {
            Assert.Equal(Property(Load(nfproj), "ProjectGuid"), entries[nfproj]);
            Assert.Contains(entries[nfproj] + ".Release|Any CPU.Build.0 = Release|Any CPU", sln);
        }

        // Packages restore into the repository's packages/ folder, where the HintPaths look.
        XDocument config = XDocument.Load(DeviceTestPaths.At("nuget/NuGet.Config"));
        Assert.Equal("../packages", config.Descendants("add").Single(a => (string)a.Attribute("key") == "repositoryPath").Attribute("value")!.Value);
    }

    private static XDocument Load(string path) => XDocument.Load(path);

    private static string Property(XDocument doc, string name) =>
        doc.Descendants(Ms + name).Select(e => e.Value).SingleOrDefault();

    private static string[] ProjectReferences(XDocument doc) =>
        doc.Descendants(Ms + "ProjectReference").Select(p => (string)p.Attribute("Include")!).ToArray();

    // Checks packages.config has exactly these packages (null version: any) with targetFramework netnano1.0; returns the versions.
    private static string[] AssertPackagesConfig(string relative, params (string Id, string Version)[] expected)
    {
        XDocument doc = XDocument.Load(DeviceTestPaths.At(relative));
        XElement[] packages = doc.Root!.Elements("package").ToArray();
        Assert.Equal(expected.Select(e => e.Id), packages.Select(p => (string)p.Attribute("id")));
        var versions = new List<string>();
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal("netnano1.0", (string)packages[i].Attribute("targetFramework"));
            string v = (string)packages[i].Attribute("version")!;
            if (expected[i].Version != null)
            {
                Assert.Equal(expected[i].Version, v);
            }

            versions.Add(v);
        }

        return versions.ToArray();
    }

    private static string Normalize(string include) => include.Replace('\\', '/');

    private static string[] SourceFiles(string dir, string excluded)
    {
        var skip = new HashSet<string>(StringComparer.Ordinal) { "bin", "obj" };
        foreach (string folder in excluded.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            skip.Add(folder);
        }

        return Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(rel => !skip.Contains(rel.Split('/')[0]) && !rel.Split('/').Any(part => part is "bin" or "obj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();
    }
}
