using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Reports.Assessment;

/// <summary>
/// One KPI of the report: its result for the assessment year, where the data came from (synthetic;
/// 待核实 or 估算 inputs), and its paragraph.
/// </summary>
public sealed record KpiLine(KpiDefinition Kpi, string Track, KpiResult? Result, IReadOnlyList<KpiResult> Series, bool Synthetic, string Sources, string Narrative)
{
    public ObservationQuality Quality { get; init; }

    /// <summary>For an event KPI (the CO2 peak): its input's annual values up to the report's year, which its chart shows.</summary>
    public IReadOnlyList<(int Year, double Value)> InputSeries { get; init; } = [];

    /// <summary>
    /// The outlook as of the report's year (<see cref="Domain.Outlook.OutlookModel"/>, data up to that
    /// year only): null without a numeric target ahead, without enough history, or without a value in that year.
    /// </summary>
    public Domain.Outlook.KpiOutlook? Outlook { get; init; }

    /// <summary>The probability of meeting the target by <see cref="Domain.Outlook.KpiOutlook.Deadline"/>, in [0, 1]; null without an outlook.</summary>
    public double? Probability => Outlook?.Probability;
}

/// <summary>A province's result for one headline KPI (national report).</summary>
public sealed record RankingRow(RegionCode Region, KpiResult? Result);

/// <summary>A sector's energy use and CO2 in the latest year with sector data.</summary>
public sealed record SectorLine(SectorId Sector, double? Energy, double? Co2, bool Synthetic);

/// <summary>What the report's numbers rest on: one line per raw indicator.</summary>
/// <summary>
/// "What drove the change" (变化成因): the LMDI decomposition of energy CO2 from <see cref="From"/> to
/// <see cref="To"/> (the plan's base year 2020 to the report year, or 2005 for earlier years), or why
/// there is none (<see cref="Problem"/>, naming region, year and indicator).
/// </summary>
public sealed record DriversSection(int From, int To, Domain.Decomposition.LmdiDecomposition? Decomposition, string? Problem, bool Synthetic, ObservationQuality Quality);

public sealed record DataLine(IndicatorId Indicator, IReadOnlyCollection<string> Sources, bool Synthetic, Period? Latest, int Values, int RegionsWithData);

/// <summary>
/// The annual assessment (碳达峰目标任务年度评估, action plan 六, L747-749) for one year and scope:
/// every KPI against its target in the 晴雨表 and 考核 vocabulary, an overall grade with the veto
/// rule, rankings, sectors, and the provenance of the data.
/// </summary>
public sealed record AssessmentReport
{
    public required int Year { get; init; }

    public required RegionCode Region { get; init; }

    public required bool English { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<KpiLine> Lines { get; init; }

    /// <summary>Mean score of the binding KPIs (0–100); null when none has one or data are missing.</summary>
    public double? OverallScore { get; init; }

    public required AssessmentGrade? OverallGrade { get; init; }

    /// <summary>Binding KPIs off track this year: any one forces 未完成 (否决).</summary>
    public required IReadOnlyList<KpiLine> Vetoes { get; init; }

    /// <summary>Binding KPIs without the data to be judged: any one makes the grade 无法评定（数据不全）.</summary>
    public required IReadOnlyList<KpiLine> Missing { get; init; }

    /// <summary>Per headline KPI (national report): the provinces' results, best first.</summary>
    public required IReadOnlyList<(KpiLine Line, IReadOnlyList<RankingRow> Rows)> Rankings { get; init; }

    public required int SectorYear { get; init; }

    public required IReadOnlyList<SectorLine> Sectors { get; init; }

    public required IReadOnlyList<DataLine> Data { get; init; }

    /// <summary>The decomposition section; null when the report was built without the decomposition's inputs.</summary>
    public DriversSection? Drivers { get; init; }

    /// <summary>Policy events up to the report year, marked on its charts and listed with the drivers.</summary>
    public IReadOnlyList<Domain.Events.PolicyEvent> Events { get; init; } = [];

    public required string Summary { get; init; }

    /// <summary>The outlook model's settings the probabilities were computed with; null when the report was built without outlooks.</summary>
    public Domain.Outlook.OutlookOptions? OutlookOptions { get; init; }

    /// <summary>The CO2 peak test on the energy-CO2 values up to the report's year (<see cref="Domain.Outlook.PeakTest"/>); null without enough history.</summary>
    public Domain.Outlook.PeakTest? Peak { get; init; }

    /// <summary>True when any number of the report rests on synthetic data.</summary>
    public bool UsesSynthetic => Lines.Any(l => l.Synthetic) || Sectors.Any(s => s.Synthetic);

    /// <summary>True when any KPI of the report reads a figure still 待核实 (to be verified).</summary>
    public bool UsesUnverified => Lines.Any(l => l.Quality == ObservationQuality.Unverified);
}
