using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Web.Explorer;

/// <summary>One column of the explorer: an indicator in a region, normalised as asked.</summary>
public sealed record ExplorerColumn(IndicatorId Indicator, RegionCode Region, string Unit, bool Synthetic, IReadOnlyCollection<string> Sources)
{
    public Normalisation Normalisation { get; init; }

    public int BaseYear { get; init; }

    /// <summary>The column's unit in the reader's language: the canonical unit, per capita, per unit of GDP, or an index.</summary>
    public string UnitLabel(Reports.Localization.UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        var unit = Reports.Localization.KpiText.Unit(Unit, lang);
        return Normalisation switch
        {
            Normalisation.PerCapita => lang.T($"{unit}/万人", $"{unit} / 10k persons"),
            Normalisation.PerGdp => lang.T($"{unit}/亿元", $"{unit} / 100m CNY"),
            Normalisation.Index => lang.T($"指数（{BaseYear}年 = 100）", $"index, {BaseYear} = 100"),
            _ => unit,
        };
    }
}

/// <summary>The explorer's data: periods × columns, the same numbers for the chart, the table and the exports.</summary>
public sealed record ExplorerTable(ExplorerQuery Query, IReadOnlyList<Period> Periods, IReadOnlyList<ExplorerColumn> Columns, double?[,] Values)
{
    private static readonly IndicatorId Population = IndicatorId.Parse("population");
    private static readonly IndicatorId Gdp = IndicatorId.Parse("gdp_real");

    /// <summary>Reads everything in one query (the asked indicators plus population and GDP for normalising) and builds the table.</summary>
    public static async Task<ExplorerTable> LoadAsync(ITimeSeriesReader reader, ExplorerQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(query);
        var wanted = query.Indicators.Append(Population).Append(Gdp).Distinct().ToArray();
        var observations = await reader.ReadAllAsync(wanted, query.Sector, cancellationToken).ConfigureAwait(false);

        // Normalisers are economy-wide figures (sector all); read them separately only for a sector view.
        var totals = query.Sector == SectorId.All ? observations : await reader.ReadAllAsync([Population, Gdp], SectorId.All, cancellationToken).ConfigureAwait(false);
        return Build(query, observations, totals);
    }

    public static ExplorerTable Build(ExplorerQuery query, IReadOnlyList<Observation> observations, IReadOnlyList<Observation> totals)
    {
        ArgumentNullException.ThrowIfNull(query);
        var byKey = observations
            .Where(o => o.Period.Frequency == query.Frequency && o.Period.Year >= query.From && o.Period.Year <= query.To)
            .GroupBy(o => (o.Indicator, o.Region))
            .ToDictionary(g => g.Key, g => g.ToDictionary(o => o.Period));
        var annualTotals = totals.Where(o => o.Period.Frequency == Frequency.Annual)
            .ToDictionary(o => (o.Indicator, o.Region, o.Period.Year), o => o.Value);
        var periods = byKey.Values.SelectMany(d => d.Keys).Distinct().Order().ToArray();
        var columns = new List<ExplorerColumn>();
        foreach (var indicator in query.Indicators)
        {
            foreach (var region in query.Regions)
            {
                var series = byKey.GetValueOrDefault((indicator, region));
                columns.Add(new ExplorerColumn(indicator, region, IndicatorCatalog.Get(indicator).CanonicalUnit,
                    series?.Values.Any(o => o.Source == Domain.Kpis.IndicatorPanel.SyntheticSource) ?? false,
                    series?.Values.Select(o => o.Source).OfType<string>().Distinct().ToArray() ?? [])
                {
                    Normalisation = query.Normalisation,
                    BaseYear = query.BaseYear,
                });
            }
        }

        var values = new double?[periods.Length, columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var series = byKey.GetValueOrDefault((column.Indicator, column.Region));
            double? baseValue = series?.Values.FirstOrDefault(o => o.Period.Year == query.BaseYear && (query.Frequency == Frequency.Annual || o.Period.Month == 12))?.Value;
            for (var p = 0; p < periods.Length; p++)
            {
                if (series?.GetValueOrDefault(periods[p]) is not { } o)
                {
                    continue;
                }

                values[p, c] = query.Normalisation switch
                {
                    Normalisation.PerCapita => annualTotals.TryGetValue((Population, column.Region, o.Period.Year), out var pop) && pop > 0 ? o.Value / pop : null,
                    Normalisation.PerGdp => annualTotals.TryGetValue((Gdp, column.Region, o.Period.Year), out var gdp) && gdp > 0 ? o.Value / gdp : null,
                    Normalisation.Index => baseValue is > 0 ? o.Value / baseValue * 100 : null,
                    _ => o.Value,
                };
            }
        }

        return new ExplorerTable(query, periods, columns, values);
    }
}
