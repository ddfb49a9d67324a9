using System.Collections.Concurrent;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.LineProtocol;

namespace PeakMonitor.Influx.Storage;

/// <summary>
/// Materialised KPI results in the <c>kpi</c> measurement (README, "Storage schema"): tags kpi,
/// region, track; numeric fields as floats (omitted when not applicable), status and grade as
/// strings; time = 1 January of the year. A KPI's series are dropped before it is written again,
/// so a value that became "no data" does not linger.
/// </summary>
public sealed class InfluxKpiStore(InfluxClient client) : IKpiResultStore
{
    public const string Measurement = "kpi";

    private static readonly ConcurrentDictionary<(string, string, string), byte[]> SeriesKeys = new();

    public async Task<int> ReplaceAsync(IReadOnlyCollection<string> kpis, IReadOnlyList<KpiResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        foreach (var kpi in kpis)
        {
            await client.ExecuteAsync(new InfluxQuery($"DROP SERIES FROM \"{Measurement}\" WHERE \"kpi\" = $kpi").Bind("kpi", kpi), cancellationToken).ConfigureAwait(false);
        }

        return await client.WriteAsync(results, Render, cancellationToken).ConfigureAwait(false);
    }

    public static void Render(LineBuilder line, KpiResult r)
    {
        var key = SeriesKeys.GetOrAdd((r.Kpi, r.Region.Value, r.Track), static k => LineBuilder.RenderSeriesKey(Measurement, ("kpi", k.Item1), ("region", k.Item2), ("track", k.Item3)));
        line.Series(key)
            .Field("status", r.Status?.Id() ?? string.Empty)
            .Field("grade", r.Grade?.Id() ?? string.Empty)
            .Field("unit", r.Unit)
            .Field("target_origin", r.TargetOrigin?.ToString() ?? string.Empty);
        Optional(line, "value", r.Value);
        Optional(line, "baseline_year", r.BaselineYear);
        Optional(line, "baseline_value", r.BaselineValue);
        Optional(line, "target_year", r.TargetYear);
        Optional(line, "target", r.Target);
        Optional(line, "expected", r.Expected);
        Optional(line, "progress", r.Progress);
        Optional(line, "gap", r.Gap);
        Optional(line, "required_rate", r.RequiredAnnualRate);
        Optional(line, "actual_rate", r.ActualAnnualRate);
        Optional(line, "projected", r.Projected);
        Optional(line, "score", r.Score);
        line.Timestamp(new DateTimeOffset(r.Year, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds());
    }

    private static void Optional(LineBuilder line, string field, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            line.Field(field, v);
        }
    }
}
