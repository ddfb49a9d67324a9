using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Assessment;

/// <summary>Builds <see cref="AssessmentReport"/>s from stored observations with the KPI engine; pure.</summary>
public sealed class AssessmentReportBuilder(KpiEngine engine, KpiJudgementOptions options)
{
    private static readonly IndicatorId Energy = IndicatorId.Parse("energy_total");
    private static readonly IndicatorId Co2 = IndicatorId.Parse("co2_energy");

    /// <param name="observations">Sector <c>all</c> observations of the KPI inputs, all regions.</param>
    /// <param name="sectorObservations">Energy and CO2 by sector for the report's region.</param>
    public AssessmentReport Build(int year, RegionCode region, bool english, IndicatorPanel panel, IReadOnlyList<Observation> observations, IReadOnlyList<Observation> sectorObservations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(sectorObservations);
        var lang = new UiLanguage { English = english };
        var firstYear = panel.YearSpan?.First ?? year;
        var years = Enumerable.Range(Math.Min(firstYear, year), Math.Max(1, year - Math.Min(firstYear, year) + 1)).ToArray();
        var regions = region.IsNational ? RegionCatalog.All.Select(r => r.Code).ToArray() : [region];
        var results = engine.Compute(panel, KpiCatalog.All, regions, years);
        var byKey = results.GroupBy(r => (r.Kpi, r.Track, r.Region)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Year).ToArray());

        KpiLine Line(KpiDefinition kpi, string track, RegionCode at)
        {
            var series = byKey.GetValueOrDefault((kpi.Id, track, at)) ?? [];
            var result = series.FirstOrDefault(r => r.Year == year);
            var sources = kpi.Inputs.SelectMany(i => panel.Sources(i, at)).Distinct().ToArray();
            return new KpiLine(kpi, track, result, series, kpi.Inputs.Any(i => panel.IsSynthetic(i, at)), string.Join("; ", sources), Narrative.ForKpi(kpi, result, at, year, lang));
        }

        var lines = KpiCatalog.All.SelectMany(k => k.Tracks.Select(t => Line(k, t, region))).ToArray();

        // 考核: the mean score of binding KPIs; any binding KPI off track vetoes the grade (anchors.md §12e).
        var binding = lines.Where(l => l.Kpi.HasDataSource && l.Result is { Binding: true }).ToArray();
        var scores = binding.Select(l => l.Result!.Score).OfType<double>().ToArray();
        double? overall = scores.Length > 0 ? scores.Average() : null;
        var vetoes = binding.Where(l => l.Result!.Status == KpiStatus.OffTrack).ToArray();
        AssessmentGrade? grade = vetoes.Length > 0 ? AssessmentGrade.NotCompleted
            : overall is not { } s ? null
            : s >= options.ExceededScore ? AssessmentGrade.Exceeded
            : s >= options.CompletedScore ? AssessmentGrade.Completed
            : s >= options.BasicallyCompletedScore ? AssessmentGrade.BasicallyCompleted
            : AssessmentGrade.NotCompleted;

        var rankings = new List<(KpiLine, IReadOnlyList<RankingRow>)>();
        if (region.IsNational)
        {
            foreach (var line in lines.Where(l => l.Kpi.HasDataSource && l.Kpi.Formula != KpiFormula.Co2Peak))
            {
                var up = line.Kpi.Direction == KpiDirection.HigherIsBetter;
                var rows = RegionCatalog.Provinces
                    .Select(p => new RankingRow(p.Code, byKey.GetValueOrDefault((line.Kpi.Id, line.Track, p.Code))?.FirstOrDefault(r => r.Year == year)))
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

        var inScope = observations.Where(o => region.IsNational || o.Region == region).ToArray();
        var data = KpiCatalog.Computable.SelectMany(k => k.Inputs).Distinct()
            .Select(i =>
            {
                var of = inScope.Where(o => o.Indicator == i).ToArray();
                return new DataLine(i, of.Select(o => o.Source).OfType<string>().Distinct().ToArray(), of.Any(o => o.Source == IndicatorPanel.SyntheticSource),
                    of.Length > 0 ? of.Max(o => o.Period) : null, of.Length, of.Select(o => o.Region).Distinct().Count());
            })
            .ToArray();

        var report = new AssessmentReport
        {
            Year = year,
            Region = region,
            English = english,
            GeneratedAt = now,
            Lines = lines,
            OverallScore = overall,
            OverallGrade = grade,
            Vetoes = vetoes,
            Rankings = rankings,
            SectorYear = sectorYear,
            Sectors = sectors,
            Data = data,
            Summary = string.Empty,
        };
        return report with { Summary = Narrative.Summary(report, lang) };
    }
}
