using MediatR;
using Sales.Application.Abstractions;
using Sales.Application.Analysis;

namespace Sales.Host.Report;

/// <summary>Writes the HTML report of the latest analysis run to a file, for <c>run</c> and <c>watch</c>.</summary>
internal static class LatestReport
{
    /// <summary>Null when the report was written, else why not (one line): the analyses are stored either way.</summary>
    public static async Task<string?> TryWriteAsync(IMediator mediator, string path, ReportCulture culture, CancellationToken cancellationToken)
    {
        try
        {
            var results = await mediator.Send(new GetLatestResultsQuery(), cancellationToken).ConfigureAwait(false);
            await ReportFile.WriteAsync(path, HtmlReport.Render(results, culture), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or StoreUnavailableException)
        {
            return $"report not written to '{path}': {failure.Message}";
        }
    }
}
