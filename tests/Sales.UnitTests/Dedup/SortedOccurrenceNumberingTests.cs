using Sales.Domain;
using Sales.Domain.Dedup;

namespace Sales.UnitTests.Dedup;

public class SortedOccurrenceNumberingTests
{
    [Fact]
    public void Numbers_like_the_dictionary_numbering_and_returns_identity_order()
    {
        var random = new Random(7);
        var references = new[] { "REF2", "REF10", "REF1" };
        var sales = Enumerable.Range(0, 2000)
            .Select(_ => new Sale(new DateOnly(2023, 1, 1).AddDays(random.Next(3)), references[random.Next(3)], random.Next(1, 3), random.Next(1, 3)))
            .ToList();
        var expected = OccurrenceNumbering.Number(sales).Select((identity, i) => (Line: i + 2, identity)).ToList();

        var ranks = references.Order(Comparer<string>.Create(IdentityOrder.CompareReferences)).Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
        var keys = sales.Select((s, i) => new IdentityKey(s.Date.DayNumber, ranks[s.ProductReference], s.StoreId, s.Quantity, i + 2)).ToArray();
        var occurrences = SortedOccurrenceNumbering.Number(keys, keys.Length);

        var actual = keys.Select((k, i) => (Line: k.LineNumber, Identity: new SaleIdentity(sales[k.LineNumber - 2], occurrences[i]))).ToList();
        Assert.Equal(expected.OrderBy(e => e.Line), actual.OrderBy(a => a.Line));
        for (var i = 1; i < actual.Count; i++)
        {
            Assert.True(IdentityOrder.Compare(actual[i - 1].Identity, actual[i].Identity) < 0);
        }
    }

    [Fact]
    public void The_earliest_of_identical_lines_is_occurrence_one()
    {
        var keys = new[] { new IdentityKey(1, 0, 1, 1, 9), new IdentityKey(1, 0, 1, 1, 3), new IdentityKey(0, 0, 1, 1, 5) };
        var occurrences = SortedOccurrenceNumbering.Number(keys, keys.Length);
        Assert.Equal([5, 3, 9], keys.Select(k => k.LineNumber));
        Assert.Equal([1, 1, 2], occurrences);
    }

    [Fact]
    public void Negative_stores_and_quantities_sort_before_positive_ones()
    {
        var keys = new[] { new IdentityKey(0, 0, 1, 1, 2), new IdentityKey(0, 0, -1, 1, 3), new IdentityKey(0, 0, 1, -5, 4) };
        SortedOccurrenceNumbering.Number(keys, keys.Length);
        Assert.Equal([3, 4, 2], keys.Select(k => k.LineNumber));
    }

    [Theory]
    [InlineData("A", "B", -1)]
    [InlineData("REF1", "REF10", -1)]
    [InlineData("REF", "REF", 0)]
    [InlineData("\uFFFD", "\U0001F600", -1)]
    [InlineData("é", "z", 1)]
    public void References_compare_as_utf8_bytes(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(IdentityOrder.CompareReferences(left, right)));
        var bytes = System.Text.Encoding.UTF8;
        Assert.Equal(expected, Math.Sign(bytes.GetBytes(left).AsSpan().SequenceCompareTo(bytes.GetBytes(right))));
    }
}
