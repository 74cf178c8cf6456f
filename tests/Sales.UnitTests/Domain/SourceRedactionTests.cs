using Sales.Domain.Text;

namespace Sales.UnitTests.Domain;

public sealed class SourceRedactionTests
{
    [Theory]
    [InlineData("http://user:pass@host/x.csv", "http://user:***@host/x.csv")]
    [InlineData("HTTPS://user:p%40ss@host:8443/x.csv", "HTTPS://user:***@host:8443/x.csv")]
    [InlineData("https://ghp_TOKEN123@host/x.csv", "https://***@host/x.csv")]
    [InlineData("https://host/x.csv?token=abc&gid=0", "https://host/x.csv?token=***&gid=0")]
    [InlineData("https://host/x.csv?gid=0&API_KEY=abc", "https://host/x.csv?gid=0&API_KEY=***")]
    [InlineData("https://host/x.csv?apikey=a&key=b&sig=c&signature=d&password=e&passwd=f&pwd=g&secret=h&access_token=i",
        "https://host/x.csv?apikey=***&key=***&sig=***&signature=***&password=***&passwd=***&pwd=***&secret=***&access_token=***")]
    [InlineData("https://s3/x.csv?X-Amz-Credential=a%2Fb&X-Amz-Signature=c&X-Amz-Security-Token=d&X-Amz-Date=20240101",
        "https://s3/x.csv?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Security-Token=***&X-Amz-Date=20240101")]
    [InlineData("https://host/x.csv?client_secret=a&refresh_token=b#access_token=c", "https://host/x.csv?client_secret=***&refresh_token=***#access_token=***")]
    [InlineData("https://u:p@host?token=t", "https://u:***@host?token=***")]
    [InlineData("http://user:pa/ss@host/x.csv", "http://user:***@host/x.csv")]
    [InlineData("postgresql://sales:s3cr/et@db:5432/sales?sslmode=require&password=x", "postgresql://sales:***@db:5432/sales?sslmode=require&password=***")]
    [InlineData("postgresql://reader@db/sales", "postgresql://reader@db/sales")]
    public void Credentials_and_secret_parameters_are_masked(string source, string expected) =>
        Assert.Equal(expected, SourceRedaction.Redact(source));

    [Theory]
    [InlineData("https://docs.google.com/spreadsheets/d/e/2PACX-1vS/pub?gid=0&single=true&output=csv")]
    [InlineData("/data/ventes.csv")]
    [InlineData("C:\\data\\user:pass@x.csv")]
    [InlineData("ventes?token=x.csv")]
    [InlineData("http://host/path/@me/x.csv")]
    public void Sources_without_secrets_stay_as_given(string source) =>
        Assert.Equal(source, SourceRedaction.Redact(source));

    [Fact]
    public void Urls_quoted_in_a_message_are_masked_and_the_sentence_kept()
    {
        var message = "download failed for http://u:secret@host/x.csv?token=abc: the server answered HTTP 401 (see https://host/help?key=k).";

        Assert.Equal("download failed for http://u:***@host/x.csv?token=***: the server answered HTTP 401 (see https://host/help?key=***).",
            SourceRedaction.RedactUrlsIn(message));
    }
}
