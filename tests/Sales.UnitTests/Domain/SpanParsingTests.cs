using Sales.Domain.Limits;
using Sales.Domain.Parsing;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Domain;

/// <summary>The span parsers the import reads sales lines with agree with the string ones on every edge.</summary>
public class SpanParsingTests
{
    public static TheoryData<string> Numbers => new()
    {
        "", " ", "0", "-0", "+5", " 12 ", "\t7\t", "\u00A012\u00A0", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "99999999999999999999", "1e3", "1.0", "1 000", "--1", "+", "-", "٣", "１２", "0x1F", "007", "999999999", "000000001",
        "1000000000", "0000000000", "00000000001", "2147483647 ", "+0", "-000",
    };

    public static TheoryData<string> Days => new()
    {
        "", "  ", "2023-05-27", " 2023-05-27 ", "2023-05-27 00:00", "2023-05-27 00:00:00", "2023-05-27 0:00:00", "2023-05-27 12:00",
        "2023-5-7", "2023-02-30", "2024-02-29", "0001-01-01", "9999-12-31", "27/5/2023", "5/27/2023", "05/06/2023", "31/02/2023",
        "31/31/2023", "12/12/999", "27/05/23", "2023/05/27", "27-05-2023", "yesterday", "١/٢/٢٠٢٣", "1/1/2023 00:00",
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Whole_numbers_read_from_characters_as_from_strings(string text)
    {
        var fromString = ValueParser.TryParseWholeNumber(text, out var expected, out var expectedReason);

        Assert.Equal(fromString, ValueParser.TryParseWholeNumber(text.AsSpan(), out var value, out var reason));
        Assert.Equal((expected, expectedReason), (value, reason));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Days_read_from_characters_as_from_strings_their_text_named_later(string text)
    {
        var fromString = ValueParser.TryParseDate(text, out var expected, out var expectedReason);

        Assert.Equal(fromString, ValueParser.TryParseDate(text.AsSpan(), out var token, out var reason));
        Assert.Equal(expectedReason, reason);
        Assert.Equal(expected.IsSlashed, token.IsSlashed);
        Assert.Null(token.Text);
        if (fromString)
        {
            foreach (var order in new[] { DateOrder.DayFirst, DateOrder.MonthFirst })
            {
                Assert.Equal(expected.IsValid(order), token.IsValid(order));
                Assert.Equal(expected.IsValid(order) ? expected.Resolve(order) : default, token.IsValid(order) ? token.Resolve(order) : default);
            }

            Assert.Equal(expected.IsSlashed ? text.Trim() : null, expected.Text);
        }
    }

    [Theory]
    [InlineData("2023-05-27", " REF001 ", "3", "7")]
    [InlineData("27/5/2023", "REF001", "1000", "1")]
    [InlineData("2023-05-27", "  ", "3", "7")]
    [InlineData("2023-05-27", "REF001", "0", "7")]
    [InlineData("2023-05-27", "REF001", "1001", "7")]
    [InlineData("2023-05-27", "REF001", "3", "")]
    [InlineData("2023-05-27", "REF001", "3", "-2")]
    [InlineData("2023-05-27", "REF001", "3", "x")]
    [InlineData("", "REF001", "3", "7")]
    public void A_sales_line_read_from_characters_as_from_strings(string day, string reference, string quantity, string store)
    {
        string[] values = [day, reference, quantity, store];
        var fromStrings = RowParsers.TryParseSale(values, out var expected, out var expectedError);

        Assert.Equal(fromStrings, RowParsers.TryParseSale(new Line(2, values), out var sale, out var error));
        Assert.Equal(expectedError, error);
        if (fromStrings)
        {
            Assert.Equal(expected.ProductReference, sale.ProductReference.ToString());
            Assert.Equal((expected.Quantity, expected.StoreId), (sale.Quantity, sale.StoreId));
        }
    }

    [Fact]
    public void A_sales_sheet_read_from_characters_names_slashed_days_and_references_as_written()
    {
        var sheet = new SalesSheet(new SaleDayWindow(new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31)));
        sheet.Add(new Line(2, ["31/5/2023", " REF001 ", "1", "1"]));
        sheet.Add(new Line(3, [" 6/30/2023 ", "REF002", "2", "1"]));
        sheet.Add(new Line(4, ["1/2/2030", "REF001", "1", "1"]));

        var result = sheet.Complete(DateOrder.DayFirst);

        Assert.Equal(["REF001"], result.Lines.Select(l => l.Identity.Content.ProductReference));
        Assert.Equal([3L, 4L], result.Rejected.Select(r => r.LineNumber));
        Assert.Contains("'6/30/2023' is not a valid date when read as d/M/yyyy", result.Rejected[0].Error.Reason, StringComparison.Ordinal);
        Assert.Contains("'1/2/2030' (2030-02-01) is outside", result.Rejected[1].Error.Reason, StringComparison.Ordinal);
    }

    private sealed record Line(long LineNumber, IReadOnlyList<string> Values) : ISheetLine
    {
        public string RawText => string.Join(',', Values);

        public RowError? ReaderRefusal => null;
    }
}
