using MediatR;
using Sales.Infrastructure;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Hardening;

/// <summary>The real services on a workspace's database, with a clock that says a fixed day (the sale-day window moves with it).</summary>
internal static class ClockedServices
{
    /// <summary>The day the tests' imports run on, unless they say otherwise.</summary>
    public static readonly DateTimeOffset Today = new(2024, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static Task<TResult> SendAsync<TResult>(Workspace workspace, IRequest<TResult> request, Action<SalesOptions>? configure = null, DateTimeOffset? now = null) =>
        workspace.SendAsync(request, options =>
        {
            options.HttpRetries = 0;
            configure?.Invoke(options);
        }, new FixedClock(now ?? Today));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
