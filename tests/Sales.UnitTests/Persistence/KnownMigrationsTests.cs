using FluentMigrator.Runner;
using Microsoft.Extensions.DependencyInjection;
using Sales.Infrastructure.Persistence;

namespace Sales.UnitTests.Persistence;

public class KnownMigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_read_from_the_attributes_are_the_ones_FluentMigrators_runner_applies()
    {
        using var services = new ServiceCollection()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddSQLite()
                .WithGlobalConnectionString("Data Source=:memory:")
                .ScanIn(typeof(SqliteDatabase).Assembly).For.Migrations())
            .BuildServiceProvider(false);

        var applied = services.GetRequiredService<IMigrationInformationLoader>().LoadMigrations();

        Assert.Equal(
            applied.Values.Select(migration => migration.Migration.GetType().FullName).Order(StringComparer.Ordinal),
            SqliteDatabase.MigrationTypes().Select(type => type.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(applied.Keys.Order(), SqliteDatabase.KnownVersions);
    }
}
