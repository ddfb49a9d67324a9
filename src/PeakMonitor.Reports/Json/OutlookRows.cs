using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;

namespace PeakMonitor.Reports.Json;

/// <summary>The quantiles of one year, as published.</summary>
public sealed record QuantileRow(double P10, double P25, double P50, double P75, double P90);

/// <summary>
/// One KPI outlook as the CLI (<c>outlook --format json</c>) and the API (<c>/api/outlook</c>) publish
/// it: the field names are a contract. <see cref="Quantiles"/> is keyed by year.
/// </summary>
public sealed record OutlookRow(
    string Kpi,
    string Track,
    string Region,
    int AsOf,
    int BaselineYear,
    int Deadline,
    double Target,
    string Unit,
    double Latest,
    double Probability,
    IReadOnlyDictionary<string, QuantileRow> Quantiles,
    int ChangesUsed,
    string Method)
{
    public static OutlookRow From(KpiOutlook o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new(o.Kpi, o.Track, o.Region.Value, o.AsOfYear, o.BaselineYear, o.Deadline, o.Target, o.Unit, o.Latest, o.Probability,
            o.Quantiles.ToDictionary(q => q.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), q => new QuantileRow(q.P10, q.P25, q.P50, q.P75, q.P90), StringComparer.Ordinal),
            o.ChangesUsed, o.Method);
    }
}

public sealed record PlateauRow(int From, int To, int Points, double SlopePercentPerYear, double CiLowPercentPerYear, double CiHighPercentPerYear, double TStatistic, int DegreesOfFreedom, double CriticalT, bool Plateau);

public sealed record PeakYearRow(int Year, double Probability, bool OrLater);

/// <summary>The CO2 peak test as the CLI (<c>peak --format json</c>) and the API publish it.</summary>
public sealed record PeakRow(
    string Region,
    int AsOf,
    int Horizon,
    int ObservedMaxYear,
    double ObservedMax,
    double ProbabilityPeaked,
    double ProbabilityPeakByHorizon,
    IReadOnlyList<PeakYearRow> PeakYearDistribution,
    PlateauRow? Plateau,
    string RuleState,
    string Method,
    PartialYearRow? LatestYearFromMonths)
{
    public static PeakRow From(PeakTest p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Region.Value, p.AsOfYear, p.HorizonYear, p.ObservedMaxYear, p.ObservedMax, p.ProbabilityPeaked, p.ProbabilityPeakByHorizon,
            p.PeakYearDistribution.Select(d => new PeakYearRow(d.Year, d.Probability, d.OrLater)).ToArray(),
            p.Plateau is { } t ? new PlateauRow(t.FromYear, t.ToYear, t.Points, t.SlopePercentPerYear, t.CiLowPercentPerYear, t.CiHighPercentPerYear,
                double.IsFinite(t.TStatistic) ? t.TStatistic : Math.Sign(t.TStatistic) * 1e308, t.DegreesOfFreedom, t.CriticalT, t.Plateau) : null,
            p.RuleState.ToString(), p.Method,
            p.LatestYearFromMonths is { } m ? new PartialYearRow(m.Year, m.Months, m.Ratio, m.Estimate) : null);
    }
}

/// <summary>The as-of year estimated from its first months (same months a year earlier × ratio).</summary>
public sealed record PartialYearRow(int Year, int Months, double Ratio, double Estimate);

/// <summary>One KPI track in one year under a scenario; <c>Probability</c> of meeting the target, in the target's year only.</summary>
public sealed record ScenarioKpiRow(string Kpi, string Track, int Year, double? Value, string Unit, double? Target, int? TargetYear, string? Status, string? StatusZh, double? Probability);

public sealed record SolveRow(string Lever, string Kpi, string Track, int Year, double? Target, double? Value, double? Achieved, string? Problem);

/// <summary>A what-if answer as the CLI (<c>whatif --format json</c>), the API and the scenarios page publish it.</summary>
public sealed record ScenarioRow(string Region, int BaseYear, IReadOnlyDictionary<string, double> Levers, string? Name, IReadOnlyList<ScenarioKpiRow> Results, SolveRow? Solve)
{
    public static ScenarioRow From(ScenarioResult r, SolveResult? solve = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Region.Value, r.BaseYear, Domain.Outlook.Levers.All.ToDictionary(l => l.Id(), l => r.Scenario.Get(l), StringComparer.Ordinal), r.Scenario.Name,
            r.Results.Select(x => new ScenarioKpiRow(x.Kpi, x.Track, x.Year, x.Value, x.Unit, x.Target, x.TargetYear, x.Status?.Id(), x.Status?.Zh(), r.ProbabilityOf(x.Kpi, x.Track, x.Year))).ToArray(),
            solve is null ? null : new SolveRow(solve.Lever.Id(), solve.Kpi, solve.Track, solve.Year, double.IsFinite(solve.Target) ? solve.Target : null, solve.Value, solve.Achieved, solve.Problem));
    }
}

public sealed record BacktestCaseRow(
    string Plan, string Kpi, int BaselineYear, int TargetYear, double Target, int AsOf, double? Probability, double? Median, double? NaiveProjection, bool? NaiveSaysMet,
    double? Outcome, bool? Met, string TargetSource, string TargetUrl, string? OutcomeSource, string? OutcomeUrl, string? Problem);

/// <summary>The backtest as the CLI (<c>outlook --backtest --format json</c>) and the API (<c>/api/outlook/backtest</c>) publish it.</summary>
public sealed record BacktestReportRow(IReadOnlyList<BacktestCaseRow> Rows, int Scored, double? ModelBrier, double? NaiveBrier, string Method)
{
    public static BacktestReportRow From(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Rows.Select(r => new BacktestCaseRow(r.Case.Plan, r.Case.Kpi, r.Case.BaselineYear, r.Case.TargetYear, r.Case.Target, r.Case.AsOfYear,
            r.Probability, r.Median, r.NaiveProjection, r.NaiveSaysMet, r.Case.Outcome, r.Case.Met, r.Case.TargetSource, r.Case.TargetUrl, r.Case.OutcomeSource, r.Case.OutcomeUrl, r.Problem)).ToArray(),
            report.Scored, report.ModelBrier, report.NaiveBrier, report.Method);
    }
}
