using System.Text;
using Npgsql;
using Sales.Application.Abstractions;
using Sales.Domain.Text;

namespace Sales.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL database named by a libpq URI, <c>postgresql://user[:password]@host[:port]/database[?param=value&amp;...]</c>
/// (or <c>postgres://</c>): the Npgsql connection string it means, and the URI as it may be shown,
/// with any password replaced by <c>***</c>. Without a password in the URI, Npgsql takes it from
/// <c>PGPASSWORD</c> or the password file (<c>PGPASSFILE</c>, default <c>~/.pgpass</c>).
/// </summary>
internal sealed class PostgresLocation
{
    // The URI's query parameters Npgsql has an equivalent for, by their libpq name.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["passfile"] = "Passfile",
        ["password"] = "Password",
        ["user"] = "Username",
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["keepalives_idle"] = "Keepalive",
        ["gssencmode"] = "GSS Encryption Mode",
        ["channel_binding"] = "Channel Binding",
    };

    private PostgresLocation(string display, string connectionString)
    {
        Display = display;
        ConnectionString = connectionString;
    }

    /// <summary>The URI with the password (in the user part or a <c>password</c> parameter) replaced by <c>***</c>.</summary>
    public string Display { get; }

    /// <summary>The Npgsql connection string, password included: never shown nor stored.</summary>
    public string ConnectionString { get; }

    /// <summary>True when <paramref name="location"/> is a PostgreSQL URI rather than a SQLite file path.</summary>
    public static bool IsUri(string? location) =>
        location is not null
        && (location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the URI.</summary>
    /// <exception cref="StoreUnavailableException">The URI is malformed or has a parameter Npgsql cannot honour.</exception>
    public static PostgresLocation Parse(string uri)
    {
        var display = Redact(uri);
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = CutAt(ref rest, '?');
        CutAt(ref rest, '#');
        var at = rest.LastIndexOf('@');
        var userInfo = at >= 0 ? rest[..at] : string.Empty;
        rest = rest[(at + 1)..];
        var database = CutAt(ref rest, '/');
        // No command timeout: an import waits for the one before it to finish, however long, as on SQLite.
        var builder = new NpgsqlConnectionStringBuilder { CommandTimeout = 0 };
        try
        {
            SetUser(builder, userInfo);
            SetHost(builder, rest);
            if (!string.IsNullOrEmpty(database))
            {
                builder.Database = Uri.UnescapeDataString(database);
            }

            foreach (var (name, value) in QueryParameters(query))
            {
                builder[Parameters.TryGetValue(name, out var keyword) ? keyword : throw Unsupported(display, name)] = value;
            }
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidCastException)
        {
            throw new StoreUnavailableException($"database '{display}' is not a valid PostgreSQL URI (postgresql://user[:password]@host[:port]/database)", error);
        }

        return new PostgresLocation(display, builder.ConnectionString);
    }

    /// <summary>The URI with any password replaced by <c>***</c>: the one redaction of every source, <see cref="SourceRedaction.Redact"/>.</summary>
    public static string Redact(string uri) => SourceRedaction.Redact(uri);

    private static void SetUser(NpgsqlConnectionStringBuilder builder, string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return;
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
        if (colon >= 0)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }
    }

    // host, host:port, [v6], [v6]:port, or several comma-separated (failover), as libpq accepts.
    private static void SetHost(NpgsqlConnectionStringBuilder builder, string hosts)
    {
        if (hosts.Length > 0)
        {
            builder.Host = Uri.UnescapeDataString(hosts);
        }
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return equals < 0
                ? (Uri.UnescapeDataString(pair), string.Empty)
                : (Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
        });

    // Removes from text what follows the first separator and returns it ("" when there is none).
    private static string CutAt(ref string text, char separator)
    {
        var index = text.IndexOf(separator, StringComparison.Ordinal);
        if (index < 0)
        {
            return string.Empty;
        }

        var after = text[(index + 1)..];
        text = text[..index];
        return after;
    }

    private static StoreUnavailableException Unsupported(string display, string name) =>
        new($"database '{display}': parameter '{name}' is not supported (supported: {string.Join(", ", Parameters.Keys)})");
}
