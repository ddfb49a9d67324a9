using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>Builds <see cref="AssessmentReport"/>s from the one set of KPI results (<see cref="KpiResultSet"/>); pure.</summary>
public static class AssessmentReportBuilder
{
    private static readonly IndicatorId Energy = IndicatorId.Parse("energy_total");
    private static readonly IndicatorId Co2 = IndicatorId.Parse("co2_energy");

    /// <param name="sectorObservations">Energy and CO2 by sector for the report's region.</param>
    /// <param name="kaya">The decomposition's inputs (<see cref="Domain.Decomposition.KayaPanelLoader"/>); without them the report has no drivers section.</param>
    /// <param name="events">Policy events; those up to the report year are marked and listed.</param>
    /// <param name="outlook">
    /// The outlook model (configured options); without it the report has no probabilities and no peak test.
    /// Every outlook is computed as of the report's year, so a report for an earlier year sees only the
    /// data it would have seen then (the model reads no year after its as-of year).
    /// </param>
    public static AssessmentReport Build(int year, RegionCode region, bool english, KpiResultSet set, IReadOnlyList<Observation> sectorObservations, DateTimeOffset now, IndicatorPanel? kaya = null, IReadOnlyList<Domain.Events.PolicyEvent>? events = null, OutlookModel? outlook = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(sectorObservations);
        var lang = new UiLanguage { English = english };
        var panel = set.Panel;
        var inYear = set.For(region, year).ToDictionary(r => (r.Kpi, r.Track));
        IReadOnlyList<KpiOutlook> outlooks = outlook is null ? [] : outlook.Evaluate(panel, set.Engine, region, year);

        KpiLine Line(KpiDefinition kpi, string track)
        {
            var result = inYear.GetValueOrDefault((kpi.Id, track));
            var series = set.Series(kpi.Id, track, region).Where(r => r.Year <= year).ToArray();
            var quality = result is null ? ObservationQuality.Reported : set.Quality(result);
            return new KpiLine(kpi, track, result, series, set.IsSynthetic(kpi, region), string.Join("; ", set.Sources(kpi, region)), Narrative.ForKpi(kpi, result, region, year, lang, quality))
            {
                Quality = quality,
                InputSeries = kpi.Measure == KpiMeasure.Event && kpi.Inputs.Count > 0 ? InputsOf(panel, kpi.Inputs[0], region, year) : [],
                Outlook = outlooks.FirstOrDefault(o => o.Kpi == kpi.Id && o.Track == track),
            };
        }

        var tracks = inYear.Values.Select(r => (r.Kpi, r.Track)).ToHashSet();
        var lines = KpiCatalog.All.SelectMany(k => k.Tracks.Union(tracks.Where(t => t.Kpi == k.Id).Select(t => t.Track)).Select(t => Line(k, t))).ToArray();

        // 考核: one rule for every consumer (KpiAssessment): mean score of binding KPIs; a veto; no grade without data.
        var assessment = set.Assess(region, year);
        KpiLine[] LinesOf(IReadOnlyList<KpiResult> results) => lines.Where(l => l.Result is { } r && results.Contains(r)).ToArray();

        var rankings = new List<(KpiLine, IReadOnlyList<RankingRow>)>();
        if (region.IsNational)
        {
            foreach (var line in lines.Where(l => l.Kpi.HasDataSource && l.Kpi.Measure != KpiMeasure.Event && l.Result is { Graded: true } or { Status: KpiStatus.NotApplicable }))
            {
                var up = line.Kpi.Direction == KpiDirection.HigherIsBetter;
                var rows = RegionCatalog.Provinces
                    .Select(p => new RankingRow(p.Code, set.At(line.Kpi.Id, line.Track, p.Code, year) ?? set.For(p.Code, year).FirstOrDefault(r => r.Kpi == line.Kpi.Id && r.Track == line.Track)))
                    .OrderBy(r => r.Result?.Value is null ? 1 : 0)
                    .ThenBy(r => (up ? -1 : 1) * (r.Result?.Value ?? 0))
                    .ToArray();
                rankings.Add((line, rows));
            }
        }

        var sectorYear = sectorObservations.Where(o => o.Sector != SectorId.All && o.Period.Year <= year).Select(o => o.Period.Year).DefaultIfEmpty(0).Max();
        var sectors = SectorCatalog.All.Where(s => s.Id != SectorId.All)
            .Select(s => new SectorLine(
                s.Id,
                sectorObservations.FirstOrDefault(o => o.Indicator == Energy && o.Sector == s.Id && o.Period.Year == sectorYear)?.Value,
                sectorObservations.FirstOrDefault(o => o.Indicator == Co2 && o.Sector == s.Id && o.Period.Year == sectorYear)?.Value,
                sectorObservations.Any(o => o.Sector == s.Id && o.Source == IndicatorPanel.SyntheticSource)))
            .Where(s => s.Energy is not null || s.Co2 is not null)
            .ToArray();

        var scope = region.IsNational ? RegionCatalog.All.Select(r => r.Code).ToArray() : [region];
        var data = KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct()
            .Select(i =>
            {
                var years = scope.Select(r => (Region: r, Years: YearsWithData(panel, i, r))).Where(x => x.Years.Count > 0).ToArray();
                var latest = years.Length > 0 ? years.Max(x => x.Years[^1]) : (int?)null;
                return new DataLine(i, scope.SelectMany(r => panel.Sources(i, r)).Distinct().ToArray(), scope.Any(r => panel.IsSynthetic(i, r)),
                    latest is { } y ? Period.OfYear(y) : null, years.Sum(x => x.Years.Count), years.Length);
            })
            .ToArray();

        var report = new AssessmentReport
        {
            Year = year,
            Region = region,
            English = english,
            GeneratedAt = now,
            Lines = lines,
            OverallScore = assessment.Score,
            OverallGrade = assessment.Grade,
            Vetoes = LinesOf(assessment.Vetoes),
            Missing = LinesOf(assessment.Missing),
            Rankings = rankings,
            SectorYear = sectorYear,
            Sectors = sectors,
            Data = data,
            Drivers = kaya is null ? null : Drivers(kaya, region, year),
            Events = (events ?? []).Where(e => e.Date.Year <= year).ToArray(),
            Summary = string.Empty,
            OutlookOptions = outlook?.Options,
            Peak = outlook is null ? null : PeakOf(set, region, year, outlook),
        };
        return report with { Summary = Narrative.Summary(report, lang) };
    }

    /// <summary>The plan's base year to the report year (2005, the carbon-intensity base, for years up to 2020).</summary>
    private static DriversSection Drivers(IndicatorPanel kaya, RegionCode region, int year)
    {
        var from = year > 2020 ? 2020 : 2005;
        var synthetic = Domain.Decomposition.LmdiDecomposition.IsSynthetic(kaya, region);
        if (year <= from)
        {
            return new DriversSection(from, year, null, null, synthetic, ObservationQuality.Reported);
        }

        try
        {
            var d = Domain.Decomposition.LmdiDecomposition.Of(kaya, region, from, year);
            return new DriversSection(from, year, d, null, synthetic, Domain.Decomposition.LmdiDecomposition.Quality(kaya, region, [from, year]));
        }
        catch (Domain.Decomposition.DecompositionException ex)
        {
            return new DriversSection(from, year, null, ex.Message, synthetic, ObservationQuality.Reported);
        }
    }

    /// <summary>
    /// The peak test on energy CO2 up to the report's year, as of the latest year with a value (as the
    /// dashboard's test is as of its latest year), to the co2_peak target's deadline.
    /// </summary>
    private static PeakTest? PeakOf(KpiResultSet set, RegionCode region, int year, OutlookModel model)
    {
        var (history, partial) = PeakTest.HistoryOf(set.Panel, region, year);
        if (history.Count == 0)
        {
            return null;
        }

        var deadline = set.Engine.TargetsFor(KpiCatalog.Get("co2_peak"), region).Select(t => (int?)t.TargetYear).FirstOrDefault() ?? model.Options.PeakHorizonYear;
        return PeakTest.Evaluate(history, region, partial?.Year ?? history[^1].Year, model, set.Options, deadline, partial);
    }

    private static (int Year, double Value)[] InputsOf(IndicatorPanel panel, IndicatorId indicator, RegionCode region, int year)
    {
        var series = panel.Series(indicator, region);
        if (series is null)
        {
            return [];
        }

        var points = new List<(int, double)>();
        for (var y = Period.MinYear; y <= year; y++)
        {
            if (IndicatorPanel.At(series, y) is { } v)
            {
                points.Add((y, v));
            }
        }

        return points.ToArray();
    }

    private static List<int> YearsWithData(IndicatorPanel panel, IndicatorId indicator, RegionCode region)
    {
        var series = panel.Series(indicator, region);
        var years = new List<int>();
        if (series is null)
        {
            return years;
        }

        for (var y = Period.MinYear; y <= Period.MaxYear; y++)
        {
            if (IndicatorPanel.At(series, y) is not null)
            {
                years.Add(y);
            }
        }

        return years;
    }
}
