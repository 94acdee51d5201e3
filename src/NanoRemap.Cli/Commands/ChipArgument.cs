using System.CommandLine;
using System.CommandLine.Parsing;
using NanoRemap.Boards;

namespace NanoRemap.Cli.Commands;

/// <summary>
/// A chip name on the command line (<c>--board</c>, <c>boards list</c>): any form <see cref="BoardMap.ChipName"/> accepts
/// (<c>esp32c3</c>, <c>ESP32-C3</c>, <c>ESP32C3</c>); anything else is a parse error naming the seven chips.
/// </summary>
internal static class ChipArgument
{
    /// <summary>The error for a value that is no chip, or null.</summary>
    /// <param name="value">The value given.</param>
    /// <returns>The message, or null when it names a chip.</returns>
    public static string? Check(string? value) =>
        value == null || BoardMap.ChipName(value) != null
            ? null
            : $"'{value}' is not a chip: use one of {string.Join(", ", BoardMap.Names())} (ESP32-C3 and ESP32C3 work too)";

    /// <summary>Accepts only chip names on <paramref name="option"/>.</summary>
    /// <param name="option">The option.</param>
    public static void AcceptChips(this Option<string?> option) =>
        option.Validators.Add(r => Report(r, r.GetValueOrDefault<string?>()));

    /// <summary>Accepts only chip names on <paramref name="argument"/>.</summary>
    /// <param name="argument">The argument.</param>
    public static void AcceptChips(this Argument<string> argument) =>
        argument.Validators.Add(r => Report(r, r.GetValueOrDefault<string>()));

    private static void Report(SymbolResult result, string? value)
    {
        string? error = Check(value);
        if (error != null)
        {
            result.AddError(error);
        }
    }
}
