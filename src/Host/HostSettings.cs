using System.Reflection;
using Microsoft.Extensions.Configuration;
using Sales.Infrastructure;

namespace Sales.Host;

/// <summary>
/// What the host reads from the <c>Sales</c> section (<c>appsettings.json</c>, then environment variables
/// <c>Sales__DatabasePath</c>, ..., then the command line): the library's <see cref="SalesOptions"/>, bound straight
/// from the section but for its days, read by <see cref="SalesOptions.TryParseDay"/>, and the sheets to read. Made by
/// <see cref="HostSettingsLoader"/>, which checks the section first.
/// </summary>
internal sealed class HostSettings(IConfiguration options, IReadOnlyDictionary<PropertyInfo, DateOnly> days, SheetSources sources)
{
    public SheetSources Sources { get; } = sources;

    /// <summary>Binds <paramref name="target"/> from the section; a write waiting for another's lock says so on stderr.</summary>
    public void Configure(SalesOptions target)
    {
        options.Bind(target);
        foreach (var (property, day) in days)
        {
            property.SetValue(target, day);
        }

        target.LockWaitNotice = Progress.ProgressLine.Notice;
    }
}
