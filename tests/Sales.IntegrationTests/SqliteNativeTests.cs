using Microsoft.Data.Sqlite;
using Sales.Infrastructure.Persistence;

namespace Sales.IntegrationTests;

/// <summary>
/// The direct calls into SQLite's library (docs/decisions/0046-stored-keys-read-ahead.md) bind and
/// read exactly as SQLitePCLRaw's API does.
/// </summary>
public sealed class SqliteNativeTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteNativeTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void The_library_shipped_with_Microsoft_Data_Sqlite_is_called_directly() => Assert.True(SqliteNative.Available);

    [Theory]
    [InlineData("", "text", "")]
    [InlineData("REF001", "text", "REF001")]
    [InlineData("Café ☕", "text", "Café ☕")]
    public void Texts_are_bound_as_text_even_when_empty(string value, string type, string readBack)
    {
        using var statement = new RawStatement(_connection, "SELECT typeof(?1), ?1, length(?1)");
        statement.Bind(1, System.Text.Encoding.UTF8.GetBytes(value));

        Assert.True(statement.Read());
        Assert.Equal(type, System.Text.Encoding.UTF8.GetString(statement.Utf8(0)));
        Assert.Equal(readBack, System.Text.Encoding.UTF8.GetString(statement.Utf8(1)));
        Assert.Equal(value.Length, statement.Int64(2));
        Assert.False(statement.Read());
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(long.MaxValue)]
    public void Whole_numbers_round_trip(long value)
    {
        using var statement = new RawStatement(_connection, "SELECT ?1, typeof(?1)");
        statement.Bind(1, value);

        Assert.True(statement.Read());
        Assert.Equal(value, statement.Int64(0));
        Assert.Equal("integer"u8.ToArray(), statement.Utf8(1).ToArray());
    }

    [Fact]
    public void A_null_column_reads_as_no_bytes_and_zero()
    {
        using var statement = new RawStatement(_connection, "SELECT NULL, NULL");

        Assert.True(statement.Read());
        Assert.True(statement.Utf8(0).IsEmpty);
        Assert.Equal(0, statement.Int64(1));
    }

    [Fact]
    public void An_error_while_stepping_is_SQLites_own()
    {
        using var statement = new RawStatement(_connection, "SELECT abs(?1)");
        statement.Bind(1, long.MinValue);

        var error = Assert.Throws<SqliteException>(() => statement.Read());
        Assert.Contains("integer overflow", error.Message, StringComparison.Ordinal);
    }
}
