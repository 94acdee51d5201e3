using System.Globalization;
using System.Text;

namespace NanoRemap.Tooling.Generated;

/// <summary>
/// Free text and names that reach generated files (registers.txt, C#, C): a comment may not hold a line break of
/// any language (CR, LF, U+0085, U+2028, U+2029), another control character, or the end of a C comment
/// (<c>*/</c>); a name copied into C must be a C identifier. The checks refuse such input (it is never silently
/// changed), naming it with its hidden characters made visible.
/// </summary>
public static class GeneratedText
{
    /// <summary>Why <paramref name="text"/> may not stand in a one-line comment of a generated file, or null when it may.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reason, or null.</returns>
    public static string? WhyNotCommentText(string text)
    {
        foreach (char c in text)
        {
            if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format)
            {
                return $"'{Visible(text)}' holds the control or line-break character U+{(int)c:X4}";
            }
        }

        return text.Contains("*/", StringComparison.Ordinal) || text.Contains("/*", StringComparison.Ordinal)
            ? $"'{Visible(text)}' holds a C comment delimiter ('/*' or '*/')"
            : null;
    }

    /// <summary>Returns <paramref name="text"/> when it may stand in a one-line comment of a generated file.</summary>
    /// <param name="text">The text.</param>
    /// <param name="what">What the text is, for the message.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException">The text holds a line break, a control character or a C comment delimiter.</exception>
    public static string Comment(string text, string what) =>
        WhyNotCommentText(text) is { } why ? throw new ArgumentException($"{what}: {why}") : text;

    /// <summary>Whether <paramref name="name"/> is a C identifier (ASCII letter or '_', then letters, digits, '_').</summary>
    /// <param name="name">The name.</param>
    /// <returns>True for a C identifier.</returns>
    public static bool IsCIdentifier(string name) => CSharpNames.IsIdentifier(name);

    /// <summary>Returns <paramref name="name"/> when it is a C identifier.</summary>
    /// <param name="name">The name.</param>
    /// <param name="what">What the name is, for the message.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException">The name is not a C identifier.</exception>
    public static string CIdentifier(string name, string what) =>
        IsCIdentifier(name) ? name : throw new ArgumentException($"{what} '{Visible(name)}' is not a C identifier (a letter or '_', then letters, digits or '_')");

    /// <summary>The text with control, format and line-break characters shown as <c>\uXXXX</c>, for messages.</summary>
    /// <param name="text">The text.</param>
    /// <returns>A one-line rendering, at most 120 characters of the text.</returns>
    public static string Visible(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text.Length > 120 ? text[..120] : text)
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return text.Length > 120 ? sb.Append("...").ToString() : sb.ToString();
    }
}
