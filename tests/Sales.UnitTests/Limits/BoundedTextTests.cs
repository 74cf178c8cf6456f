using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Limits;

public class BoundedTextTests
{
    [Fact]
    public void A_short_text_is_kept_as_it_is()
    {
        var text = new string('x', BoundedText.MaxLength);

        Assert.Same(text, BoundedText.Cut(text));
    }

    [Fact]
    public void A_long_text_is_cut_with_a_visible_marker_saying_how_much()
    {
        var cut = BoundedText.Cut(new string('x', 200_000_000 + BoundedText.MaxLength));

        Assert.Equal(new string('x', BoundedText.MaxLength) + "… (cut: 200000000 more characters)", cut);
    }

    [Fact]
    public void Cutting_twice_changes_nothing()
    {
        var once = BoundedText.Cut(new string('x', 5000));

        Assert.Same(once, BoundedText.Cut(once));
        Assert.Equal(once, BoundedText.CutFromStart(new string('x', 2000), 5000));
    }

    [Fact]
    public void A_surrogate_pair_is_never_cut_in_half()
    {
        var cut = BoundedText.Cut(new string('x', BoundedText.MaxLength - 1) + "😀" + "tail");

        Assert.Equal(new string('x', BoundedText.MaxLength - 1) + "… (cut: 6 more characters)", cut);
    }

    [Fact]
    public void The_start_of_a_line_not_read_whole_is_marked_with_its_full_length()
    {
        Assert.Equal("abc… (cut: 97 more characters)", BoundedText.CutFromStart("abc", 100));
        Assert.Equal("abc", BoundedText.CutFromStart("abc", 3));
    }

    [Fact]
    public void Refused_lines_and_reasons_are_bounded_where_they_are_made()
    {
        var huge = new string('9', 100_000);
        var line = new RejectedLine(2, huge, new RowError("Quantité", $"'{huge}' is not a whole number"));

        Assert.True(line.RawText.Length < BoundedText.MaxLength + 64);
        Assert.True(line.Error.Reason.Length < BoundedText.MaxLength + 64);
        Assert.EndsWith("more characters)", line.Error.Reason, StringComparison.Ordinal);
    }
}
