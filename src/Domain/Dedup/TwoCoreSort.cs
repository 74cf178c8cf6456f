namespace Sales.Domain.Dedup;

/// <summary>
/// Sorts identity keys in place on two cores, with no second array: the keys are split once around a
/// sampled median (smaller ones to the left), then each side is sorted at the same time. Keys never
/// tie (the line number ends the order), so the result is the one <see cref="Array.Sort{T}(T[], int, int)"/>
/// gives. A split that turns out uneven only loses the gain.
/// </summary>
internal static class TwoCoreSort
{
    /// <summary>Below this, the split and the second thread cost more than they save.</summary>
    internal const int MinimumKeys = 1 << 16;

    private const int SampleSize = 1023;

    public static void Sort(IdentityKey[] keys, int count)
    {
        if (count < MinimumKeys || Environment.ProcessorCount < 2)
        {
            Array.Sort(keys, 0, count);
            return;
        }

        // The other side on a thread of its own: the thread pool may have none free at once.
        var left = Split(keys, count, SampledMedian(keys, count));
        using var leftSorted = Task.Factory.StartNew(() => Array.Sort(keys, 0, left), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Array.Sort(keys, left, count - left);
        leftSorted.Wait();
    }

    // The median of keys taken at even steps across the array.
    private static IdentityKey SampledMedian(IdentityKey[] keys, int count)
    {
        var sample = new IdentityKey[SampleSize];
        var step = count / SampleSize;
        for (var i = 0; i < SampleSize; i++)
        {
            sample[i] = keys[i * step];
        }

        Array.Sort(sample);
        return sample[SampleSize / 2];
    }

    // Moves the keys below the pivot to the front; returns how many there are.
    private static int Split(IdentityKey[] keys, int count, IdentityKey pivot)
    {
        var low = 0;
        var high = count - 1;
        while (true)
        {
            while (low <= high && keys[low].CompareTo(pivot) < 0)
            {
                low++;
            }

            while (low <= high && keys[high].CompareTo(pivot) >= 0)
            {
                high--;
            }

            if (low >= high)
            {
                return low;
            }

            (keys[low], keys[high]) = (keys[high], keys[low]);
        }
    }
}
