using System.CommandLine;

namespace Sales.Host.Commands;

/// <summary>Options about what the long verbs (<c>import</c>, <c>run</c>, <c>profile</c>) print besides their result.</summary>
internal static class OutputOptions
{
    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Show no live progress line on the terminal (it is never shown when stderr is redirected or TERM=dumb).",
    };

    public static readonly Option<SummaryFormat> Format = OptionValues.OneOf(
        "--format", "Summary format: text for people (default), json for scripts (docs/json-output.md); progress and errors stay on stderr.", SummaryFormat.Text);

    /// <summary>Adds <c>--quiet</c>, and with <paramref name="withFormat"/> <c>--format</c>, to <paramref name="command"/>.</summary>
    public static Command WithOutputOptions(Command command, bool withFormat)
    {
        command.Options.Add(Quiet);
        if (withFormat)
        {
            command.Options.Add(Format);
        }

        return command;
    }
}
