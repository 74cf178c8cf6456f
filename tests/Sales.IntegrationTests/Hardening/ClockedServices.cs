using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application;
using Sales.Infrastructure;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>The real services on a workspace's database, with a clock that says a fixed day (the sale-day window moves with it).</summary>
internal static class ClockedServices
{
    /// <summary>The day the tests' imports run on, unless they say otherwise.</summary>
    public static readonly DateTimeOffset Today = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static async Task<TResult> SendAsync<TResult>(Workspace workspace, IRequest<TResult> request, Action<SalesOptions>? configure = null, DateTimeOffset? now = null)
    {
        var services = new ServiceCollection()
            .AddSalesApplication()
            .AddSalesInfrastructure(options =>
            {
                options.DatabasePath = workspace.DatabasePath;
                options.HttpTimeout = TimeSpan.FromSeconds(30);
                options.HttpRetries = 0;
                configure?.Invoke(options);
            })
            .AddSingleton<TimeProvider>(new FixedClock(now ?? Today))
            .BuildServiceProvider();
        await using (services)
        {
            return await services.GetRequiredService<IMediator>().Send(request);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
