using System.Text;
using System.Text.RegularExpressions;

namespace Sales.Domain.Text;

/// <summary>
/// The printable and storable form of a source: a URL's credentials (<c>user:***@host</c>) and the
/// values of query (or fragment) parameters that carry secrets by convention (<c>token</c>,
/// <c>key</c>, <c>sig</c>, <c>password</c>, <c>X-Amz-Signature</c>, ...) become <c>***</c>.
/// Every writer of a source (console, error messages, database) uses it; only the fetcher ever
/// sees the source as given.
/// </summary>
public static partial class SourceRedaction
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    // Parameter names compared lower-cased without '-' and '_': exact names, then name endings
    // (x-amz-security-token, client_secret, subscription-key, X-Goog-Credential ...).
    private static readonly HashSet<string> SecretNames = new(StringComparer.Ordinal)
    {
        "sig", "pwd", "auth", "authorization", "code", "session", "sessionid", "jwt", "bearer", "pass",
    };

    private static readonly HashSet<string> DatabaseSchemes = new(StringComparer.OrdinalIgnoreCase) { "postgres", "postgresql" };

    private static readonly string[] SecretEndings =
        ["token", "key", "secret", "password", "passwd", "signature", "credential", "credentials", "apikey"];

    /// <summary>The source with its secrets masked; a local path, or a URL without any, as given.</summary>
    public static string Redact(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var schemeEnd = source.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || !IsScheme(source.AsSpan(0, schemeEnd)))
        {
            return source;
        }

        var authorityStart = schemeEnd + 3;
        var at = UserInfoEnd(source, authorityStart);
        var hostStart = at < 0 ? authorityStart : at + 1;
        var authorityEnd = source.IndexOfAny(['/', '?', '#', '\\'], hostStart);
        if (authorityEnd < 0)
        {
            authorityEnd = source.Length;
        }

        var text = new StringBuilder(source.Length);
        text.Append(source, 0, authorityStart);
        if (at >= 0)
        {
            var keepLoneUser = DatabaseSchemes.Contains(source[..schemeEnd]);
            text.Append(RedactUserInfo(source[authorityStart..at], keepLoneUser)).Append('@');
        }

        text.Append(source, hostStart, authorityEnd - hostStart);
        var rest = source[authorityEnd..];
        var query = rest.IndexOfAny(['?', '#']);
        if (query < 0)
        {
            return text.Append(rest).ToString();
        }

        text.Append(rest, 0, query);
        return text.Append(RedactParameters(rest[query..])).ToString();
    }

    // The '@' ending the user part, or -1. The user part ends at the authority's last '@'. When the
    // authority has a ':' (a password, or a port), it ends at the last '@' before the query instead:
    // a password holding an unescaped '/' or '@' is masked whole rather than read as a host and a path.
    private static int UserInfoEnd(string source, int authorityStart)
    {
        var queryStart = source.IndexOfAny(['?', '#'], authorityStart);
        if (queryStart < 0)
        {
            queryStart = source.Length;
        }

        var firstSlash = source.IndexOfAny(['/', '\\'], authorityStart, queryStart - authorityStart);
        var plainEnd = firstSlash < 0 ? queryStart : firstSlash;
        var mayHoldPassword = source.AsSpan(authorityStart, plainEnd - authorityStart).Contains(':');
        var userEnd = mayHoldPassword ? queryStart : plainEnd;
        return source.LastIndexOf('@', userEnd - 1, userEnd - authorityStart);
    }

    /// <summary>
    /// <paramref name="text"/> (an error message, a reason) with every URL in it redacted: a
    /// message from a library may quote the address it was given.
    /// </summary>
    public static string RedactUrlsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("://", StringComparison.Ordinal) ? UrlInText().Replace(text, match => Redact(match.Value)) : text;
    }

    /// <summary>Whether the parameter <paramref name="name"/> carries a secret by convention.</summary>
    public static bool IsSecretParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = Decode(name).Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return SecretNames.Contains(normalized) || SecretEndings.Any(ending => normalized.EndsWith(ending, StringComparison.Ordinal));
    }

    // user:password keeps the user; a lone userinfo may be a token (https://TOKEN@host), except in a
    // database URI, where it is the role's name (postgresql://reader@host/db).
    private static string RedactUserInfo(string userInfo, bool keepLoneUser)
    {
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            return $"{userInfo[..colon]}:{Mask}";
        }

        return keepLoneUser ? userInfo : Mask;
    }

    // "?a=1&token=x#frag" with each secret parameter's value masked, in the query and the fragment.
    private static string RedactParameters(string part)
    {
        var text = new StringBuilder(part.Length);
        var start = 0;
        for (var i = 0; i <= part.Length; i++)
        {
            if (i == part.Length || part[i] is '?' or '#' or '&' or ';')
            {
                text.Append(RedactParameter(part[start..i]));
                if (i < part.Length)
                {
                    text.Append(part[i]);
                }

                start = i + 1;
            }
        }

        return text.ToString();
    }

    private static string RedactParameter(string parameter)
    {
        var equals = parameter.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && IsSecretParameter(parameter[..equals]) ? $"{parameter[..(equals + 1)]}{Mask}" : parameter;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return char.IsAsciiLetter(scheme[0]);
    }

    private static string Decode(string name)
    {
        try
        {
            return Uri.UnescapeDataString(name.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    // A URL in a sentence ends before the punctuation that follows it ("...csv: the server answered").
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://[^\s'""<>`]*[^\s'""<>`.,:;!?)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex UrlInText();
}
