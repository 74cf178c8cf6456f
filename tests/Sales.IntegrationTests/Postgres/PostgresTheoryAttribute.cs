namespace Sales.IntegrationTests.Postgres;

/// <summary>A theory that needs PostgreSQL's server programs: skipped, saying why, where they are not installed.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.BinDirectory is null)
        {
            Skip = PostgresFactAttribute.NotInstalled;
        }
    }
}
