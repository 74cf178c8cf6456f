using Npgsql;
using Sales.Application.Abstractions;
using Sales.Infrastructure.Postgres;

namespace Sales.UnitTests.Postgres;

public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("postgresql://sales@db.example:5433/shop", true)]
    [InlineData("postgres://sales@db/shop", true)]
    [InlineData("POSTGRESQL://sales@db/shop", true)]
    [InlineData("sales.db", false)]
    [InlineData("/data/postgresql/sales.db", false)]
    [InlineData("postgresql.db", false)]
    public void A_postgresql_uri_selects_postgresql_and_anything_else_is_a_sqlite_path(string location, bool isUri)
    {
        Assert.Equal(isUri, PostgresLocation.IsUri(location));
    }

    [Theory]
    [InlineData("postgresql://sales:s3cret@db:5433/shop", "postgresql://sales:***@db:5433/shop")]
    [InlineData("postgresql://sales:p@ss/w:rd@db/shop?sslmode=require", "postgresql://sales:***@db/shop?sslmode=require")]
    [InlineData("postgresql://sales@db/shop?password=s3cret&sslmode=disable", "postgresql://sales@db/shop?password=***&sslmode=disable")]
    [InlineData("postgres://sales@db/shop", "postgres://sales@db/shop")]
    [InlineData("postgresql://db/shop", "postgresql://db/shop")]
    public void The_password_is_replaced_wherever_it_is_in_the_uri(string uri, string shown)
    {
        Assert.Equal(shown, PostgresLocation.Redact(uri));
        Assert.Equal(shown, PostgresLocation.Parse(uri).Display);
    }

    [Fact]
    public void The_uri_becomes_an_npgsql_connection_string_with_its_parameters()
    {
        var location = PostgresLocation.Parse("postgresql://sales%40corp:p%40ss@db.example:5433/my%20shop?sslmode=require&application_name=sales");

        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal("sales@corp", builder.Username);
        Assert.Equal("p@ss", builder.Password);
        Assert.Equal("db.example:5433", builder.Host);
        Assert.Equal("my shop", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("sales", builder.ApplicationName);
        Assert.Equal("postgresql://sales%40corp:***@db.example:5433/my%20shop?sslmode=require&application_name=sales", location.Display);
    }

    [Fact]
    public void Without_a_password_in_the_uri_none_is_set_so_pgpassword_or_pgpass_apply()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresLocation.Parse("postgresql://sales@db/shop").ConnectionString);

        Assert.Null(builder.Password);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_naming_it_without_the_password()
    {
        var error = Assert.Throws<StoreUnavailableException>(() => PostgresLocation.Parse("postgresql://sales:s3cret@db/shop?fallback=yes"));

        Assert.Contains("'fallback'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}
