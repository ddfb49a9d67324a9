using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Ingestion.Kpis;

/// <summary>A KPI status of the revision's region that was different the day before the revision was published.</summary>
public sealed record StatusFlip(string Kpi, string Track, int Year, KpiStatus Before, KpiStatus After);

/// <summary>One revision of a stored value, with the KPI statuses that changed on the day it was published.</summary>
public sealed record RevisionImpact(Revision Revision, IReadOnlyList<StatusFlip> Flips);

/// <summary>
/// The revisions of a region's stored values (<c>peakmonitor revisions</c>, the revisions page): each
/// dated vintage that changed a value, old → new, with the statuses it flipped — the KPI set as of the
/// day before the new vintage's published date against the set as of that date, compared per KPI, track
/// and year for the revision's region. Everything published on the same day counts together (the store
/// cannot tell which of them changed a status). Computed on demand: two KPI sets per published date.
/// </summary>
public sealed class KpiRevisions(IVintageReader vintages, IKpiResults kpis)
{
    public async Task<IReadOnlyList<RevisionImpact>> ForAsync(RegionCode region, IndicatorId? indicator, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<IndicatorId> indicators = indicator is { } one ? [one] : IndicatorCatalog.All.Select(i => i.Id).ToArray();
        var revisions = Vintages.Revisions(await vintages.ReadVintagesAsync(indicators, null, region, cancellationToken).ConfigureAwait(false));
        var sets = new Dictionary<DateOnly, Dictionary<(string, string, int), KpiStatus>>();

        async Task<Dictionary<(string, string, int), KpiStatus>> StatusesAsync(DateOnly day)
        {
            if (!sets.TryGetValue(day, out var statuses))
            {
                var set = await kpis.GetAsOfAsync(day, cancellationToken).ConfigureAwait(false);
                statuses = set.Results.Where(r => r.Region == region).ToDictionary(r => (r.Kpi, r.Track, r.Year), r => r.Status ?? KpiStatus.NoData);
                sets[day] = statuses;
            }

            return statuses;
        }

        var impacts = new List<RevisionImpact>(revisions.Count);
        foreach (var revision in revisions)
        {
            var day = revision.New.Published!.Value;
            var before = await StatusesAsync(day.AddDays(-1)).ConfigureAwait(false);
            var after = await StatusesAsync(day).ConfigureAwait(false);
            var flips = before.Keys.Union(after.Keys)
                .Select(k => (Key: k, Before: before.GetValueOrDefault(k, KpiStatus.NoData), After: after.GetValueOrDefault(k, KpiStatus.NoData)))
                .Where(x => x.Before != x.After)
                .OrderBy(x => x.Key.Item1, StringComparer.Ordinal).ThenBy(x => x.Key.Item2, StringComparer.Ordinal).ThenBy(x => x.Key.Item3)
                .Select(x => new StatusFlip(x.Key.Item1, x.Key.Item2, x.Key.Item3, x.Before, x.After))
                .ToArray();
            impacts.Add(new RevisionImpact(revision, flips));
        }

        return impacts;
    }
}
