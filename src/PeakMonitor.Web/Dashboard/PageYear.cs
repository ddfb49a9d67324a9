using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Web.Dashboard;

/// <summary>One year on a page: the year asked for in the query, if the results have it, else the results' page year.</summary>
public static class PageYear
{
    public static int Of(KpiResultSet set, string? query)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Period.TryParseYear(query, out var year) && set.Years.Contains(year) ? year : set.PageYear ?? (set.Years.Count > 0 ? set.Years[^1] : 0);
    }

    /// <summary>Where a KPI's inputs came from, for a caption: at most <paramref name="max"/> sources, then how many more.</summary>
    public static string SourcesOf(this KpiResultSet set, KpiDefinition kpi, Domain.Regions.RegionCode region, Reports.Localization.UiLanguage lang, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(set);
        var sources = set.Sources(kpi, region).Select(s => DisplayNames.Source(s, lang)).Distinct().ToList();
        return sources.Count <= max ? string.Join("; ", sources) : string.Join("; ", sources.Take(max)) + $"; … (+{sources.Count - max})";
    }
}
