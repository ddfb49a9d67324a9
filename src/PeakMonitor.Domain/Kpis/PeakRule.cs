namespace PeakMonitor.Domain.Kpis;

public enum PeakState
{
    /// <summary>Too few years of data to conclude.</summary>
    Unknown,

    /// <summary>The series has not (yet) turned down by the rule.</summary>
    NotYet,

    /// <summary>A maximum followed by enough consecutive lower years and a clear decline.</summary>
    Peaked,
}

/// <summary>
/// When has a series peaked? The plan does not say (action-plan-kpis.md §5.2); the rule here,
/// after the C40 and Climate Analytics practice (anchors.md §13), is: at least
/// <see cref="KpiJudgementOptions.PeakMinYears"/> years of data; the maximum followed by at least
/// <see cref="KpiJudgementOptions.PeakConfirmationYears"/> consecutive years, all lower; and the
/// latest year at least <see cref="KpiJudgementOptions.PeakMinDecline"/> below the maximum.
/// </summary>
public static class PeakRule
{
    /// <param name="series">Annual values, oldest first.</param>
    public static (PeakState State, int? PeakYear) Evaluate(IReadOnlyList<(int Year, double Value)> series, KpiJudgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        if (series.Count < options.PeakMinYears)
        {
            return (PeakState.Unknown, null);
        }

        var ordered = series;
        var peakIndex = 0;
        for (var i = 1; i < ordered.Count; i++)
        {
            // The latest of equal maxima: a plateau has not peaked until it turns down.
            if (ordered[i].Value >= ordered[peakIndex].Value)
            {
                peakIndex = i;
            }
        }

        var after = ordered.Skip(peakIndex + 1).ToArray();
        var consecutive = after.Select((p, i) => p.Year == ordered[peakIndex].Year + i + 1).TakeWhile(x => x).Count();
        var latest = ordered[ordered.Count - 1].Value;
        var peaked = consecutive >= options.PeakConfirmationYears
            && consecutive == after.Length
            && latest <= ordered[peakIndex].Value * (1 - options.PeakMinDecline);
        return peaked ? (PeakState.Peaked, ordered[peakIndex].Year) : (PeakState.NotYet, null);
    }
}
