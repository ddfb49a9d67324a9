using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Series;

/// <summary>One value of a series and period as it stood before and after a new vintage changed it.</summary>
public sealed record Revision(Observation Old, Observation New)
{
    public double Change => New.Value - Old.Value;
}

/// <summary>
/// Choosing among the vintages of a value (the same series and period published on different dates).
/// A vintage without a date (stored before vintages existed) counts as published at an unknown date:
/// older than every dated one, and visible at every as-of date.
/// </summary>
public static class Vintages
{
    /// <summary>The latest vintage of each series and period (among equal dates, the last given).</summary>
    public static IReadOnlyList<Observation> Latest(IEnumerable<Observation> observations) => Pick(observations, null);

    /// <summary>The value of each series and period as it stood on <paramref name="asOf"/>: its latest vintage published on or before that day.</summary>
    public static IReadOnlyList<Observation> AsOf(IEnumerable<Observation> observations, DateOnly asOf) => Pick(observations, asOf);

    /// <summary>
    /// Every revision: for each series and period, each dated vintage whose value differs from the one
    /// before it (a republication with the same value is not a revision), oldest first.
    /// </summary>
    public static IReadOnlyList<Revision> Revisions(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var revisions = new List<Revision>();
        foreach (var group in observations.GroupBy(KeyOf))
        {
            Observation? previous = null;
            foreach (var o in group.OrderBy(o => o.Published, Comparer<DateOnly?>.Create(PublishedDate.Compare)))
            {
                if (previous is not null && o.Published is not null && o.Value != previous.Value)
                {
                    revisions.Add(new Revision(previous, o));
                }

                previous = o;
            }
        }

        return revisions
            .OrderBy(r => r.New.Published)
            .ThenBy(r => r.New.Region.Value, StringComparer.Ordinal)
            .ThenBy(r => r.New.Indicator.Value, StringComparer.Ordinal)
            .ThenBy(r => r.New.Period)
            .ToArray();
    }

    private static IReadOnlyList<Observation> Pick(IEnumerable<Observation> observations, DateOnly? asOf)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var chosen = new Dictionary<(IndicatorId, RegionCode, SectorId, Period), Observation>();
        foreach (var o in observations)
        {
            if (asOf is { } day && o.Published is { } published && published > day)
            {
                continue;
            }

            var key = KeyOf(o);
            if (!chosen.TryGetValue(key, out var kept) || PublishedDate.Compare(o.Published, kept.Published) >= 0)
            {
                chosen[key] = o;
            }
        }

        return [.. chosen.Values];
    }

    private static (IndicatorId, RegionCode, SectorId, Period) KeyOf(Observation o) => (o.Indicator, o.Region, o.Sector, o.Period);
}
