using System.Globalization;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Charts;

/// <summary>
/// Builds the chart descriptions the dashboard, the API and the reports draw: a KPI's trajectory, the
/// explorer's lines, a sector stack and a provincial ranking. Pure: the same inputs give the same model.
/// </summary>
public static class ChartModels
{
    public const string ActualColor = "#0b6e4f";
    public const string PathColor = "#7b8794";
    public const string ProjectionColor = "#1565c0";
    public const string TargetColor = "#c62828";

    /// <summary>
    /// Actual values, the target path from the baseline year (dotted), the projection from the latest
    /// value to the target year (dashed) and the target as a line. A province without a target of its
    /// own gets the national path instead, labelled as a reference. Given an outlook, the years run on
    /// to its deadline and its fan is two bands (10–90%, 25–75%) rooted at the as-of year's value, in the
    /// projection's colour and the browser's opacities (<see cref="ChartOptions.Trajectory"/>).
    /// </summary>
    public static ChartModel Trajectory(KpiDefinition kpi, IReadOnlyList<KpiResult> series, UiLanguage lang, string title = "", Domain.Outlook.KpiOutlook? outlook = null)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(lang);
        var latest = series.LastOrDefault(r => r.Value is not null);
        var target = latest ?? series.LastOrDefault();
        var reference = target?.Target is null && series.Any(r => r.ReferenceExpected is not null);
        var fan = outlook is { Quantiles.Count: > 0 } ? outlook : null;
        var lastYear = Math.Max(Math.Max(series.Count > 0 ? series[^1].Year : 2020, target?.TargetYear ?? 2020), fan?.Deadline ?? 0);
        var firstYear = series.Count > 0 ? series[0].Year : 2005;
        var years = Enumerable.Range(firstYear, lastYear - firstYear + 1).ToArray();
        var byYear = series.ToDictionary(r => r.Year);

        double?[] Points(Func<int, double?> value) => years.Select(y => value(y) is { } v ? Math.Round(v, 4) : (double?)null).ToArray();

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
        var quantiles = fan?.Quantiles.ToDictionary(q => q.Year);
        double? Quantile(int y, Func<Domain.Outlook.YearQuantiles, double> level) =>
            fan is null ? null
            : y == fan.AsOfYear ? fan.Latest
            : quantiles!.TryGetValue(y, out var q) ? level(q) : null;
        ChartBand[] bands = fan is null ? [] :
        [
            new(lang.T("概率区间 10–90%", "10–90% band"), Points(y => Quantile(y, q => q.P10)), Points(y => Quantile(y, q => q.P90)), ProjectionColor, 0.12),
            new(lang.T("概率区间 25–75%", "25–75% band"), Points(y => Quantile(y, q => q.P25)), Points(y => Quantile(y, q => q.P75)), ProjectionColor, 0.22),
        ];
        return new ChartModel
        {
            Name = "trajectory",
            Kind = ChartKind.Lines,
            Title = title,
            Categories = years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray(),
            NumericCategories = true,
            ValueAxisName = KpiText.Unit(kpi.Unit, lang),
            ScaleValueAxis = true,
            ExplicitLegend = true,
            Series =
            [
                new ChartSeries(lang.T("实际", "Actual"), Points(y => byYear.GetValueOrDefault(y)?.Value)) { Color = ActualColor, Dash = LineDash.Solid, ShowSymbols = true },
                new ChartSeries(pathName, Points(Path)) { Color = PathColor, Dash = LineDash.Dotted, ShowSymbols = false },
                new ChartSeries(lang.T("预测", "Projection"), Points(Projection)) { Color = ProjectionColor, Dash = LineDash.Dashed, ShowSymbols = false },
            ],
            Target = target?.Target is { } tv ? new ChartMarkLine(tv, lang.T("目标 ", "Target ") + tv.ToString(CultureInfo.InvariantCulture), TargetColor) : null,
            Bands = bands,
        };
    }

    /// <summary>
    /// An event KPI (the CO2 peak) has no value path to draw: its chart is the input's history (CO2 from
    /// energy), with the peak's level marked once the peak rule finds one.
    /// </summary>
    public static ChartModel Peak(KpiDefinition kpi, IReadOnlyList<(int Year, double Value)> input, KpiResult? result, UiLanguage lang, string title = "")
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lang);
        var indicator = IndicatorCatalog.Get(kpi.Inputs[0]);
        var peak = result?.Peak is { State: PeakState.Peaked, PeakYear: { } py } && input.Any(p => p.Year == py) ? input.First(p => p.Year == py) : ((int Year, double Value)?)null;
        return new ChartModel
        {
            Name = "peak",
            Kind = ChartKind.Lines,
            Title = title,
            Categories = input.Select(p => p.Year.ToString(CultureInfo.InvariantCulture)).ToArray(),
            NumericCategories = true,
            ValueAxisName = KpiText.Unit(indicator.CanonicalUnit, lang),
            ScaleValueAxis = true,
            ExplicitLegend = true,
            Series = [new ChartSeries(lang.T(indicator.NameZh, indicator.NameEn), input.Select(p => (double?)Math.Round(p.Value, 4)).ToArray()) { Color = ActualColor }],
            Target = peak is { } pk ? new ChartMarkLine(pk.Value, lang.T($"峰值 {pk.Year}", $"Peak {pk.Year}"), TargetColor) : null,
        };
    }

    /// <summary>The explorer's lines: one series per column, periods on the x axis.</summary>
    public static ChartModel Lines(IReadOnlyList<string> periods, IReadOnlyList<(string Name, double?[] Values)> series, string yName)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        return new ChartModel
        {
            Name = "lines",
            Kind = ChartKind.Lines,
            Categories = periods,
            ValueAxisName = yName,
            ScaleValueAxis = true,
            Series = series.Select(s => new ChartSeries(s.Name, s.Values.Select(v => v is { } x ? Math.Round(x, 6) : (double?)null).ToArray()) { ShowSymbols = periods.Count <= 40 }).ToArray(),
        };
    }

    /// <summary>Stacked areas: how a total splits into parts over the years (sector shares).</summary>
    public static ChartModel StackedArea(IReadOnlyList<int> years, IReadOnlyList<(string Name, double?[] Values)> parts, string yName, string title = "")
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(parts);
        return new ChartModel
        {
            Name = "stack",
            Kind = ChartKind.StackedArea,
            Title = title,
            Categories = years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray(),
            NumericCategories = true,
            ValueAxisName = yName,
            Series = parts.Select(p => new ChartSeries(p.Name, p.Values.Select(v => v is { } x ? Math.Round(x, 4) : (double?)null).ToArray()) { ShowSymbols = false }).ToArray(),
        };
    }

    /// <summary>
    /// The sector page's stack for one indicator: the sub-sectors of <paramref name="parent"/> that have
    /// data, over the years any of them has data; null when none has.
    /// </summary>
    public static ChartModel? SectorStack(IReadOnlyList<Observation> observations, IndicatorId indicator, SectorId parent, UiLanguage lang, string title = "")
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(lang);
        var children = SectorCatalog.All.Select(s => s.Id).Where(s => s != SectorId.All && s.Parent == parent && observations.Any(o => o.Sector == s)).ToList();
        var years = observations.Where(o => children.Contains(o.Sector)).Select(o => o.Period.Year).Distinct().Order().ToList();
        if (children.Count == 0 || years.Count == 0 || !observations.Any(o => o.Indicator == indicator))
        {
            return null;
        }

        var values = new Dictionary<(SectorId, int), double>();
        foreach (var o in observations.Where(o => o.Indicator == indicator))
        {
            values[(o.Sector, o.Period.Year)] = o.Value;
        }

        var info = IndicatorCatalog.Get(indicator);
        return StackedArea(
            years,
            children.Select(c => (SectorName(c, lang), years.Select(y => values.TryGetValue((c, y), out var v) ? v : (double?)null).ToArray())).ToArray(),
            KpiText.Unit(info.CanonicalUnit, lang),
            title);
    }

    /// <summary>
    /// The provinces' values for one KPI and year as bars, best first in the KPI's direction, each bar in
    /// its 晴雨表 status colour with the status words in the legend (never colour alone).
    /// </summary>
    public static ChartModel Ranking(KpiDefinition kpi, IReadOnlyList<(RegionCode Region, KpiResult? Result)> rows, UiLanguage lang, string title = "")
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(lang);
        var up = kpi.Direction == KpiDirection.HigherIsBetter;
        var ordered = rows.Where(r => r.Result?.Value is not null)
            .OrderBy(r => (up ? -1 : 1) * r.Result!.Value!.Value)
            .ThenBy(r => r.Region.Value, StringComparer.Ordinal)
            .ToArray();
        var statuses = ordered.Select(r => r.Result!.Status).Distinct().OrderBy(s => s).ToArray();
        return new ChartModel
        {
            Name = "ranking",
            Kind = ChartKind.Bars,
            Title = title,
            Categories = ordered.Select(r => lang.T(RegionCatalog.Get(r.Region).ShortNameZh, RegionCatalog.Get(r.Region).NameEn)).ToArray(),
            ValueAxisName = KpiText.Unit(kpi.Unit, lang),
            Series =
            [
                new ChartSeries(KpiText.Name(kpi, ordered.FirstOrDefault().Result?.Track ?? KpiTracks.Main, lang), ordered.Select(r => (double?)Math.Round(r.Result!.Value!.Value, 4)).ToArray())
                {
                    PointColors = ordered.Select(r => StatusColors.Of(r.Result!.Status)).ToArray(),
                },
            ],
            Legend = statuses.Select(s => new ChartLegendEntry(KpiText.Status(s, lang), StatusColors.Of(s))).ToArray(),
        };
    }

    private static string SectorName(SectorId id, UiLanguage lang) =>
        SectorCatalog.All.FirstOrDefault(s => s.Id == id) is { } s ? lang.T(s.NameZh, s.NameEn) : id.Value;
}
