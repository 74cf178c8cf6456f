using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Sales.Domain.Text;

namespace Sales.Host.Commands;

/// <summary>
/// A command line that does not parse (unknown verb or option, missing or invalid value) is a usage
/// error: one line on stderr naming what is wrong and where to read the usage, exit code 2. The
/// whole help is printed only when asked for.
/// </summary>
internal static partial class ParseErrors
{
    public static bool Any(ParseResult parse) => parse.Errors.Count > 0;

    public static int Report(ParseResult parse)
    {
        // A mistyped verb also leaves the verb missing: the word typed is the useful part.
        var error = parse.Errors
            .OrderBy(e => parse.UnmatchedTokens.Any(token => e.Message.Contains($"'{token}'", StringComparison.Ordinal)) ? 0 : 1)
            .First().Message;
        Console.Error.WriteLine($"error: {OneLine(error).TrimEnd('.')} (see '{CommandPath(parse.CommandResult)} --help')");
        return ExitCodes.Usage;
    }

    // Some of the parser's messages list choices on several lines.
    private static string OneLine(string message) =>
        PrintableText.Escape(LineBreaks().Replace(message.Trim(), " "));

    private static string CommandPath(CommandResult command) =>
        command.Parent is CommandResult parent
            ? $"{CommandPath(parent)} {command.Command.Name}"
            : command.Command.Name;

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
