using Sales.Domain.Text;

namespace Sales.UnitTests.Domain;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("Produit A", "Produit A")]
    [InlineData("Prix été 49,99 €", "Prix été 49,99 €")]
    [InlineData("\u001b[2J", "\\x1b[2J")]
    [InlineData("a\rimport succeeded\n", "a\\rimport succeeded\\n")]
    [InlineData("bell\a tab\t del\u007f c1\u0085 nul\0", "bell\\x07 tab\\t del\\x7f c1\\x85 nul\\x00")]
    [InlineData("abc\u202Egpj.exe", "abc\\u202egpj.exe")]
    [InlineData("\u2066x\u2069 \u200f \u2028", "\\u2066x\\u2069 \\u200f \\u2028")]
    public void Control_and_bidi_characters_become_visible_escapes(string text, string expected) =>
        Assert.Equal(expected, PrintableText.Escape(text));

    [Fact]
    public void Every_unsafe_character_is_escaped_and_nothing_else()
    {
        for (var c = '\0'; c < '\u3000'; c++)
        {
            var escaped = PrintableText.Escape(c.ToString());
            var unsafeCharacter = c < ' ' || c is >= '\u007f' and <= '\u009f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';
            if (unsafeCharacter)
            {
                Assert.StartsWith("\\", escaped, StringComparison.Ordinal);
                Assert.DoesNotContain(escaped, ch => PrintableText.IsUnsafe(ch));
            }
            else if (!PrintableText.IsUnsafe(c))
            {
                Assert.Equal(c.ToString(), escaped);
            }
        }
    }

    [Fact]
    public void Long_values_are_cut_with_a_marker_never_inside_an_escape()
    {
        Assert.Equal("abcdefghi…", PrintableText.Shorten("abcdefghijklmnop", 10));
        Assert.Equal("short", PrintableText.Shorten("short", 10));
        Assert.Equal("abcdef…", PrintableText.Shorten("abcdef\u001b[2J and more", 10));
        Assert.True(PrintableText.Shorten(new string('é', 1000), 120).Length <= 120);
    }
}
