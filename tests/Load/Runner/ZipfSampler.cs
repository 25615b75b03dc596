namespace LectureHub.Load.Runner;

/// <summary>
/// Draws items by rank with probability ∝ 1 / rank^exponent (Zipf's law), as search terms, page views and product
/// popularity fall in practice: a few items take most draws and a long tail the rest. Thread-safe.
/// </summary>
public sealed class ZipfSampler<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly double[] _cumulative;

    public ZipfSampler(IReadOnlyList<T> items, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        _items = items;
        _cumulative = new double[items.Count];
        var total = 0.0;
        for (var rank = 1; rank <= items.Count; rank++)
        {
            total += 1.0 / Math.Pow(rank, exponent);
            _cumulative[rank - 1] = total;
        }

        for (var i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
    }

    /// <summary>The probability of the item at a zero-based rank.</summary>
    public double Probability(int rank) => _cumulative[rank] - (rank == 0 ? 0 : _cumulative[rank - 1]);

    public T Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _items[Math.Min(index < 0 ? ~index : index, _items.Count - 1)];
    }
}
