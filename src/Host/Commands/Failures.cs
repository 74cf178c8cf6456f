using Sales.Application.Abstractions;
using Sales.Application.Analysis;
using Sales.Domain.Limits;

namespace Sales.Host.Commands;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}

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
            return Fail($"error: {unexpected.GetType().Name}: {unexpected.Message}", ExitCodes.Failed);
        }
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine(BoundedText.Cut(message));
        return code;
    }
}
