using System.Xml.Linq;
using NanoRemap.Tooling.Eval;
using NanoRemap.Tooling.Explain;
using NanoRemap.Tooling.Explain.Drawing;
using Xunit;

namespace NanoRemap.Tests.Cli;

/// <summary>
/// <c>nanoremap explain --svg</c>: the drawing's content (well-formed SVG, the labels and values, which check is
/// marked failed, the mmap strip's steps and results, to-scale vs broken axes) and the command's error handling.
/// Pixels are not tested.
/// </summary>
public sealed class ExplainSvgTests
{
    private static readonly XNamespace Svg = SvgCanvas.Ns;

    /// <summary>The worked examples of the README's eval contract, with model= where the contract relies on the default.</summary>
    public static readonly TheoryData<string> WorkedExamples = new()
    {
        "op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x3ff44000 size=0x1000",
        "op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff",
        "op=prep arch=ilp32-phys64 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff",
        "op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0xfffff000 size=0x1000",
        "op=prep arch=lp64 vm_len=0x1000 pgoff=0 phys=0xfffff000 size=0x1000",
        "op=prep vm_len=0 pgoff=2 phys=0x10000000 size=0x2000",
        "op=prep vm_len=0x1000 pgoff=2 phys=0x10000000 size=0x2000",
        "op=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000",
    };

    /// <summary>Every op, both models where the op differs, every action of op=mmap on both models and flows.</summary>
    public static TheoryData<string> EveryOp()
    {
        var data = new TheoryData<string>
        {
            "op=iomap model=mmu vm_start=0x40000000 vm_end=0x40004000 flags=0xbb phys=0x3ff44010 len=0x4000",
            "op=iomap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 phys=0x3ff44000 len=0x1000",
            "op=iomap model=nommu vm_start=0x40000000 vm_end=0x40001000 phys=0x3ff44000 len=0x1000",
            "op=remap_pfn_range model=mmu vm_start=0x40000000 vm_end=0x40004000 flags=0xbb addr=0x40001000 pfn=0x3ff44 size=0x1000",
            "op=remap_pfn_range model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 addr=0x3ff44000 pfn=0x3ff44 size=0x1000",
        };
        string[] actions =
        {
            "action=nothing", "action=remap start=0x40000000 pfn=0x3ff44 size=0x4000", "action=remap_full pfn=0x3ff44",
            "action=ioremap start=0x40001000 pfn=0x3ff44 size=0x1000", "action=ioremap_full pfn=0x3ff44",
            "action=simple_ioremap phys=0x3ff44000 size=0x4000", "action=map_kernel_pages start=0x40000000 nr_pages=2",
            "action=map_kernel_pages_full", "action=raw raw_type=7",
        };
        foreach (string model in new[] { "model=mmu", "model=mmu flow=compat", "model=nommu", "model=nommu flow=region" })
        {
            foreach (string a in actions)
            {
                data.Add($"op=mmap {model} arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb {a}");
            }
        }

        return data;
    }

    private static ExplainReport Report(string line) => Explainer.Explain(EvalCaseParser.Parse(line, EvalSettings.Default));

    private static XDocument Draw(string line)
    {
        // Through the text form, so what is checked is what a browser would parse.
        string text = ExplainDrawing.ToSvgText(Report(line));
        return XDocument.Parse(text);
    }

    private static IEnumerable<XElement> Failed(XDocument d) =>
        d.Descendants(Svg + "g").Where(g => ((string)g.Attribute("class") ?? string.Empty).Contains("check failed", StringComparison.Ordinal));

    private static string AllText(XDocument d) => string.Join("\n", d.Descendants(Svg + "text").Select(t => t.Value));

    private static void AssertDrawsItsCase(string line)
    {
        ExplainReport report = Report(line);
        XDocument d = XDocument.Parse(ExplainDrawing.ToSvgText(report));
        XElement root = d.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.True(double.Parse((string)root.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture) > 100);
        Assert.Contains(report.Case.Text, (string)root.Element(Svg + "title")!);
        string text = AllText(d);
        Assert.Contains("result: " + report.Result.Format(), text);
        Assert.Contains(d.Descendants(Svg + "g"), g => (string)g.Attribute("class") == "number-line");

        // A failing case marks its failure; a passing one marks nothing.
        if (report.Result.Rc == 0)
        {
            Assert.Empty(Failed(d));
        }

        // Every rejecting check that has a place on an axis is drawn there (check_mmap_action's error_override
        // test has none: the strip shows it in the prepare step).
        if (report.Rejection?.Check is string check && !check.StartsWith("err && !IS_ERR_VALUE", StringComparison.Ordinal))
        {
            Assert.Contains(Failed(d), g => (string)g.Attribute("data-check") == check);
        }
        else if (report.Rejection?.Check is string other)
        {
            Assert.Contains(other, text);
        }
    }

    /// <summary>Every case of every conformance vector file.</summary>
    private static List<string> VectorCases()
    {
        var data = new List<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "vectors"), "*.vec").OrderBy(f => f, StringComparer.Ordinal))
        {
            foreach (string line in File.ReadLines(file))
            {
                if (Evaluator.IsCase(line) && !VectorFile.IsExpectation(line))
                {
                    data.Add(EvalCaseParser.StripComment(line));
                }
            }
        }

        return data;
    }

    [Fact]
    public void Every_vector_case_draws_with_its_failure_marked()
    {
        int n = 0;
        var failures = new List<string>();
        foreach (string line in VectorCases())
        {
            try
            {
                AssertDrawsItsCase(line);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"{line}: {e.Message.Split('\n')[0]} ({Report(line).Rejection})");
            }

            n++;
        }

        Assert.True(n >= 400, $"only {n} vector cases found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(WorkedExamples))]
    public void Every_worked_example_of_the_contract_draws(string line) => AssertDrawsItsCase(line);

    [Theory]
    [MemberData(nameof(EveryOp))]
    public void Every_op_and_action_draws(string line) => AssertDrawsItsCase(line);

    [Fact]
    public void Pgoff_past_pages_is_marked_at_pfn_plus_pgoff_with_the_kernel_expression_and_values()
    {
        XDocument d = Draw("op=prep vm_len=0 pgoff=3 phys=0x10000000 size=0x2000");
        XElement g = Assert.Single(Failed(d));
        Assert.Equal("vm_pgoff > pages", (string)g.Attribute("data-check"));
        Assert.Equal("mark check failed", (string)g.Attribute("class"));
        Assert.Contains("vm_pgoff > pages: 0x3 > 0x2", (string)g.Attribute("data-label")!);
        string text = AllText(d);
        Assert.Contains("pfn = start_phys >> PAGE_SHIFT = 0x10000, pages=0x2", text);
        Assert.Contains("0x10003", text); // the axis value at pfn + vm_pgoff
    }

    [Fact]
    public void Pgoff_equal_to_pages_passes_and_the_fit_check_is_marked_instead()
    {
        XDocument d = Draw("op=prep vm_len=0x1000 pgoff=2 phys=0x10000000 size=0x2000");
        XElement g = Assert.Single(Failed(d));
        Assert.Equal("(vm_len >> PAGE_SHIFT) > pages", (string)g.Attribute("data-check"));
        Assert.Contains("0x1 > 0x0", (string)g.Attribute("data-label")!);
        Assert.Contains("vm_pgoff=0x2 ≤ pages=0x2", AllText(d));
    }

    [Fact]
    public void A_sub_page_start_is_drawn_with_its_offset_and_the_resulting_pfn()
    {
        XDocument d = Draw("op=prep model=nommu arch=ilp32 vm_len=0x2000 pgoff=0 phys=0x10000010 size=0x1000");
        Assert.Empty(Failed(d));
        string text = AllText(d);
        Assert.Contains("start_phys & ~PAGE_MASK = 0x10", text);
        Assert.Contains("pages = (size + ~PAGE_MASK) >> PAGE_SHIFT = 0x2", text);
        Assert.Contains("*pfnp = pfn + vm_pgoff = 0x10000", text);
    }

    [Theory]
    [InlineData("op=prep arch=ilp32 vm_len=0x1000 pgoff=0 phys=0x10 size=0xffffffff", "start_phys + size < start_phys", "wraps past 2^32")]
    [InlineData("op=prep model=nommu arch=ilp32-phys64 vm_len=0x1000 pgoff=0 phys=0xffffffff000 size=0x1000", "pfn + pages < pfn", "wraps past 2^32")]
    [InlineData("op=prep model=nommu arch=lp64 vm_len=0x1000 pgoff=0 phys=0xffffffffffff0000 size=0x20000", "start_phys + size < start_phys", "wraps past 2^64")]
    public void A_wrap_is_marked_at_the_end_of_the_type(string line, string check, string where)
    {
        XDocument d = Draw(line);
        Assert.Contains(Failed(d), g => (string)g.Attribute("data-check") == check && ((string)g.Attribute("data-label")!).Contains(where, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("action=remap start=0x3ffff000 pfn=1 size=0x1000", "desc->start <= start", "-EFAULT")]
    [InlineData("action=remap start=0x40003000 pfn=1 size=0x2000", "end <= desc->end", "-EFAULT")]
    [InlineData("action=map_kernel_pages start=0x40002000 nr_pages=4", "!range_in_vma_desc(desc, start, start + PAGE_SIZE * nr_pages)", "-EFAULT")]
    [InlineData("action=remap start=0x40000010 pfn=1 size=0x1000", "!PAGE_ALIGNED(addr)", "PAGE_ALIGNED")]
    [InlineData("action=remap start=0x40000000 pfn=1 size=0", "addr >= end (BUG_ON)", "BUG_ON(addr >= end)")]
    public void Mmu_mmap_failures_are_marked_where_they_fail(string action, string check, string label)
    {
        XDocument d = Draw($"op=mmap model=mmu arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb {action}");
        Assert.Contains(Failed(d), g => (string)g.Attribute("data-check") == check && ((string)g.Attribute("data-label")!).Contains(label, StringComparison.Ordinal));
    }

    [Fact]
    public void The_cow_rule_marks_the_end_that_differs_and_the_range_it_refuses()
    {
        XDocument d = Draw("op=mmap model=mmu arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 flags=0x33 action=remap start=0x40000000 pfn=0x3ff44 size=0x1000");
        List<XElement> failed = Failed(d).ToList();
        Assert.All(failed, g => Assert.Equal("end != vm_end", (string)g.Attribute("data-check")));
        Assert.Contains(failed, g => ((string)g.Attribute("data-label")!).Contains("end != vm_end: 0x40001000 != 0x40004000", StringComparison.Ordinal));
        Assert.Contains(failed, g => (string)g.Attribute("class") == "bar check failed");
    }

    [Fact]
    public void The_nommu_identity_rule_is_marked_between_addr_and_the_pfn()
    {
        XDocument d = Draw("op=remap_pfn_range model=nommu vm_start=0x40000000 vm_end=0x40001000 addr=0x40000000 pfn=0x3ff44 size=0x1000");
        Assert.Contains(Failed(d), g => (string)g.Attribute("data-check") == "addr != (pfn << PAGE_SHIFT)"
            && ((string)g.Attribute("data-label")!).Contains("0x40000000 != 0x3ff44000", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Steps(XDocument d) =>
        d.Descendants(Svg + "g").Where(g => g.Attribute("data-step") != null)
            .ToDictionary(g => (string)g.Attribute("data-step")!, g => (string)g.Attribute("data-result")!);

    [Fact]
    public void The_mmap_strip_shows_each_step_with_its_result_and_warn_sites()
    {
        XDocument d = Draw("op=mmap model=nommu vm_start=0x3ff44000 vm_end=0x3ff45000 flags=0xbb action=simple_ioremap phys=0x3ff44000 size=0x1000");
        Assert.Equal(new Dictionary<string, string> { ["hook"] = "0", ["prepare"] = "0", ["complete"] = "-22", ["finish"] = "-22" }, Steps(d));
        string text = AllText(d);
        Assert.Contains("WARN [NommuMmapActionPrepare]", text);
        Assert.Contains("WARN [NommuMmapActionComplete]", text);
        Assert.Contains("compat_vma_mmap (nommu, is_compat=true)", text);
        Assert.Contains("is_compat: return err, no unmap", text);
    }

    [Fact]
    public void An_int_min_result_is_drawn_as_a_result_and_a_skipped_step_as_skip()
    {
        XDocument d = Draw("op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=nothing mapped_rc=-2147483648");
        Assert.Equal("-2147483648", Steps(d)["complete"]);
        Assert.Contains("->mapped() = -2147483648", AllText(d));

        d = Draw("op=mmap model=mmu arch=lp64 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=ioremap_full pfn=0x1 error_override=-2147483648 skip_prepare=1");
        Dictionary<string, string> steps = Steps(d);
        Assert.Equal("skip", steps["prepare"]);
        Assert.Equal("-2147483648", steps["complete"]);
        Assert.Contains("do_munmap(vma): VMA unmapped", AllText(d));
        Assert.Contains("err && !is_compat: unmap", AllText(d));
    }

    [Fact]
    public void A_merged_mapping_skips_complete_and_finish()
    {
        XDocument d = Draw("op=mmap model=mmu arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=remap_full pfn=0x3ff44 merged=1");
        Dictionary<string, string> steps = Steps(d);
        Assert.Equal("0", steps["prepare"]);
        Assert.Equal("skip", steps["complete"]);
        Assert.Equal("skip", steps["finish"]);
        Assert.Contains("merged with a neighbour:", AllText(d));
    }

    [Fact]
    public void Close_ranges_are_to_scale_and_far_apart_ranges_get_a_broken_scale()
    {
        XDocument near = Draw("op=prep vm_len=0x1000 pgoff=0 phys=0x3ff44000 size=0x1000");
        Assert.All(near.Descendants(Svg + "g").Where(g => (string)g.Attribute("class") == "number-line"),
            g => Assert.Equal("linear", (string)g.Attribute("data-scale")));

        XDocument far = Draw("op=mmap model=mmu arch=ilp32 vm_start=0x40000000 vm_end=0x40004000 flags=0xbb action=remap start=0x1000 pfn=1 size=0x1000");
        XElement vmaLine = far.Descendants(Svg + "g").First(g => (string)g.Attribute("class") == "number-line");
        Assert.Equal("broken", (string)vmaLine.Attribute("data-scale"));
        Assert.Contains("≈", vmaLine.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Explain_svg_writes_the_file_and_still_prints_the_explanation()
    {
        string path = Path.Combine(TempDir.Create(), "case.svg");
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--svg", path, "op=prep", "vm_len=0x1000", "pgoff=2", "phys=0x10000000", "size=0x2000" });
        Assert.Equal(0, o.Exit);
        Assert.Contains(o.Lines, l => l == "result:  rc=-22");
        Assert.Contains(o.Lines, l => l == "svg:     " + path);
        XDocument d = XDocument.Load(path);
        Assert.Contains(Failed(d), g => (string)g.Attribute("data-check") == "(vm_len >> PAGE_SHIFT) > pages");
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temporary file left
    }

    [Fact]
    public void An_unwritable_file_exits_2_with_a_clear_message_and_writes_nothing()
    {
        string dir = TempDir.Create();
        string path = Path.Combine(dir, "missing", "case.svg");
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--svg", path, "op=prep", "vm_len=0x1000", "phys=0x1000", "size=0x1000" });
        Assert.Equal(2, o.Exit);
        Assert.Contains($"cannot write {path}", o.Stderr);
        Assert.Contains("does not exist", o.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(dir));

        o = CliRunner.Run(new[] { "explain", "--svg", dir, "op=prep", "vm_len=0x1000", "phys=0x1000", "size=0x1000" });
        Assert.Equal(2, o.Exit);
        Assert.Contains("is a directory", o.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void A_malformed_case_exits_1_and_writes_nothing()
    {
        string dir = TempDir.Create();
        string path = Path.Combine(dir, "case.svg");
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--svg", path, "op=prep", "bogus=1" });
        Assert.Equal(1, o.Exit);
        Assert.Contains("error=unknown key 'bogus'", o.Stdout);
        Assert.Contains($"{path} not written", o.Stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Svg_takes_one_case_not_a_file()
    {
        string cases = TempDir.WithFile("c.eval", "op=prep vm_len=0x1000 phys=0x1000 size=0x1000\n");
        string path = Path.Combine(TempDir.Create(), "case.svg");
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--svg", path, "--file", cases });
        Assert.Equal(2, o.Exit);
        Assert.Contains("--svg/--png draw one case", o.Stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Explain_png_renders_the_same_picture_at_twice_the_size()
    {
        string dir = TempDir.Create();
        string svg = Path.Combine(dir, "case.svg");
        string png = Path.Combine(dir, "case.png");
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--svg", svg, "--png", png, "op=prep", "vm_len=0x1000", "pgoff=2", "phys=0x10000000", "size=0x2000" });
        Assert.Equal(0, o.Exit);
        Assert.Contains(o.Lines, l => l == "png:     " + png);
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a }, bytes.Take(8));

        // IHDR: width and height, big endian, at offset 16: twice the SVG's.
        int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        int height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        XElement root = XDocument.Load(svg).Root!;
        double svgWidth = double.Parse((string)root.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        double svgHeight = double.Parse((string)root.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2 * svgWidth, width, 1.0);
        Assert.Equal(2 * svgHeight, height, 1.0);
        Assert.Equal(2, Directory.GetFiles(dir).Length); // no temporary files left
    }

    [Fact]
    public void An_unwritable_png_writes_neither_picture()
    {
        string dir = TempDir.Create();
        string svg = Path.Combine(dir, "case.svg");
        string png = Path.Combine(dir, "nowhere", "case.png");
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--svg", svg, "--png", png, "op=prep", "vm_len=0x1000", "phys=0x1000", "size=0x1000" });
        Assert.Equal(2, o.Exit);
        Assert.Contains($"cannot write {png}", o.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Explain_help_documents_svg()
    {
        CliRunner.Outcome o = CliRunner.Run(new[] { "explain", "--help" });
        Assert.Equal(0, o.Exit);
        Assert.Contains("--svg", o.Stdout);
        Assert.Contains("--png", o.Stdout);
        Assert.Contains("broken scale", o.Stdout);
        Assert.Contains("writes nothing", o.Stdout);
    }
}
