using System.Globalization;
using System.Xml.Linq;

namespace NanoRemap.Tooling.Explain.Drawing;

/// <summary>
/// A small SVG writer over <see cref="System.Xml.Linq"/>: rectangles, lines, paths and text in user units
/// (pixels), grouped, with the document made well formed by construction. No layout of its own.
/// </summary>
public sealed class SvgCanvas
{
    /// <summary>The SVG namespace.</summary>
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    /// <summary>Width of one character of the monospace font at <see cref="FontSize"/>, for layout estimates.</summary>
    public const double CharWidth = 6.7;

    /// <summary>The text size used everywhere but titles.</summary>
    public const double FontSize = 11;

    private readonly Stack<XElement> _groups = new();
    private readonly XElement _root;

    /// <summary>Creates an empty canvas of the given width (the height is set by <see cref="ToDocument"/>).</summary>
    public SvgCanvas(double width)
    {
        Width = width;
        _root = new XElement(Ns + "svg");
        _groups.Push(_root);
    }

    /// <summary>The width in pixels.</summary>
    public double Width { get; }

    /// <summary>The estimated width of <paramref name="text"/> in pixels.</summary>
    public static double TextWidth(string text, double fontSize = FontSize) => text.Length * CharWidth * fontSize / FontSize;

    /// <summary>Opens a group (<c>&lt;g&gt;</c>) with a class and optional data attributes; close it with <see cref="End"/>.</summary>
    public void Begin(string cssClass, params (string Name, string Value)[] data)
    {
        var g = new XElement(Ns + "g", new XAttribute("class", cssClass));
        foreach ((string name, string value) in data)
        {
            g.Add(new XAttribute("data-" + name, value));
        }

        _groups.Peek().Add(g);
        _groups.Push(g);
    }

    /// <summary>Closes the innermost group.</summary>
    public void End()
    {
        if (_groups.Count > 1)
        {
            _groups.Pop();
        }
    }

    /// <summary>A rectangle.</summary>
    public void Rect(double x, double y, double w, double h, string fill, string stroke = "none", double strokeWidth = 1, string? dash = null, double opacity = 1)
    {
        var e = new XElement(Ns + "rect", A("x", x), A("y", y), A("width", Math.Max(w, 0)), A("height", Math.Max(h, 0)),
            new XAttribute("fill", fill), new XAttribute("stroke", stroke), A("stroke-width", strokeWidth));
        if (dash != null)
        {
            e.Add(new XAttribute("stroke-dasharray", dash));
        }

        if (opacity < 1)
        {
            e.Add(A("fill-opacity", opacity));
        }

        _groups.Peek().Add(e);
    }

    /// <summary>A straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        var e = new XElement(Ns + "line", A("x1", x1), A("y1", y1), A("x2", x2), A("y2", y2),
            new XAttribute("stroke", stroke), A("stroke-width", width));
        if (dash != null)
        {
            e.Add(new XAttribute("stroke-dasharray", dash));
        }

        _groups.Peek().Add(e);
    }

    /// <summary>A path from SVG path data.</summary>
    public void Path(string d, string stroke, double width = 1, string fill = "none")
    {
        _groups.Peek().Add(new XElement(Ns + "path", new XAttribute("d", d), new XAttribute("stroke", stroke), A("stroke-width", width), new XAttribute("fill", fill)));
    }

    /// <summary>A line of text. <paramref name="anchor"/> is start, middle or end.</summary>
    public void Text(double x, double y, string text, string fill = "#222", double size = FontSize, string anchor = "start", bool bold = false, bool mono = true)
    {
        var e = new XElement(Ns + "text", A("x", x), A("y", y), new XAttribute("fill", fill), A("font-size", size),
            new XAttribute("font-family", mono ? "DejaVu Sans Mono, Menlo, Consolas, monospace" : "DejaVu Sans, Helvetica, Arial, sans-serif"),
            new XAttribute("text-anchor", anchor), text);
        if (bold)
        {
            e.Add(new XAttribute("font-weight", "bold"));
        }

        _groups.Peek().Add(e);
    }

    /// <summary>The finished document, <paramref name="height"/> pixels high, with a title and description for readers.</summary>
    public XDocument ToDocument(double height, string title, string description)
    {
        var svg = new XElement(_root);
        svg.Add(new XAttribute("width", F(Width)), new XAttribute("height", F(height)), new XAttribute("viewBox", $"0 0 {F(Width)} {F(height)}"));
        svg.AddFirst(
            new XElement(Ns + "title", title),
            new XElement(Ns + "desc", description),
            new XElement(Ns + "rect", new XAttribute("x", "0"), new XAttribute("y", "0"), new XAttribute("width", F(Width)), new XAttribute("height", F(height)), new XAttribute("fill", "#ffffff")));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), svg);
    }

    /// <summary>A number as SVG writes it (invariant, at most two decimals).</summary>
    public static string F(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static XAttribute A(string name, double v) => new(name, F(v));
}
