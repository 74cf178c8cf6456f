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
        var authorityEnd = source.IndexOfAny(['/', '?', '#', '\\'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = source.Length;
        }

        var text = new StringBuilder(source.Length);
        text.Append(source, 0, authorityStart);
        text.Append(RedactAuthority(source[authorityStart..authorityEnd]));
        var rest = source[authorityEnd..];
        var query = rest.IndexOfAny(['?', '#']);
        if (query < 0)
        {
            return text.Append(rest).ToString();
        }

        text.Append(rest, 0, query);
        return text.Append(RedactParameters(rest[query..])).ToString();
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

    // user:password@host keeps the user; a lone userinfo may be a token (https://TOKEN@host).
    private static string RedactAuthority(string authority)
    {
        var at = authority.LastIndexOf('@');
        if (at < 0)
        {
            return authority;
        }

        var userInfo = authority[..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var shown = colon < 0 ? Mask : $"{userInfo[..colon]}:{Mask}";
        return $"{shown}{authority[at..]}";
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
