using System.Runtime.CompilerServices;
using Sales.Application.Progress;
using Spectre.Console;

namespace Sales.Host.Progress;

/// <summary>
/// The live progress line on stderr, redrawn in place a few times a second while long work runs,
/// and erased when it ends so the summary that follows is exactly what it would be without it.
/// Shown only to a person at a terminal: never when stderr is redirected (logs, CI, pipes), with
/// <c>--quiet</c>, on a terminal that cannot redraw a line (no ANSI support, e.g. <c>TERM=dumb</c>), or on a
/// CI runner Spectre.Console recognizes.
/// </summary>
internal static class ProgressLine
{
    private static readonly TimeSpan RefreshRate = TimeSpan.FromMilliseconds(250);

    // The terminal the line is drawn on, while it is.
    private static IAnsiConsole? _drawing;

    /// <summary>
    /// Writes a line to stderr for the user (e.g. that the database is locked): above the progress
    /// line while it is drawn, which is then redrawn below it, so neither garbles the other.
    /// </summary>
    public static void Notice(string message)
    {
        if (Volatile.Read(ref _drawing) is { } terminal)
        {
            terminal.WriteLine(message);
        }
        else
        {
            Console.Error.WriteLine(message);
        }
    }

    // Not drawn: Spectre.Console is not even loaded (its types are only named by the methods below).
    public static Task<T> ShowWhileAsync<T>(WorkProgress progress, bool quiet, Func<Task<T>> work) =>
        quiet || Console.IsErrorRedirected ? work() : DrawnWhileAsync(progress, work);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<T> DrawnWhileAsync<T>(WorkProgress progress, Func<Task<T>> work)
    {
        if (TerminalOnStandardError() is not { } terminal)
        {
            return await work().ConfigureAwait(false);
        }

        var display = terminal.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new WorkColumn(progress));
        display.RefreshRate = RefreshRate;
        display.ExcludeVerticalPadding = true;

        // Spectre shows the cursor again when the work ends or fails; a process ended before that
        // (System.CommandLine ends it 2 s after Ctrl+C) must not leave the terminal without one.
        AppDomain.CurrentDomain.ProcessExit += ShowCursor;
        try
        {
            return await display.StartAsync(async context =>
            {
                context.AddTask("work", maxValue: 1);
                Volatile.Write(ref _drawing, terminal);

                // On the thread pool: a handler that runs long before its first await must not hold the caller.
                return await Task.Run(work).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _drawing, null);
            AppDomain.CurrentDomain.ProcessExit -= ShowCursor;
        }
    }

    private static void ShowCursor(object? sender, EventArgs e) => Console.Error.Write("\u001b[?25h");

    private static IAnsiConsole? TerminalOnStandardError()
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
        });

        // NO_COLOR only takes the colours away (Spectre's detection). Without ANSI (TERM=dumb or unset) the
        // line cannot be redrawn in place; on a CI runner Spectre's enrichers turn interaction off: then
        // its fallback would print a line per change into the log, so nothing is shown.
        var capabilities = terminal.Profile.Capabilities;
        return capabilities is { Ansi: true, Interactive: true } ? terminal : null;
    }
}
