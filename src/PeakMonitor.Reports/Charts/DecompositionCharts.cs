using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Charts;

/// <summary>
/// ECharts options for the decomposition (issue 18), built on the server like <see cref="ChartOptions"/>:
/// a waterfall from C_0 through the four effects to C_T, and the chained view's yearly effects.
/// </summary>
public static class DecompositionCharts
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private const string Rise = "#c0392b";
    private const string Fall = "#0b6e4f";
    private const string Level = "#7b8794";

    /// <summary>The effect's colour in the chained view (one per factor, the same on every page).</summary>
    public static string Colour(KayaEffect effect) => effect switch
    {
        KayaEffect.Population => "#8e6c8a",
        KayaEffect.Affluence => "#d98c1f",
        KayaEffect.EnergyIntensity => "#1565c0",
        _ => "#0b6e4f",
    };

    /// <summary>
    /// A waterfall: the start year's CO2, each effect as a step up (red) or down (green) from where the
    /// previous one ended, then the end year's CO2. ECharts has no waterfall type; the usual stacked-bar
    /// construction is used, with a transparent base series that carries each step to its height.
    /// </summary>
    public static string Waterfall(LmdiDecomposition decomposition, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(decomposition);
        ArgumentNullException.ThrowIfNull(lang);
        var categories = new List<string> { decomposition.From.ToString(CultureInfo.InvariantCulture) };
        var bases = new List<double?> { 0 };
        var rises = new List<JsonNode?> { null };
        var falls = new List<JsonNode?> { null };
        var levels = new List<JsonNode?> { Bar(decomposition.Start, Format(decomposition.Start, lang), Level) };
        var running = decomposition.Start;
        foreach (var (effect, value) in decomposition.Effects)
        {
            categories.Add(lang.T(effect.Zh(), effect.En()));
            var label = (value >= 0 ? "+" : "−") + Format(Math.Abs(value), lang);
            bases.Add(Math.Round(value >= 0 ? running : running + value, 4));
            rises.Add(value >= 0 ? Bar(value, label, Rise) : null);
            falls.Add(value < 0 ? Bar(-value, label, Fall) : null);
            levels.Add(null);
            running += value;
        }

        categories.Add(decomposition.To.ToString(CultureInfo.InvariantCulture));
        bases.Add(0);
        rises.Add(null);
        falls.Add(null);
        levels.Add(Bar(decomposition.End, Format(decomposition.End, lang), Level));

        var option = new JsonObject
        {
            ["animation"] = false,
            ["grid"] = new JsonObject { ["left"] = 72, ["right"] = 24, ["top"] = 40, ["bottom"] = 56 },
            ["tooltip"] = new JsonObject { ["trigger"] = "item" },
            ["legend"] = new JsonObject { ["top"] = 0, ["data"] = new JsonArray(lang.T("排放量", "Emissions"), lang.T("增加", "Increase"), lang.T("减少", "Decrease")) },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(categories.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()), ["axisLabel"] = new JsonObject { ["interval"] = 0, ["width"] = 90, ["overflow"] = "break" } },
            // The effects are small beside the levels (a few percent of them): the axis starts below the lowest
            // point the bars reach, rounded, so that the steps can be read; the level bars say their values.
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = KpiText.Unit(LmdiDecomposition.Unit, lang), ["min"] = AxisMin(decomposition) },
            ["series"] = new JsonArray(
                new JsonObject
                {
                    ["name"] = "base",
                    ["type"] = "bar",
                    ["stack"] = "waterfall",
                    ["silent"] = true,
                    ["tooltip"] = new JsonObject { ["show"] = false },
                    ["itemStyle"] = new JsonObject { ["color"] = "transparent", ["borderColor"] = "transparent" },
                    ["data"] = new JsonArray(bases.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray()),
                },
                Series(lang.T("排放量", "Emissions"), levels, Level),
                Series(lang.T("增加", "Increase"), rises, Rise),
                Series(lang.T("减少", "Decrease"), falls, Fall)),
        };
        return option.ToJsonString(Compact);
    }

    /// <summary>The chained view: each year's four effects as stacked bars (rises above zero, falls below) and the year's total change as a line.</summary>
    public static string Chained(LmdiChain chain, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(lang);
        var steps = chain.Steps;
        var series = new JsonArray(KayaEffects.All.Select(e => (JsonNode?)new JsonObject
        {
            ["name"] = lang.T(e.Zh(), e.En()),
            ["type"] = "bar",
            ["stack"] = "effects",
            ["itemStyle"] = new JsonObject { ["color"] = Colour(e) },
            ["data"] = new JsonArray(steps.Select(s => (JsonNode?)JsonValue.Create(Math.Round(s.Effect(e), 4))).ToArray()),
        }).ToArray());
        series.Add(new JsonObject
        {
            ["name"] = lang.T("合计变化", "Total change"),
            ["type"] = "line",
            ["itemStyle"] = new JsonObject { ["color"] = "#222" },
            ["data"] = new JsonArray(steps.Select(s => (JsonNode?)JsonValue.Create(Math.Round(s.Total, 4))).ToArray()),
        });
        var option = new JsonObject
        {
            ["animation"] = false,
            ["grid"] = new JsonObject { ["left"] = 72, ["right"] = 24, ["top"] = 48, ["bottom"] = 28 },
            ["tooltip"] = new JsonObject { ["trigger"] = "axis" },
            ["legend"] = new JsonObject { ["top"] = 0, ["type"] = "scroll" },
            ["xAxis"] = new JsonObject { ["type"] = "category", ["data"] = new JsonArray(steps.Select(s => (JsonNode?)JsonValue.Create($"{s.From}→{s.To}")).ToArray()) },
            ["yAxis"] = new JsonObject { ["type"] = "value", ["name"] = KpiText.Unit(LmdiDecomposition.Unit, lang) },
            ["series"] = series,
        };
        return option.ToJsonString(Compact);
    }

    private static JsonObject Series(string name, List<JsonNode?> data, string colour) => new()
    {
        ["name"] = name,
        ["type"] = "bar",
        ["stack"] = "waterfall",
        ["itemStyle"] = new JsonObject { ["color"] = colour },
        ["data"] = new JsonArray(data.ToArray()),
    };

    /// <summary>A bar with its label written out (a static formatter: the option is data, no script).</summary>
    private static JsonObject Bar(double value, string label, string colour) => new()
    {
        ["value"] = Math.Round(value, 4),
        ["itemStyle"] = new JsonObject { ["color"] = colour },
        ["label"] = new JsonObject { ["show"] = true, ["position"] = "top", ["formatter"] = label },
    };

    private static string Format(double value, UiLanguage lang) => lang.Num(value, 0);

    /// <summary>Below the lowest running total by a tenth of the range, rounded down to a power-of-ten step; never below zero.</summary>
    private static double AxisMin(LmdiDecomposition d)
    {
        var running = d.Start;
        double low = Math.Min(d.Start, d.End), high = Math.Max(d.Start, d.End);
        foreach (var (_, value) in d.Effects)
        {
            running += value;
            low = Math.Min(low, running);
            high = Math.Max(high, running);
        }

        var floor = low - ((high - low) * 0.1) - (Math.Abs(low) * 0.02);
        if (floor <= 0)
        {
            return 0;
        }

        var step = Math.Pow(10, Math.Floor(Math.Log10(floor)));
        return Math.Floor(floor / step) * step;
    }
}
