using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.LineProtocol;

namespace PeakMonitor.Influx.Storage;

/// <summary>The domain's store ports over InfluxDB, with the layout of <see cref="InfluxSchema"/>.</summary>
public sealed partial class InfluxTimeSeriesStore(InfluxClient client) : ITimeSeriesWriter, ITimeSeriesReader, IVintageReader
{
    /// <summary>
    /// Writes every observation's vintage beside the others, and makes it the latest where it is at
    /// least as new as the stored latest (<see cref="PlanAsync"/>); returns the number of observations.
    /// </summary>
    public async Task<int> WriteAsync(IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var list = observations as IReadOnlyList<Observation> ?? observations.ToArray();
        if (list.Count == 0)
        {
            return 0;
        }

        var lines = await PlanAsync(list, cancellationToken).ConfigureAwait(false);
        await client.WriteAsync(lines, RenderLine, cancellationToken).ConfigureAwait(false);
        return list.Count;
    }

    /// <summary>
    /// Rendered series keys. The catalogue bounds them (indicators × regions × sectors × 2
    /// frequencies, about 22,000), so the cache cannot grow without limit.
    /// </summary>
    private static readonly ConcurrentDictionary<SeriesKey, byte[]> SeriesKeys = new();

    public static void Render(LineBuilder line, Observation o)
    {
        var key = SeriesKeys.GetOrAdd(o.Key, static k => LineBuilder.RenderSeriesKey(
            InfluxSchema.Measurement,
            (InfluxSchema.FrequencyTag, InfluxSchema.FrequencyTagValue(k.Frequency)),
            (InfluxSchema.IndicatorTag, k.Indicator.Value),
            (InfluxSchema.RegionTag, k.Region.Value),
            (InfluxSchema.SectorTag, k.Sector.Value)));
        line.Series(key)
            .Field(InfluxSchema.ValueField, o.Value)
            .Field(InfluxSchema.SourceField, o.Source ?? string.Empty)
            .Field(InfluxSchema.NoteField, o.Note ?? string.Empty)
            .Field(InfluxSchema.QualityField, o.Quality.Id());
        if (o.Published is { } published)
        {
            line.Field(InfluxSchema.PublishedField, PublishedDate.ToNumber(published));
        }

        line.Timestamp(o.Period.Start.ToUnixTimeSeconds());
    }

    public async Task<IReadOnlyList<Observation>> ReadAsync(SeriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var influx = BuildQuery(query);
        var results = await client.QueryAsync(influx, cancellationToken).ConfigureAwait(false);
        var observations = new List<Observation>();
        foreach (var series in results.SelectMany(r => r.Series).OrderBy(s => s.Tags.GetValueOrDefault(InfluxSchema.RegionTag), StringComparer.Ordinal))
        {
            if (!RegionCode.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.RegionTag), out var region))
            {
                continue; // Not written by us (an unknown region cannot be imported); ignore rather than fail the read.
            }

            int time = series.ColumnIndex("time"), value = series.ColumnIndex(InfluxSchema.ValueField),
                source = series.ColumnIndex(InfluxSchema.SourceField), note = series.ColumnIndex(InfluxSchema.NoteField), quality = series.ColumnIndex(InfluxSchema.QualityField),
                published = series.ColumnIndex(InfluxSchema.PublishedField);
            foreach (var row in series.Values)
            {
                if (row[time] is not long epoch || row[value] is not double v)
                {
                    continue;
                }

                var period = Period.FromStart(DateTimeOffset.FromUnixTimeSeconds(epoch), query.Frequency);
                observations.Add(new Observation(query.Indicator, region, query.Sector, period, v, row[source] as string, row[note] as string, Quality(row, quality)) { Published = Published(row, published) });
            }
        }

        return observations;
    }

    public async Task<IReadOnlyList<Observation>> ReadAllAsync(IReadOnlyCollection<IndicatorId> indicators, SectorId sector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (indicators.Count == 0)
        {
            return [];
        }

        var ids = indicators.Distinct().ToArray();

        // The bulk read leaves notes out: they are long, repeated on every row, and no bulk reader shows them.
        var text = new StringBuilder(
            $"""SELECT "{InfluxSchema.ValueField}", "{InfluxSchema.SourceField}", "{InfluxSchema.QualityField}" FROM "{InfluxSchema.Measurement}" WHERE "{InfluxSchema.SectorTag}" = $sector AND (""");
        for (var i = 0; i < ids.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : " OR ").Append(CultureInfo.InvariantCulture, $"\"{InfluxSchema.IndicatorTag}\" = $i{i}");
        }

        text.Append(CultureInfo.InvariantCulture, $""") GROUP BY "{InfluxSchema.IndicatorTag}", "{InfluxSchema.RegionTag}", "{InfluxSchema.FrequencyTag}" """);
        var query = new InfluxQuery(text.ToString()).Bind("sector", sector.Value);
        for (var i = 0; i < ids.Length; i++)
        {
            query.Bind(string.Create(CultureInfo.InvariantCulture, $"i{i}"), ids[i].Value);
        }

        var results = await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var observations = new List<Observation>();
        foreach (var series in results.SelectMany(r => r.Series))
        {
            if (!RegionCode.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.RegionTag), out var region)
                || !IndicatorId.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.IndicatorTag), out var indicator))
            {
                continue;
            }

            var frequency = series.Tags.GetValueOrDefault(InfluxSchema.FrequencyTag) == InfluxSchema.FrequencyTagValue(Frequency.Monthly) ? Frequency.Monthly : Frequency.Annual;
            int time = series.ColumnIndex("time"), value = series.ColumnIndex(InfluxSchema.ValueField), source = series.ColumnIndex(InfluxSchema.SourceField),
                quality = series.ColumnIndex(InfluxSchema.QualityField);
            foreach (var row in series.Values)
            {
                if (row[time] is long epoch && row[value] is double v)
                {
                    observations.Add(new Observation(indicator, region, sector, Period.FromStart(DateTimeOffset.FromUnixTimeSeconds(epoch), frequency), v, row[source] as string, quality: Quality(row, quality)));
                }
            }
        }

        return observations;
    }

    public async Task<IReadOnlyList<Observation>> ReadSectorsAsync(IReadOnlyCollection<IndicatorId> indicators, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var ids = indicators.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var text = new StringBuilder(
            $"""SELECT "{InfluxSchema.ValueField}", "{InfluxSchema.SourceField}", "{InfluxSchema.NoteField}" FROM "{InfluxSchema.Measurement}" WHERE "{InfluxSchema.RegionTag}" = $region AND "{InfluxSchema.FrequencyTag}" = $freq AND (""");
        for (var i = 0; i < ids.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : " OR ").Append(CultureInfo.InvariantCulture, $"\"{InfluxSchema.IndicatorTag}\" = $i{i}");
        }

        text.Append(CultureInfo.InvariantCulture, $""") GROUP BY "{InfluxSchema.IndicatorTag}", "{InfluxSchema.SectorTag}" """);
        var query = new InfluxQuery(text.ToString()).Bind("region", region.Value).Bind("freq", InfluxSchema.FrequencyTagValue(Frequency.Annual));
        for (var i = 0; i < ids.Length; i++)
        {
            query.Bind(string.Create(CultureInfo.InvariantCulture, $"i{i}"), ids[i].Value);
        }

        var results = await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var observations = new List<Observation>();
        foreach (var series in results.SelectMany(r => r.Series))
        {
            if (!IndicatorId.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.IndicatorTag), out var indicator)
                || !SectorId.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.SectorTag), out var sector))
            {
                continue;
            }

            int time = series.ColumnIndex("time"), value = series.ColumnIndex(InfluxSchema.ValueField),
                source = series.ColumnIndex(InfluxSchema.SourceField), note = series.ColumnIndex(InfluxSchema.NoteField);
            foreach (var row in series.Values)
            {
                if (row[time] is long epoch && row[value] is double v)
                {
                    observations.Add(new Observation(indicator, region, sector, Period.FromStart(DateTimeOffset.FromUnixTimeSeconds(epoch), Frequency.Annual), v, row[source] as string, row[note] as string));
                }
            }
        }

        return observations;
    }

    /// <summary>The published date of a row's numeric field; null when absent (written before vintages existed).</summary>
    private static DateOnly? Published(object?[] row, int column) =>
        column >= 0 && row[column] is double number ? PublishedDate.FromNumber(number) : null;

    /// <summary>The quality flag of a row: absent (points written before the field existed) or unknown words read as reported.</summary>
    private static ObservationQuality Quality(object?[] row, int column) =>
        column >= 0 && row[column] is string text && ObservationQualities.TryParse(text, out var quality) ? quality : ObservationQuality.Reported;

    /// <summary>Every value is bound; the statement text is fixed apart from how many regions are asked for.</summary>
    internal static InfluxQuery BuildQuery(SeriesQuery query)
    {
        var text = new StringBuilder(
            $"""SELECT "{InfluxSchema.ValueField}", "{InfluxSchema.SourceField}", "{InfluxSchema.NoteField}", "{InfluxSchema.QualityField}", "{InfluxSchema.PublishedField}" FROM "{InfluxSchema.Measurement}" """ +
            $"""WHERE "{InfluxSchema.IndicatorTag}" = $indicator AND "{InfluxSchema.SectorTag}" = $sector AND "{InfluxSchema.FrequencyTag}" = $freq """ +
            "AND time >= $from AND time < $to");
        var regions = query.Regions.Distinct().ToArray();
        if (regions.Length > 0)
        {
            text.Append(" AND (");
            for (var i = 0; i < regions.Length; i++)
            {
                text.Append(i == 0 ? string.Empty : " OR ").Append(CultureInfo.InvariantCulture, $"\"{InfluxSchema.RegionTag}\" = $r{i}");
            }

            text.Append(')');
        }

        text.Append($" GROUP BY \"{InfluxSchema.RegionTag}\"");
        var influx = new InfluxQuery(text.ToString())
            .Bind("indicator", query.Indicator.Value)
            .Bind("sector", query.Sector.Value)
            .Bind("freq", InfluxSchema.FrequencyTagValue(query.Frequency))
            .Bind("from", query.From.Start)
            .Bind("to", query.To.End);
        for (var i = 0; i < regions.Length; i++)
        {
            influx.Bind(string.Create(CultureInfo.InvariantCulture, $"r{i}"), regions[i].Value);
        }

        return influx;
    }
}
