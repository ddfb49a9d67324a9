using System.Text.Json.Serialization;
using PeakMonitor.Domain.Kpis;

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
    string Unit,
    int? BaselineYear,
    double? BaselineValue,
    int? TargetYear,
    double? Target,
    string? Modality,
    bool Binding,
    string? TargetOrigin,
    string? TargetSource,
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
    string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Synthetic = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sources = null)
{
    public static KpiRow From(KpiResult r, bool? synthetic = null, string? sources = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Kpi, r.Track, r.Region.Value, r.Year, r.Value, r.Unit, r.BaselineYear, r.BaselineValue, r.TargetYear, r.Target,
            r.Modality is { } m ? Snake(m.ToString()) : null, r.Binding, r.TargetOrigin is { } o ? Snake(o.ToString()) : null, r.TargetSource,
            r.Expected, r.Progress, r.Gap, r.RequiredAnnualRate, r.ActualAnnualRate, r.RateUnit, r.Projected,
            r.Status?.Id(), r.Status?.Zh(), r.Grade?.Id(), r.Grade?.Zh(), r.Score, r.PeakState is { } p ? Snake(p.ToString()) : null, r.Note,
            synthetic, sources);
    }

    /// <summary>Enum names as the JSON shows them: AtLeast → at_least.</summary>
    public static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
