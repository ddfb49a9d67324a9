using System.Text.Json.Nodes;
using PeakMonitor.Domain.Events;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Charts;

/// <summary>
/// Policy events as vertical markers on a chart's year axis (ECharts <c>markLine</c> with <c>xAxis</c>),
/// carried by a series of their own with no data so that the chart's other series and its legend stay as
/// they were. One marker per year (several events of a year share it); events outside the axis are left out.
/// </summary>
public static class EventMarkers
{
    private const string Colour = "#6a1b9a";

    /// <summary>The markers' series for a category axis of <paramref name="years"/>, or null when no event falls on it.</summary>
    public static JsonObject? Series(IReadOnlyList<int> years, IReadOnlyList<PolicyEvent>? events, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(lang);
        if (events is null || events.Count == 0)
        {
            return null;
        }

        var lines = new JsonArray();
        foreach (var year in events.GroupBy(e => e.Date.Year).OrderBy(g => g.Key))
        {
            // On a category axis markLine's xAxis takes the category's index.
            var index = IndexOf(years, year.Key);
            if (index < 0)
            {
                continue;
            }

            lines.Add(new JsonObject
            {
                ["name"] = string.Join(lang.T("；", "; "), year.Select(e => $"{e.DateText} {lang.T(e.TitleZh, e.TitleEn)}")),
                ["xAxis"] = index,
                ["label"] = new JsonObject { ["formatter"] = string.Join(" ", year.Select(e => e.Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Distinct()) },
            });
        }

        if (lines.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["name"] = lang.T("政策节点", "Policy events"),
            ["type"] = "line",
            ["data"] = new JsonArray(),
            ["markLine"] = new JsonObject
            {
                ["symbol"] = "none",
                ["lineStyle"] = new JsonObject { ["color"] = Colour, ["type"] = "dashed", ["width"] = 1 },
                ["label"] = new JsonObject { ["position"] = "insideEndTop", ["color"] = Colour, ["fontSize"] = 10 },
                ["tooltip"] = new JsonObject { ["show"] = true },
                ["data"] = lines,
            },
        };
    }

    private static int IndexOf(IReadOnlyList<int> years, int year)
    {
        for (var i = 0; i < years.Count; i++)
        {
            if (years[i] == year)
            {
                return i;
            }
        }

        return -1;
    }
}
