using Sales.Domain;

namespace Sales.UnitTests.Dedup;

public class OccurrenceNumberingTests
{
    private static readonly Sale A = new(new DateOnly(2023, 5, 27), "REF001", 5, 1);
    private static readonly Sale B = new(new DateOnly(2023, 5, 28), "REF002", 3, 2);

    [Fact]
    public void Each_copy_of_a_line_gets_the_next_occurrence() =>
        Assert.Equal([1, 1, 2, 3, 2], OccurrenceNumbering.Number([A, B, A, A, B]).Select(i => i.Occurrence));

    [Fact]
    public void Numbering_ignores_line_order() =>
        Assert.Equal(
            OccurrenceNumbering.Number([A, B, A]).ToHashSet(),
            OccurrenceNumbering.Number([B, A, A]).ToHashSet());
}
