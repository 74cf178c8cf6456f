using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Domain.Limits;
using Sales.Domain.Text;

namespace Sales.Host.Commands;

/// <summary>Turns every failure into one clear line on stderr and a non-zero exit code.</summary>
internal static class Failures
{
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (UsageException usage)
        {
            return Fail($"error: {usage.Message}", ExitCodes.Usage);
        }
        catch (SheetSourceException source)
        {
            return Fail($"error: {source.Message}", ExitCodes.Failed);
        }
        catch (StoreUnavailableException store)
        {
            return Fail($"error: {store.Message}", ExitCodes.Failed);
        }
        catch (NoAnalysisRunException noRun)
        {
            return Fail($"error: {noRun.Message}", ExitCodes.Failed);
        }
        catch (OperationCanceledException)
        {
            return Fail("interrupted: nothing of the interrupted work was stored", ExitCodes.Interrupted);
        }
#pragma warning disable CA1031 // Last resort: an unexpected error still exits non-zero with its message.
        catch (Exception unexpected)
#pragma warning restore CA1031
        {
            // The message only, on one line: an exception's type name means nothing to the user.
            return Fail($"error: {unexpected.Message.Split('\n')[0].Trim()}", ExitCodes.Failed);
        }
    }

    // A message may quote a value or a source: it is printed redacted, on one line.
    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine(PrintableText.Escape(BoundedText.Cut(SourceRedaction.RedactUrlsIn(message))));
        return code;
    }
}
