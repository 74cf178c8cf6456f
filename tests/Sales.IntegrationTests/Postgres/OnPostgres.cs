namespace Sales.IntegrationTests.Postgres;

/// <summary>The tests sharing one PostgreSQL server; each test has its own database.</summary>
[CollectionDefinition(Name)]
public sealed class OnPostgres : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
