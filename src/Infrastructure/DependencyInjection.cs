using Microsoft.Extensions.DependencyInjection;
using Sales.Application;
using Sales.Application.Abstractions;
using Sales.Infrastructure.Persistence;
using Sales.Infrastructure.Sources;

namespace Sales.Infrastructure;

/// <summary>Registers the adapters of the application's ports: SQLite, CSV and HTTP.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Registers everything a consumer needs, in one call: <see cref="MediatR.IMediator"/> with every
    /// command handler (<see cref="Application.Import.ImportSheetsCommand"/>,
    /// <see cref="Application.Analysis.RunAnalysesCommand"/>, <see cref="Application.Analysis.GetLatestResultsQuery"/>, ...), the SQLite store whose schema is
    /// created and migrated on first use, the CSV reader and the HTTP client that fetches sheets.
    /// </summary>
    /// <param name="services">The consumer's service collection.</param>
    /// <param name="configure">Sets the options, at least <see cref="SalesOptions.DatabasePath"/>.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddSales(this IServiceCollection services, Action<SalesOptions> configure) =>
        services.AddSalesApplication().AddSalesInfrastructure(configure);

    /// <summary>Adds the SQLite database, the CSV sheet reader and the HTTP client that fetches sheets.</summary>
    public static IServiceCollection AddSalesInfrastructure(this IServiceCollection services, Action<SalesOptions> configure)
    {
        services.AddOptions<SalesOptions>().Configure(configure);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IImportStore, SqliteImportStore>();
        services.AddSingleton<IAnalysisStore, SqliteAnalysisStore>();
        services.AddSingleton<SheetFetcher>();
        services.AddSingleton<ISheetReader, CsvSheetReader>();

        // Redirects are followed (published sheets answer 307 first); the whole-download timeout
        // is enforced by the fetcher, so the client's own timeout is off.
        services.AddHttpClient(SheetFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10 });
        return services;
    }
}
