namespace Sales.IntegrationTests.Postgres;

/// <summary>A test that needs PostgreSQL's server programs: skipped, saying why, where they are not installed.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string NotInstalled =
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, as .ci/run does";

    public PostgresFactAttribute()
    {
        if (PostgresServer.BinDirectory is null)
        {
            Skip = NotInstalled;
        }
    }
}
