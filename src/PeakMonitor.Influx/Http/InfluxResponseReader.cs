using System.Text.Json;

namespace PeakMonitor.Influx.Http;

/// <summary>
/// Reads InfluxDB v1 /query responses: one JSON document, or with <c>chunked=true</c> one document
/// per line, where a series marked <c>partial</c> continues in the next chunk. Errors at the top
/// level or inside a statement are reported, not swallowed.
/// </summary>
internal static class InfluxResponseReader
{
    public static async Task<IReadOnlyList<InfluxStatementResult>> ReadAsync(Stream body, Uri server, string queryText, CancellationToken cancellationToken)
    {
        var statements = new SortedDictionary<int, InfluxStatementResult>();

        // Series continued across chunks are found by statement, name and tags.
        var open = new Dictionary<string, InfluxSeries>(StringComparer.Ordinal);

        // String cells repeat on nearly every row (source, quality): one instance each per response, not one per row.
        // Times too: every series of a frequency has the same periods, so one boxed value per instant.
        var strings = new HashSet<string>(StringComparer.Ordinal);
        var times = new Dictionary<long, object>();
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new InfluxException($"InfluxDB at {server} sent a response that is not JSON for query '{queryText}': {ex.Message}", server, ex);
            }

            using (doc)
            {
                ReadChunk(doc.RootElement, statements, open, new Cells(strings, times), server, queryText);
            }
        }

        return statements.Values.ToArray();
    }

    private static void ReadChunk(JsonElement root, SortedDictionary<int, InfluxStatementResult> statements, Dictionary<string, InfluxSeries> open, Cells pools, Uri server, string queryText)
    {
        if (root.TryGetProperty("error", out var topError))
        {
            throw new InfluxQueryException($"InfluxDB at {server} rejected query '{queryText}': {topError.GetString()}", server, -1, topError.GetString() ?? string.Empty);
        }

        if (!root.TryGetProperty("results", out var results))
        {
            return;
        }

        foreach (var result in results.EnumerateArray())
        {
            var id = result.TryGetProperty("statement_id", out var sid) ? sid.GetInt32() : 0;
            if (result.TryGetProperty("error", out var error))
            {
                var message = error.GetString() ?? string.Empty;
                throw new InfluxQueryException($"InfluxDB at {server} failed statement {id} of query '{queryText}': {message}", server, id, message);
            }

            if (!statements.TryGetValue(id, out var statement))
            {
                statements[id] = statement = new InfluxStatementResult(id);
            }

            if (!result.TryGetProperty("series", out var seriesArray))
            {
                continue;
            }

            foreach (var s in seriesArray.EnumerateArray())
            {
                ReadSeries(s, id, statement, open, pools);
            }
        }
    }

    private static void ReadSeries(JsonElement s, int statementId, InfluxStatementResult statement, Dictionary<string, InfluxSeries> open, Cells pools)
    {
        var name = s.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (s.TryGetProperty("tags", out var t))
        {
            foreach (var p in t.EnumerateObject())
            {
                tags[p.Name] = p.Value.GetString() ?? string.Empty;
            }
        }

        var key = string.Join('\u001f', [statementId.ToString(System.Globalization.CultureInfo.InvariantCulture), name, .. tags.Select(kv => kv.Key + "=" + kv.Value)]);
        if (!open.TryGetValue(key, out var series))
        {
            var columns = s.TryGetProperty("columns", out var c) ? c.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToArray() : [];
            series = new InfluxSeries(name, tags, columns);
            statement.Series.Add(series);
            open[key] = series;
        }

        if (s.TryGetProperty("values", out var values))
        {
            var timeColumn = series.ColumnIndex("time");
            foreach (var row in values.EnumerateArray())
            {
                var cells = new object?[series.Columns.Count];
                var i = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    if (i < cells.Length)
                    {
                        cells[i] = Cell(cell, i == timeColumn, pools);
                    }

                    i++;
                }

                series.Values.Add(cells);
            }
        }
    }

    private sealed record Cells(HashSet<string> Strings, Dictionary<long, object> Times);

    private static object? Cell(JsonElement cell, bool isTime, Cells pools) => cell.ValueKind switch
    {
        JsonValueKind.Number when isTime && cell.TryGetInt64(out var epoch) => Time(epoch, pools.Times),
        JsonValueKind.Number => cell.GetDouble(),
        JsonValueKind.String => Pooled(cell.GetString()!, pools.Strings),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static object Time(long epoch, Dictionary<long, object> times)
    {
        if (!times.TryGetValue(epoch, out var boxed))
        {
            times[epoch] = boxed = epoch;
        }

        return boxed;
    }

    /// <summary>Long strings (notes) are rarely repeated and would only grow the pool.</summary>
    private static string Pooled(string value, HashSet<string> strings)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (value.Length > 256)
        {
            return value;
        }

        if (strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        strings.Add(value);
        return value;
    }
}
