namespace PeakMonitor.Domain.Outlook;

/// <summary>How an annual change is measured, and so how it is added back onto a level.</summary>
public enum ChangeScale
{
    /// <summary>x(y) − x(y−1): shares in points, capacities in GW.</summary>
    Additive,

    /// <summary>ln x(y) − ln x(y−1): intensities and emissions, which change by a rate.</summary>
    Log,
}

/// <summary>
/// The moving-block bootstrap (Künsch 1989): a future path's annual changes are drawn as blocks of
/// <c>L</c> consecutive observed changes, each block starting at a uniformly drawn index in
/// [0, n − L], concatenated until the horizon is filled. Drawing whole blocks keeps the short-run
/// dependence of the changes (a slump and its rebound) that single draws would lose.
/// </summary>
public static class BlockBootstrap
{
    /// <summary>
    /// Simulated levels: <c>result[draw][h]</c> is the level <c>h + 1</c> years after the start.
    /// </summary>
    /// <param name="start">The level in the as-of year.</param>
    /// <param name="changes">The observed annual changes, oldest first.</param>
    public static double[][] Paths(double start, IReadOnlyList<double> changes, ChangeScale scale, int horizon, int blockLength, int draws, Random random)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(changes.Count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        if (scale == ChangeScale.Log && !(start > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "A level changed by log changes must be positive.");
        }

        // A block longer than the sample would always be the sample: take the whole sample as one block.
        var block = Math.Clamp(blockLength, 1, changes.Count);
        var starts = changes.Count - block + 1;
        var paths = new double[draws][];
        for (var d = 0; d < draws; d++)
        {
            var path = new double[horizon];
            var level = scale == ChangeScale.Log ? Math.Log(start) : start;
            var h = 0;
            while (h < horizon)
            {
                var from = random.Next(starts);
                for (var k = 0; k < block && h < horizon; k++, h++)
                {
                    level += changes[from + k];
                    path[h] = scale == ChangeScale.Log ? Math.Exp(level) : level;
                }
            }

            paths[d] = path;
        }

        return paths;
    }

    /// <summary>The annual changes of consecutive years in a history, on a scale; a gap or a non-positive level (log scale) breaks the chain.</summary>
    public static double[] Changes(IReadOnlyList<(int Year, double Value)> history, ChangeScale scale)
    {
        ArgumentNullException.ThrowIfNull(history);
        var changes = new List<double>(history.Count);
        for (var i = 1; i < history.Count; i++)
        {
            var (y0, v0) = history[i - 1];
            var (y1, v1) = history[i];
            if (y1 != y0 + 1)
            {
                continue;
            }

            if (scale == ChangeScale.Log)
            {
                if (v0 > 0 && v1 > 0)
                {
                    changes.Add(Math.Log(v1 / v0));
                }
            }
            else
            {
                changes.Add(v1 - v0);
            }
        }

        return [.. changes];
    }

    /// <summary>
    /// The q-quantile of a sample by linear interpolation between order statistics (Hyndman and
    /// Fan 1996, definition 7, the default of R and NumPy). <paramref name="sorted"/> must be sorted.
    /// </summary>
    public static double Quantile(double[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(sorted.Length, 1);
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
