using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Decomposition;

/// <summary>
/// The year-by-year (chained) view: the change from one year to the next decomposed for every pair of
/// consecutive years, and each effect summed over the years. Each year's effects add up to that year's
/// change, so the sums add up to the whole change C_T − C_0; a chained effect differs from the
/// single-period one because each year is weighted with its own L(C_t+1, C_t) (Ang 2005 calls this
/// the time-series, "chaining" analysis as opposed to the period-wise one).
/// </summary>
public sealed record LmdiChain(RegionCode Region, int From, int To, IReadOnlyList<LmdiDecomposition> Steps)
{
    public double Start => Steps[0].Start;

    public double End => Steps[^1].End;

    public double Total => End - Start;

    /// <summary>An effect summed over the steps.</summary>
    public double Effect(KayaEffect effect) => Steps.Sum(s => s.Effect(effect));

    public double Sum => KayaEffects.All.Sum(Effect);

    /// <summary>Decomposes every year-on-year change from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="DecompositionException">An input of some year in the range is missing, zero or negative.</exception>
    public static LmdiChain Of(IndicatorPanel panel, RegionCode region, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (from >= to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The end year {to} must come after the start year {from}.");
        }

        // Each year's inputs are read (and checked) once, then paired with the next year's.
        var values = Enumerable.Range(from, to - from + 1).Select(y => LmdiDecomposition.Read(panel, region, y)).ToArray();
        var steps = Enumerable.Range(0, to - from).Select(i => LmdiDecomposition.Of(region, from + i, values[i], from + i + 1, values[i + 1])).ToArray();
        return new LmdiChain(region, from, to, steps);
    }
}
