namespace NanoRemap.Tooling.Generated;

/// <summary>
/// Names that reach generated C#: an identifier is used as is, a C# keyword is escaped with '@'
/// (<c>class</c> becomes <c>@class</c>, as svd2rust writes <c>r#type</c> for a Rust keyword), anything else is refused.
/// </summary>
public static class CSharpNames
{
    /// <summary>Whether <paramref name="name"/> is an ASCII identifier: a letter or '_', then letters, digits or '_'.</summary>
    /// <param name="name">The name.</param>
    /// <returns>True for an identifier (keywords included).</returns>
    public static bool IsIdentifier(string name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a C# keyword (reserved, <c>class</c>, <c>int</c>, ...).</summary>
    /// <param name="name">The name.</param>
    /// <returns>True for a reserved keyword.</returns>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>The reserved keywords of C# (C# 14; a contextual keyword such as <c>var</c> or <c>value</c> is a valid constant name).</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    /// <summary>The identifier to write for <paramref name="name"/>: the name, or <c>@name</c> for a keyword.</summary>
    /// <param name="name">The name (an identifier).</param>
    /// <returns>The C# identifier.</returns>
    /// <exception cref="ArgumentException">The name is not an identifier.</exception>
    public static string Escape(string name)
    {
        if (!IsIdentifier(name))
        {
            throw new ArgumentException($"'{GeneratedText.Visible(name)}' is not an identifier (a letter or '_', then letters, digits or '_')", nameof(name));
        }

        return IsKeyword(name) ? "@" + name : name;
    }
}
