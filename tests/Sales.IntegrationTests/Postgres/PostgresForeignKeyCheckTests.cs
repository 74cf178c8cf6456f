using Npgsql;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests.Postgres;

/// <summary>
/// The set-based foreign-key check of new sales (docs/decisions/0040-postgresql-set-based-foreign-keys.md):
/// the schema keeps its constraints, a role that may not suspend the row triggers stores exactly the
/// same, and a trigger of the DBA's on <c>sales</c> still sees every new line.
/// </summary>
[Trait("Category", "Slow")]
[Collection(OnPostgres.Name)]
public sealed class PostgresForeignKeyCheckTests(PostgresServer server) : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [PostgresFact]
    public async Task After_an_import_the_foreign_keys_of_sales_are_still_there_validated_and_refusing()
    {
        var database = await server.CreateDatabaseAsync();

        var import = await database.ImportSamplesAsync();

        Assert.True(import.ExitCode == 0, import.StandardError);
        Assert.Equal(3, await database.CountAsync(
            "SELECT COUNT(*) FROM pg_constraint WHERE conrelid = 'sales'::regclass AND contype = 'f' AND convalidated"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => server.ExecuteAsync(
            "INSERT INTO sales VALUES ('2023-01-01', 'NOPE', 1, 1, 1, 100, 1)", database.Name));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [PostgresFact]
    public async Task A_role_that_may_not_suspend_row_triggers_stores_the_same_sales_as_the_superuser()
    {
        var bySuperuser = await server.CreateDatabaseAsync();
        var role = "owner_" + Guid.NewGuid().ToString("N")[..8];
        await server.ExecuteAsync($"CREATE ROLE {role} LOGIN");
        var byOwner = await server.CreateDatabaseAsync(owner: role);
        var ownerUri = $"postgresql://{role}@127.0.0.1:{server.Port}/{byOwner.Name}";

        var first = await bySuperuser.ImportSamplesAsync();
        var second = await TestDatabase.RunHostAsync(null, "import", "--db", ownerUri, "--products", Repository.Sample("produits.csv"),
            "--stores", Repository.Sample("magasins.csv"), "--sales", Repository.Sample("ventes.csv"));

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Equal(30, await byOwner.CountAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(
            await bySuperuser.DumpAsync("imports", "import_sheets", "source_validators"),
            await byOwner.DumpAsync("imports", "import_sheets", "source_validators"));
    }

    [PostgresFact]
    public async Task A_trigger_of_the_DBA_on_sales_still_sees_every_new_line()
    {
        var database = await server.CreateDatabaseAsync();
        var headerOnly = _workspace.Write("empty.csv", Sheets.Sales());
        await database.ImportAsync(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), headerOnly);
        await server.ExecuteAsync("""
            CREATE TABLE audit (product_reference text);
            CREATE FUNCTION audit_sale() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN INSERT INTO audit VALUES (NEW.product_reference); RETURN NULL; END $$;
            CREATE TRIGGER audit_sale AFTER INSERT ON sales FOR EACH ROW EXECUTE FUNCTION audit_sale();
            """, database.Name);

        var import = await database.ImportSamplesAsync();

        Assert.True(import.ExitCode == 0, import.StandardError);
        Assert.Equal(30, await database.CountAsync("SELECT COUNT(*) FROM audit"));
    }
}
