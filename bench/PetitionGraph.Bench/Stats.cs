namespace PetitionGraph.Bench;

/// <summary>Summary of a set of latencies, in milliseconds.</summary>
public sealed record Stats(int Count, double Median, double P95, double Min, double Max)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Stats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[0], sorted[^1]);
    }

    /// <summary>Linear interpolation between closest ranks.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    public override string ToString() => FormattableString.Invariant($"median {Median:F2} ms, p95 {P95:F2} ms (min {Min:F2}, max {Max:F2}, n={Count})");
}
