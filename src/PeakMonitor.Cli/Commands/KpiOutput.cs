using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Json;

namespace PeakMonitor.Cli.Commands;

internal static class KpiOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(IEnumerable<KpiResult> results) => JsonSerializer.Serialize(results.Select(r => KpiRow.From(r)), Json);

    public static string ToCsv(IEnumerable<KpiResult> results)
    {
        var properties = typeof(KpiRow).GetProperties().Where(p => p.Name is not (nameof(KpiRow.Synthetic) or nameof(KpiRow.Sources))).ToArray();
        var sb = new StringBuilder();
        sb.AppendJoin(',', properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))).Append('\n');
        foreach (var row in results.Select(r => KpiRow.From(r)))
        {
            sb.AppendJoin(',', properties.Select(p => Cell(p.GetValue(row)))).Append('\n');
        }

        return sb.ToString();
    }

    public static string ToTable(IReadOnlyList<KpiResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("KPI                                  地区 Region  年份       值 Value  目标 Target         路径 Expected  进度 Progress  状态 Status     考核 Grade");
        foreach (var r in results)
        {
            var name = r.Track == "main" ? r.Kpi : $"{r.Kpi}[{r.Track}]";
            var region = RegionCatalog.Get(r.Region).ShortNameZh;
            var target = r.Target is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t:0.##} {r.TargetYear}") : "—";
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-36} {region,-4}{r.Region.Value,-5} {r.Year}  {Num(r.Value),9} {r.Unit,-7} {target,-14} {Num(r.Expected),10}  {Num(r.Progress, "%"),10}  {r.Status?.Zh() ?? "—",-10} {r.Grade?.Zh() ?? "—"}"));
        }

        return sb.ToString();
    }

    private static string Num(double? v, string suffix = "") => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) + suffix : "—";

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s when s.IndexOfAny([',', '"', '\n', '\r']) >= 0 => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => value.ToString() ?? string.Empty,
    };
}
