namespace NanoRemap.Tooling.Config;

/// <summary>
/// One key nf.config accepts: its name, its built-in default, a one-line description (for help and
/// error messages) and a check of its value. Add a key by adding a row to <see cref="NfConfigKeys.All"/>.
/// </summary>
/// <param name="Name">The key, as written left of <c>=</c>.</param>
/// <param name="Default">The value used when the file does not set the key (or there is no file).</param>
/// <param name="Description">What the key means, one line.</param>
/// <param name="Check">Returns null for a good value, else what is wrong with it (without the location).</param>
public sealed record NfConfigKey(string Name, string Default, string Description, Func<string, string?> Check);
