using System.Text.Json.Serialization;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Reports.Json;

/// <summary>
/// One KPI result as the CLI (<c>kpi --format json|csv</c>) and the API (<c>/api/kpis</c>) publish it:
/// the field names are a contract. The API adds where the inputs came from.
/// </summary>
public sealed record KpiRow(
    string Kpi,
    string Track,
    string Region,
    int Year,
    double? Value,
    bool OfficialFigure,
    string Unit,
    int? BaselineYear,
    double? BaselineValue,
    bool BaselineEstimated,
    int? TargetYear,
    double? Target,
    string? Modality,
    bool Binding,
    string? Nature,
    string? NatureSource,
    bool Graded,
    string? TargetOrigin,
    string? TargetSource,
    string? TargetSourceUrl,
    double? Expected,
    double? Progress,
    double? Gap,
    double? RequiredAnnualRate,
    double? ActualAnnualRate,
    string? RateUnit,
    double? Projected,
    string? Status,
    string? StatusZh,
    string? Grade,
    string? GradeZh,
    double? Score,
    string? PeakState,
    bool? Plateau,
    int? ProjectedPeakYear,
    double? ShareOfNational,
    double? ContributionToNationalChange,
    double? ReferenceTarget,
    int? ReferenceTargetYear,
    double? ReferenceExpected,
    string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Synthetic = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sources = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Quality = null)
{
    private static readonly UiLanguage English = new() { English = true };

    public static KpiRow From(KpiResult r, bool? synthetic = null, string? sources = null, string? quality = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Kpi, r.Track, r.Region.Value, r.Year, r.Value, r.OfficialFigure, r.Unit, r.BaselineYear, r.BaselineValue, r.BaselineEstimated, r.TargetYear, r.Target,
            r.Modality is { } m ? Snake(m.ToString()) : null, r.Binding, r.Nature?.Id(), r.NatureSource, r.Graded,
            r.TargetOrigin is { } o ? Snake(o.ToString()) : null, r.TargetSource, r.TargetSourceUrl,
            r.Expected, r.Progress, r.Gap, r.RequiredAnnualRate, r.ActualAnnualRate, r.RateKind is null ? null : KpiText.Rate(r.RateKind, English), r.Projected,
            r.Status?.Id(), r.Status?.Zh(), r.Grade?.Id(), r.Grade?.Zh(), r.Score,
            r.Peak is { } p ? Snake(p.State.ToString()) : null, r.Peak?.Plateau, r.Peak?.ProjectedPeakYear,
            r.ShareOfNational, r.ContributionToNationalChange, r.ReferenceTarget, r.ReferenceTargetYear, r.ReferenceExpected, r.Note,
            synthetic, sources, quality);
    }

    /// <summary>Enum names as the JSON shows them: AtLeast → at_least.</summary>
    public static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
