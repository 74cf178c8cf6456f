using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Sales.Application.Abstractions;
using Sales.Application.Import;
using Sales.Domain;
using Sales.Domain.Sheets;
using Sales.Infrastructure.Persistence;
using Sales.IntegrationTests.Support;

namespace Sales.IntegrationTests;

/// <summary>
/// The stored sales' identities read ahead while the sheets are parsed
/// (docs/decisions/0046-stored-keys-read-ahead.md): used only when nothing was written to the
/// database in between, given up beyond their budget or when a value does not pack, and the merge
/// then reads the database itself; either way the same lines are stored.
/// </summary>
public sealed class StoredSalesReadAheadTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Stored =
    [
        "2023-05-27,REF001,5,1",
        "2023-05-28,REF002,3,2",
        "2023-05-28,REF002,3,2",
        "2023-05-29,REF005,1,7",
    ];

    private readonly Workspace _workspace = new();

    public async Task InitializeAsync() => await ImportAsync(Stored);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Keys_read_ahead_are_used_when_nothing_was_written_in_between()
    {
        await using var services = _workspace.Services();
        var store = services.GetRequiredService<IImportStore>();
        var readAhead = (StoredSalesReadAhead)store.ReadStoredSalesAhead(default)!;
        await using (readAhead)
        {
            await readAhead.Reading;
            var session = (SqliteImportSession)await store.BeginAsync(DateTimeOffset.UtcNow, readAhead, default);
            await using (session)
            {
                Assert.True(session.HasKeysReadAhead);
                var counts = await session.InsertNewSalesAsync(Priced(Stored), default);
                Assert.Equal((0, 0), (counts.Inserted, counts.StoredNotInSheet));
            }
        }
    }

    [Theory]
    [InlineData("DELETE FROM sales WHERE sale_date = '2023-05-29'")]
    [InlineData("DELETE FROM sales WHERE occurrence = 2")]
    [InlineData("UPDATE products SET name = 'renamed' WHERE reference = 'REF001'")]
    public async Task A_write_by_another_connection_after_the_read_ahead_makes_the_merge_read_the_database(string write)
    {
        await using var services = _workspace.Services();
        var store = services.GetRequiredService<IImportStore>();
        var readAhead = (StoredSalesReadAhead)store.ReadStoredSalesAhead(default)!;
        await using (readAhead)
        {
            await readAhead.Reading;
            _workspace.Database.Execute(write);
            var stored = _workspace.Database.Count("sales");

            var session = (SqliteImportSession)await store.BeginAsync(DateTimeOffset.UtcNow, readAhead, default);
            await using (session)
            {
                Assert.False(session.HasKeysReadAhead);

                // A deleted line is stored again: keys read before the delete would have lost it.
                var counts = await session.InsertNewSalesAsync(Priced(Stored), default);
                Assert.Equal(Stored.Length - stored, counts.Inserted);
                await session.CommitAsync(DateTimeOffset.UtcNow, default);
            }
        }

        Assert.Equal(Stored.Length, _workspace.Database.Count("sales"));
    }

    [Fact]
    public async Task A_read_ahead_beyond_its_row_budget_gives_up_and_keeps_its_connection_for_the_session()
    {
        using var services = _workspace.Services();
        var readAhead = StoredSalesReadAhead.Start(services.GetRequiredService<SqliteDatabase>(), default, maxRows: Stored.Length - 1);
        await using (readAhead)
        {
            var outcome = await readAhead.TakeAsync();
            await using var connection = outcome.Connection;

            Assert.Null(outcome.Keys);
            Assert.NotNull(connection);
        }
    }

    [Fact]
    public async Task An_occurrence_that_does_not_pack_makes_the_read_ahead_give_up_and_a_re_import_stores_nothing_twice()
    {
        // 70,000 identical lines: occurrences up to 70,000, beyond the 65,535 a read-ahead key holds.
        // They are more new lines than the merge keeps, too: the session finds them in a second pass.
        string[] identical = [.. Enumerable.Repeat("2023-05-30,REF001,1,1", 70_000)];
        var first = await ImportAsync([.. Stored, .. identical]);
        Assert.Equal((70_000, Stored.Length), (first.New, first.Duplicate));

        using (var services = _workspace.Services())
        {
            var readAhead = StoredSalesReadAhead.Start(services.GetRequiredService<SqliteDatabase>(), default);
            await using (readAhead)
            {
                var outcome = await readAhead.TakeAsync();
                await using var connection = outcome.Connection;
                Assert.Null(outcome.Keys);
            }
        }

        var again = await ImportAsync([.. Stored, .. identical, "2023-05-30,REF001,1,1"]);

        Assert.Equal((1, Stored.Length + 70_000), (again.New, again.Duplicate));
        Assert.Equal(Stored.Length + 70_001, _workspace.Database.Count("sales"));
        Assert.Equal(70_001, _workspace.Database.Scalar("SELECT MAX(occurrence) FROM sales"));
    }

    [Fact]
    public async Task A_database_that_readers_must_wait_for_makes_the_read_ahead_give_up_within_a_second_and_leaves_the_wait_to_the_session()
    {
        using var services = _workspace.Services();
        using var holder = _workspace.Database.Open();
        holder.Execute("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM sales WHERE occurrence = 2;");

        var readAhead = StoredSalesReadAhead.Start(services.GetRequiredService<SqliteDatabase>(), default);
        await using (readAhead)
        {
            // Without the zero busy timeout it would wait for the lock up to two minutes: the cap is a safety net only.
            var outcome = await readAhead.TakeAsync().WaitAsync(TimeSpan.FromMinutes(1));

            Assert.Null(outcome.Keys);
            Assert.Null(outcome.Connection);
        }

        holder.Execute("ROLLBACK");
    }

    [Fact]
    public async Task A_read_ahead_dropped_before_the_session_releases_its_connection()
    {
        using var services = _workspace.Services();
        var readAhead = StoredSalesReadAhead.Start(services.GetRequiredService<SqliteDatabase>(), default);
        await readAhead.Reading;
        await readAhead.DisposeAsync();

        // Its connection is closed: the file can be checkpointed to the end and truncated.
        using var connection = _workspace.Database.Open();
        var (busy, _, _) = connection.QuerySingle<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE)");
        Assert.Equal(0, busy);
    }

    // The sheet's lines as the import hands them to the session: numbered, in identity order, priced.
    private static List<PricedSale> Priced(string[] lines) =>
        [.. lines
            .Select(line => line.Split(','))
            .Select(values => new Sale(DateOnly.Parse(values[0], System.Globalization.CultureInfo.InvariantCulture), values[1], int.Parse(values[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(values[3], System.Globalization.CultureInfo.InvariantCulture)))
            .GroupBy(sale => sale)
            .SelectMany(same => same.Select((sale, index) => new SaleIdentity(sale, index + 1)))
            .OrderBy(identity => identity.Content.Date).ThenBy(identity => identity.Content.ProductReference, StringComparer.Ordinal)
            .ThenBy(identity => identity.Content.StoreId).ThenBy(identity => identity.Content.Quantity).ThenBy(identity => identity.Occurrence)
            .Select(identity => new PricedSale(identity, 1m))];

    private async Task<SheetImportSummary> ImportAsync(string[] lines)
    {
        var sales = _workspace.Write("ventes.csv", Sheets.Sales(lines));
        var result = await _workspace.SendAsync(
            new ImportSheetsCommand(Repository.Sample("produits.csv"), Repository.Sample("magasins.csv"), sales));
        return result.Sheets.Single(s => s.Kind == SheetKind.Sales);
    }
}
