using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Sales.Application;
using Sales.Application.Abstractions;
using Sales.Infrastructure.Persistence;
using Sales.Infrastructure.Postgres;
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

    /// <summary>
    /// Adds the database (SQLite for a file path, PostgreSQL for a <c>postgresql://</c> URI), the CSV
    /// sheet reader and the HTTP client that fetches sheets.
    /// </summary>
    public static IServiceCollection AddSalesInfrastructure(this IServiceCollection services, Action<SalesOptions> configure)
    {
        services.AddOptions<SalesOptions>().Configure(configure);
        services.AddSingleton<IValidateOptions<SalesOptions>, SettingsInRange>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<SalesOptions>>().Value.SaleDays());
        return services.AddDatabases().AddSheetReader();
    }

    // Both engines are registered; the options' database path chooses which one serves the ports.
    private static IServiceCollection AddDatabases(this IServiceCollection services)
    {
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteImportStore>();
        services.AddSingleton<SqliteAnalysisStore>();
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<PostgresImportStore>();
        services.AddSingleton<PostgresAnalysisStore>();
        services.AddSingleton<IStoreSchema>(provider => IsPostgres(provider)
            ? provider.GetRequiredService<PostgresDatabase>()
            : provider.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IImportStore>(provider => IsPostgres(provider)
            ? provider.GetRequiredService<PostgresImportStore>()
            : provider.GetRequiredService<SqliteImportStore>());
        services.AddSingleton<IAnalysisStore>(provider => IsPostgres(provider)
            ? provider.GetRequiredService<PostgresAnalysisStore>()
            : provider.GetRequiredService<SqliteAnalysisStore>());
        return services;
    }

    private static IServiceCollection AddSheetReader(this IServiceCollection services)
    {
        services.AddSingleton<SheetFetcher>();
        services.AddSingleton<ISheetReader, CsvSheetReader>();

        // Redirects are followed (published sheets answer 307 first); the whole-download timeout
        // is enforced by the fetcher, so the client's own timeout is off. Compressed answers
        // (Content-Encoding gzip, deflate, br) are decoded: the content hash is of the CSV itself.
        services.AddHttpClient(SheetFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 10,
                AutomaticDecompression = DecompressionMethods.All,
            })
            .AddResilienceHandler("sheets-retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SalesOptions>>().Value;
                if (options.HttpRetries > 0)
                {
                    pipeline.AddRetry(RetryOf(options));
                }
            });
        return services;
    }

    private static bool IsPostgres(IServiceProvider provider) =>
        PostgresLocation.IsUri(provider.GetRequiredService<IOptions<SalesOptions>>().Value.DatabasePath);

    // Only transient failures are retried (5xx, 408, 429, network errors): a 404 or another 4xx
    // fails at once. Attempts are bounded, and the fetcher's deadline cancels waits between them.
    private static HttpRetryStrategyOptions RetryOf(SalesOptions options) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        MaxRetryAttempts = options.HttpRetries,
        Delay = options.HttpRetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        MaxDelay = TimeSpan.FromSeconds(30),
    };

    // A setting out of its range fails the first use of the options, naming the setting.
    private sealed class SettingsInRange : IValidateOptions<SalesOptions>
    {
        public ValidateOptionsResult Validate(string? name, SalesOptions options) =>
            options.FindProblem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
