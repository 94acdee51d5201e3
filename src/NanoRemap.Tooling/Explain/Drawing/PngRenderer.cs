using SkiaSharp;
using Svg.Skia;

namespace NanoRemap.Tooling.Explain.Drawing;

/// <summary>
/// <c>nanoremap explain --png</c>: renders the SVG of <see cref="ExplainDrawing"/> to PNG bytes with Svg.Skia
/// (SkiaSharp). Only the Linux native library ships with the tool; elsewhere <see cref="TryRender"/> says so.
/// </summary>
public static class PngRenderer
{
    /// <summary>Renders SVG text to PNG bytes at <paramref name="scale"/> (1 = one pixel per SVG unit).</summary>
    /// <param name="svgText">A complete SVG document.</param>
    /// <param name="scale">The zoom, e.g. 2 for a sharper image.</param>
    /// <param name="png">The PNG file contents, or null on failure.</param>
    /// <param name="error">Why it failed (the SVG did not load, or SkiaSharp's native library is missing).</param>
    /// <returns>Whether <paramref name="png"/> was made.</returns>
    public static bool TryRender(string svgText, float scale, out byte[]? png, out string? error)
    {
        png = null;
        error = null;
        try
        {
            using var svg = new SKSvg();
            using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(svgText));
            if (svg.Load(input) == null)
            {
                error = "the SVG could not be loaded for rendering";
                return false;
            }

            using var output = new MemoryStream();
            if (!svg.Save(output, SKColors.White, SKEncodedImageFormat.Png, 100, scale, scale))
            {
                error = "SkiaSharp could not encode the PNG";
                return false;
            }

            png = output.ToArray();
            return true;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            error = $"PNG rendering needs SkiaSharp's native library, which ships for Linux only ({e.GetBaseException().Message}); use --svg";
            return false;
        }
    }
}
