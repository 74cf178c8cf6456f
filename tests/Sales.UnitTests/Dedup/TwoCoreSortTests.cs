using Sales.Domain.Dedup;

namespace Sales.UnitTests.Dedup;

/// <summary>The sort on two cores gives exactly the order of one sort, whatever the keys' shape.</summary>
public class TwoCoreSortTests
{
    public static TheoryData<string> Shapes() => ["random", "sorted", "reversed", "one content", "two contents", "one day first"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Keys_come_out_in_the_order_of_a_single_sort(string shape)
    {
        var keys = Keys(shape, TwoCoreSort.MinimumKeys * 3);
        var expected = (IdentityKey[])keys.Clone();
        Array.Sort(expected);

        TwoCoreSort.Sort(keys, keys.Length);

        Assert.Equal(expected, keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(TwoCoreSort.MinimumKeys - 1)]
    [InlineData(TwoCoreSort.MinimumKeys)]
    public void Only_the_first_count_keys_are_sorted(int count)
    {
        var keys = Keys("random", count + 100);
        var tail = keys[count..];
        var expected = keys[..count];
        Array.Sort(expected);

        TwoCoreSort.Sort(keys, count);

        Assert.Equal(expected, keys[..count]);
        Assert.Equal(tail, keys[count..]);
    }

    private static IdentityKey[] Keys(string shape, int count)
    {
        var random = new Random(count);
        var keys = new IdentityKey[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = shape switch
            {
                "one content" => new IdentityKey(738_000, 1, 1, 1, count - i),
                "two contents" => new IdentityKey(738_000, i % 2, 1, 1, i + 2),
                "one day first" => new IdentityKey(i < count - 1 ? 738_000 : 737_000, 1, 1, 1, i + 2),
                _ => new IdentityKey(738_000 + random.Next(365), random.Next(500), random.Next(-3, 50), random.Next(1, 20), i + 2),
            };
        }

        if (shape == "sorted" || shape == "reversed")
        {
            Array.Sort(keys);
            if (shape == "reversed")
            {
                Array.Reverse(keys);
            }
        }

        return keys;
    }
}
