using System.Globalization;
using System.Text;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.LineProtocol;

namespace PeakMonitor.Influx.Storage;

/// <summary>Vintages: deciding which writes become the latest, and reading every vintage back.</summary>
public sealed partial class InfluxTimeSeriesStore
{
    /// <summary>One observation to write: as the latest vintage (<see cref="InfluxSchema.Measurement"/>), as a vintage, or both.</summary>
    private readonly record struct PlannedLine(Observation Observation, bool Latest, bool Vintage);

    /// <summary>
    /// Decides, for a batch, which observations become the latest: one that is at least as new as the
    /// stored latest of its series and period (an unknown date counts as older than any date; an equal
    /// date is a re-import of the same vintage and overwrites, so re-importing changes nothing). To stay
    /// cheap, it first asks the store one aggregate over the batch's range (how many points, how many
    /// dated, the newest date); only when that cannot settle it — something stored is newer than the
    /// batch's oldest date, or undated values are about to be replaced — does it read the stored dates of
    /// the range. Undated values replaced by a dated vintage are copied into <see cref="InfluxSchema.VintageMeasurement"/>
    /// first (without a published tag), so that the earlier state stays readable. Two writers racing on
    /// the same value are not serialised: the last to write decides, as before vintages.
    /// </summary>
    private async Task<IReadOnlyList<PlannedLine>> PlanAsync(IReadOnlyList<Observation> list, CancellationToken cancellationToken)
    {
        var anyUnknown = false;
        int? oldestNew = null;
        foreach (var o in list)
        {
            if (o.Published is { } published)
            {
                var number = PublishedDate.ToNumber(published);
                oldestNew = oldestNew is { } old ? Math.Min(old, number) : number;
            }
            else
            {
                anyUnknown = true;
            }
        }

        var (points, dated, newest) = await StoredRangeAsync(list, cancellationToken).ConfigureAwait(false);
        var needStored = points > 0 && ((anyUnknown && dated > 0) || (oldestNew is { } oldest && (points > dated || newest > oldest)));
        var stored = needStored ? await StoredLatestAsync(list, cancellationToken).ConfigureAwait(false) : null;

        // Within the batch, the newest vintage of a value wins (a file may carry several).
        Dictionary<(SeriesKey, Period), int>? winners = null;
        if (oldestNew is not null)
        {
            winners = new Dictionary<(SeriesKey, Period), int>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                var key = (list[i].Key, list[i].Period);
                if (!winners.TryGetValue(key, out var j) || PublishedDate.Compare(list[i].Published, list[j].Published) >= 0)
                {
                    winners[key] = i;
                }
            }
        }

        if (stored is null && winners is null)
        {
            return list.Select(o => new PlannedLine(o, Latest: true, Vintage: false)).ToArray();
        }

        var lines = new List<PlannedLine>(list.Count * 2);
        var copied = new HashSet<(SeriesKey, Period)>();
        for (var i = 0; i < list.Count; i++)
        {
            var o = list[i];
            var key = (o.Key, o.Period);
            var current = stored?.GetValueOrDefault(key);
            var latest = (winners is null || winners[key] == i) && (current is null || PublishedDate.Compare(o.Published, current.Published) >= 0);
            if (latest && o.Published is not null && current is { Published: null } && copied.Add(key))
            {
                lines.Add(new PlannedLine(current, Latest: false, Vintage: true));
            }

            if (latest || o.Published is not null)
            {
                lines.Add(new PlannedLine(o, latest, Vintage: o.Published is not null));
            }
        }

        return lines;
    }

    private static void RenderLine(LineBuilder line, PlannedLine planned)
    {
        if (planned.Latest)
        {
            Render(line, planned.Observation);
        }

        if (planned.Vintage)
        {
            RenderVintage(line, planned.Observation);
        }
    }

    /// <summary>A vintage point: the observation's tags plus its published date (none when unknown), tags in sorted order.</summary>
    public static void RenderVintage(LineBuilder line, Observation o)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(o);
        line.Measurement(InfluxSchema.VintageMeasurement)
            .Tag(InfluxSchema.FrequencyTag, InfluxSchema.FrequencyTagValue(o.Period.Frequency))
            .Tag(InfluxSchema.IndicatorTag, o.Indicator.Value);
        if (o.Published is { } published)
        {
            line.Tag(InfluxSchema.PublishedTag, PublishedDate.ToText(published));
        }

        line.Tag(InfluxSchema.RegionTag, o.Region.Value)
            .Tag(InfluxSchema.SectorTag, o.Sector.Value)
            .Field(InfluxSchema.ValueField, o.Value)
            .Field(InfluxSchema.SourceField, o.Source ?? string.Empty)
            .Field(InfluxSchema.NoteField, o.Note ?? string.Empty)
            .Field(InfluxSchema.QualityField, o.Quality.Id())
            .Timestamp(o.Period.Start.ToUnixTimeSeconds());
    }

    /// <summary>How many latest points the batch's range holds, how many of them are dated, and the newest date (yyyymmdd).</summary>
    private async Task<(long Points, long Dated, double? Newest)> StoredRangeAsync(IReadOnlyList<Observation> list, CancellationToken cancellationToken)
    {
        var query = RangeQuery(
            $"""SELECT count("{InfluxSchema.ValueField}") AS points, count("{InfluxSchema.PublishedField}") AS dated, max("{InfluxSchema.PublishedField}") AS newest FROM "{InfluxSchema.Measurement}" """,
            list,
            groupBy: null);
        var results = await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var series = results.SelectMany(r => r.Series).FirstOrDefault();
        if (series is null || series.Values.Count == 0)
        {
            return (0, 0, null);
        }

        var row = series.Values[0];
        int points = series.ColumnIndex("points"), dated = series.ColumnIndex("dated"), newest = series.ColumnIndex("newest");
        return ((long)(row[points] as double? ?? 0), (long)(row[dated] as double? ?? 0), row[newest] as double?);
    }

    /// <summary>The stored latest of every series and period in the batch's range (a superset of the batch's keys).</summary>
    private async Task<Dictionary<(SeriesKey, Period), Observation>> StoredLatestAsync(IReadOnlyList<Observation> list, CancellationToken cancellationToken)
    {
        var query = RangeQuery(
            $"""SELECT "{InfluxSchema.ValueField}", "{InfluxSchema.SourceField}", "{InfluxSchema.NoteField}", "{InfluxSchema.QualityField}", "{InfluxSchema.PublishedField}" FROM "{InfluxSchema.Measurement}" """,
            list,
            groupBy: $"""GROUP BY "{InfluxSchema.IndicatorTag}", "{InfluxSchema.RegionTag}", "{InfluxSchema.SectorTag}", "{InfluxSchema.FrequencyTag}" """);
        var stored = new Dictionary<(SeriesKey, Period), Observation>();
        foreach (var o in ParseRows(await client.QueryAsync(query, cancellationToken).ConfigureAwait(false), publishedFromTag: false))
        {
            stored[(o.Key, o.Period)] = o;
        }

        return stored;
    }

    /// <summary>A statement over the batch's indicators, sectors and regions and the span of its periods (every value bound).</summary>
    private static InfluxQuery RangeQuery(string select, IReadOnlyList<Observation> list, string? groupBy)
    {
        var indicators = list.Select(o => o.Indicator.Value).Distinct(StringComparer.Ordinal).ToArray();
        var sectors = list.Select(o => o.Sector.Value).Distinct(StringComparer.Ordinal).ToArray();
        var regions = list.Select(o => o.Region.Value).Distinct(StringComparer.Ordinal).ToArray();
        DateTimeOffset from = DateTimeOffset.MaxValue, to = DateTimeOffset.MinValue;
        foreach (var o in list)
        {
            from = o.Period.Start < from ? o.Period.Start : from;
            to = o.Period.Start > to ? o.Period.Start : to;
        }

        var text = new StringBuilder(select).Append("WHERE time >= $from AND time <= $to");
        AppendAny(text, InfluxSchema.IndicatorTag, "i", indicators.Length);
        AppendAny(text, InfluxSchema.SectorTag, "s", sectors.Length);
        AppendAny(text, InfluxSchema.RegionTag, "r", regions.Length);
        if (groupBy is not null)
        {
            text.Append(' ').Append(groupBy);
        }

        var query = new InfluxQuery(text.ToString()).Bind("from", from).Bind("to", to);
        BindAll(query, "i", indicators);
        BindAll(query, "s", sectors);
        BindAll(query, "r", regions);
        return query;
    }

    public async Task<IReadOnlyList<Observation>> ReadVintagesAsync(IReadOnlyCollection<IndicatorId> indicators, SectorId? sector, RegionCode? region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var ids = indicators.Select(i => i.Value).Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        InfluxQuery Statement(string measurement, bool withPublishedField, string groupBy)
        {
            var text = new StringBuilder(
                $"""SELECT "{InfluxSchema.ValueField}", "{InfluxSchema.SourceField}", "{InfluxSchema.NoteField}", "{InfluxSchema.QualityField}"{(withPublishedField ? $", \"{InfluxSchema.PublishedField}\"" : string.Empty)} FROM "{measurement}" WHERE time >= $from""");
            AppendAny(text, InfluxSchema.IndicatorTag, "i", ids.Length);
            text.Append(sector is null ? string.Empty : $" AND \"{InfluxSchema.SectorTag}\" = $sector");
            text.Append(region is null ? string.Empty : $" AND \"{InfluxSchema.RegionTag}\" = $region");
            text.Append(' ').Append(groupBy);
            var query = new InfluxQuery(text.ToString()).Bind("from", Period.OfYear(Period.MinYear).Start);
            BindAll(query, "i", ids);
            if (sector is { } s)
            {
                query.Bind("sector", s.Value);
            }

            if (region is { } r)
            {
                query.Bind("region", r.Value);
            }

            return query;
        }

        const string Tags = $"""GROUP BY "{InfluxSchema.IndicatorTag}", "{InfluxSchema.RegionTag}", "{InfluxSchema.SectorTag}", "{InfluxSchema.FrequencyTag}" """;
        var vintages = client.QueryAsync(Statement(InfluxSchema.VintageMeasurement, false, Tags + $", \"{InfluxSchema.PublishedTag}\""), cancellationToken);
        var latest = client.QueryAsync(Statement(InfluxSchema.Measurement, true, Tags), cancellationToken);
        var all = ParseRows(await vintages.ConfigureAwait(false), publishedFromTag: true).ToList();

        // Values stored before vintages existed have no vintage point: they count as published at an unknown date.
        all.AddRange(ParseRows(await latest.ConfigureAwait(false), publishedFromTag: false).Where(o => o.Published is null));
        return all;
    }

    private static IEnumerable<Observation> ParseRows(IReadOnlyList<InfluxStatementResult> results, bool publishedFromTag)
    {
        foreach (var series in results.SelectMany(r => r.Series))
        {
            if (!RegionCode.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.RegionTag), out var region)
                || !IndicatorId.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.IndicatorTag), out var indicator)
                || !SectorId.TryParse(series.Tags.GetValueOrDefault(InfluxSchema.SectorTag), out var sector))
            {
                continue; // Not written by us; ignore rather than fail the read.
            }

            var frequency = series.Tags.GetValueOrDefault(InfluxSchema.FrequencyTag) == InfluxSchema.FrequencyTagValue(Frequency.Monthly) ? Frequency.Monthly : Frequency.Annual;
            DateOnly? tagged = null;
            if (publishedFromTag && series.Tags.GetValueOrDefault(InfluxSchema.PublishedTag) is { Length: > 0 } text)
            {
                if (PublishedDate.TryParse(text, DateOnly.MaxValue, out var date) is not null)
                {
                    continue;
                }

                tagged = date;
            }

            int time = series.ColumnIndex("time"), value = series.ColumnIndex(InfluxSchema.ValueField), source = series.ColumnIndex(InfluxSchema.SourceField),
                note = series.ColumnIndex(InfluxSchema.NoteField), quality = series.ColumnIndex(InfluxSchema.QualityField), published = series.ColumnIndex(InfluxSchema.PublishedField);
            foreach (var row in series.Values)
            {
                if (row[time] is long epoch && row[value] is double v)
                {
                    yield return new Observation(indicator, region, sector, Period.FromStart(DateTimeOffset.FromUnixTimeSeconds(epoch), frequency), v, row[source] as string, note >= 0 ? row[note] as string : null, Quality(row, quality))
                    {
                        Published = publishedFromTag ? tagged : Published(row, published),
                    };
                }
            }
        }
    }

    private static void AppendAny(StringBuilder text, string tag, string prefix, int count)
    {
        text.Append(" AND (");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? string.Empty : " OR ").Append(CultureInfo.InvariantCulture, $"\"{tag}\" = ${prefix}{i}");
        }

        text.Append(')');
    }

    private static void BindAll(InfluxQuery query, string prefix, string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            query.Bind(string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}"), values[i]);
        }
    }
}
