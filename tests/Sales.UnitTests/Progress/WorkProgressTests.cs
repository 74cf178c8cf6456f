using Sales.Application.Progress;
using Sales.Domain.Sheets;

namespace Sales.UnitTests.Progress;

public sealed class WorkProgressTests
{
    private readonly WorkProgress _progress = new();

    [Fact]
    public void Before_any_work_it_is_starting_with_nothing_counted()
    {
        Assert.Equal(new ProgressSnapshot(WorkStage.Starting, SheetKind.Products, 0, null), _progress.Read());
    }

    [Fact]
    public void Counting_starts_its_stage_and_counts_each_item_as_it_is_enumerated()
    {
        var counted = _progress.Counting(WorkStage.Reading, SheetKind.Sales, new[] { 'a', 'b', 'c' });
        _progress.Enter(WorkStage.Fetching, SheetKind.Products);

        var seen = new List<long>();
        foreach (var _ in counted)
        {
            seen.Add(_progress.Read().Done);
        }

        Assert.Equal([1, 2, 3], seen);
        Assert.Equal(new ProgressSnapshot(WorkStage.Reading, SheetKind.Sales, 3, null), _progress.Read());
    }

    [Fact]
    public void Each_enumeration_counts_from_zero_again_of_the_same_total()
    {
        var counted = _progress.Counting(WorkStage.Storing, SheetKind.Sales, Enumerable.Range(0, 5), expected: 5);

        Assert.Equal(5, counted.Count());
        Assert.Equal(2, counted.Take(2).Count());
        Assert.Equal(new ProgressSnapshot(WorkStage.Storing, SheetKind.Sales, 2, 5), _progress.Read());
    }

    [Fact]
    public void Bytes_advance_towards_the_announced_total_and_a_new_stage_resets_both()
    {
        _progress.Enter(WorkStage.Fetching, SheetKind.Stores);
        _progress.Expect(100);
        _progress.Advance(40);
        _progress.Advance(60);
        Assert.Equal(new ProgressSnapshot(WorkStage.Fetching, SheetKind.Stores, 100, 100), _progress.Read());

        _progress.Enter(WorkStage.Reading, SheetKind.Stores);
        Assert.Equal(new ProgressSnapshot(WorkStage.Reading, SheetKind.Stores, 0, null), _progress.Read());
    }
}
