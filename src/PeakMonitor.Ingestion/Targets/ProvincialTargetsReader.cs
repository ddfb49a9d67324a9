using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Targets;

/// <summary>
/// Reads provincial targets (from provincial plans: 规划纲要, 节能减排综合工作实施方案, 碳达峰实施方案 …):
/// <c>kpi,region,baseline_year,target_year,target,modality[,track,binding,document,issuer,published,url,quote,note,source]</c>.
/// Modality is one of firm, about, at_least, at_most, aspirational; binding is binding (约束性),
/// indicative (预期性) or empty (not stated). A target is a claim: every row names the document it
/// comes from and where it was found (<c>document</c> and <c>url</c>; <c>source</c>, the older
/// free-text column, still counts as the document). Like data files, a targets file is accepted
/// whole or rejected with every bad row listed.
/// </summary>
public static class ProvincialTargetsReader
{
    private static readonly string[] Required = ["kpi", "region", "baseline_year", "target_year", "target", "modality"];
    private static readonly string[] Optional = ["track", "binding", "document", "issuer", "published", "url", "quote", "note", "source"];

    private static readonly Dictionary<string, TargetNature> Natures = new(StringComparer.Ordinal)
    {
        [string.Empty] = TargetNature.Unspecified,
        ["binding"] = TargetNature.Binding,
        ["indicative"] = TargetNature.Indicative,
    };

    private static readonly Dictionary<string, TargetModality> Modalities = new(StringComparer.Ordinal)
    {
        ["firm"] = TargetModality.Firm,
        ["about"] = TargetModality.About,
        ["at_least"] = TargetModality.AtLeast,
        ["at_most"] = TargetModality.AtMost,
        ["aspirational"] = TargetModality.Aspirational,
    };

    /// <summary>
    /// Reads the configured provincial targets file, or none when no file is configured or it is absent:
    /// provincial targets are optional, national targets from the catalogue still apply (see
    /// <c>KpiOptions.ProvincialTargetsFile</c>). A file that exists but is malformed still throws.
    /// </summary>
    public static async Task<IReadOnlyList<ProvincialTarget>> ReadOptionalAsync(string? path, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(path) && File.Exists(path)
            ? await ReadFileAsync(path, cancellationToken).ConfigureAwait(false)
            : [];

    public static async Task<IReadOnlyList<ProvincialTarget>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new CsvImportException([new CsvRowError(name, 0, "-", null, $"file not found: {path}")]);
        }

        using var text = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(text, name, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<ProvincialTarget>> ReadAsync(TextReader text, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CsvRowError>();
        var targets = new List<ProvincialTarget>();
        var seen = new Dictionary<(string, RegionCode, string, int), int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = args => errors.Add(new CsvRowError(fileName, args.Context.Parser?.RawRow ?? 0, "-", null, "malformed quoting")),
        };
        using var parser = new CsvParser(text, config);
        Dictionary<string, int>? columns = null;
        try
        {
            while (await parser.ReadAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var line = parser.RawRow;
                var record = parser.Record ?? [];
                if (columns is null)
                {
                    columns = Header(record, fileName, line, errors);
                    if (columns is null)
                    {
                        break;
                    }

                    continue;
                }

                if (record.Length != columns.Count)
                {
                    errors.Add(new CsvRowError(fileName, line, "-", null, $"has {record.Length} fields; the header has {columns.Count}"));
                    continue;
                }

                if (Row(record, columns, fileName, line, errors) is { } target)
                {
                    var key = (target.Kpi, target.Region, target.Target.Track, target.Target.TargetYear);
                    if (seen.TryGetValue(key, out var first))
                    {
                        errors.Add(new CsvRowError(fileName, line, "target_year", target.Target.TargetYear.ToString(CultureInfo.InvariantCulture), $"duplicate of line {first} (same kpi, region, track and target year)"));
                    }
                    else
                    {
                        seen[key] = line;
                        targets.Add(target);
                    }
                }
            }
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new CsvRowError(fileName, parser.RawRow, "-", null, "the file is not valid UTF-8 (save it as UTF-8)"));
        }

        if (errors.Count > 0)
        {
            throw new CsvImportException(errors);
        }

        return targets;
    }

    private static Dictionary<string, int>? Header(string[] header, string file, int line, List<CsvRowError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                errors.Add(new CsvRowError(file, line, name, null, $"unknown column; allowed: {string.Join(", ", Required.Concat(Optional))}"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new CsvRowError(file, line, name, null, "column appears twice"));
            }
        }

        foreach (var missing in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new CsvRowError(file, line, missing, null, "required column is missing"));
        }

        return errors.Count == 0 ? columns : null;
    }

    private static ProvincialTarget? Row(string[] record, Dictionary<string, int> columns, string file, int line, List<CsvRowError> errors)
    {
        var before = errors.Count;
        string Cell(string column) => columns.TryGetValue(column, out var i) ? record[i].Trim() : string.Empty;
        void Error(string column, string reason) => errors.Add(new CsvRowError(file, line, column, Cell(column), reason));

        if (!KpiCatalog.TryGet(Cell("kpi"), out var kpi))
        {
            Error("kpi", "unknown KPI id");
        }

        if (!RegionCode.TryParse(Cell("region"), out var region) || region.IsNational)
        {
            Error("region", "not a province: use a two-digit GB/T 2260 code (11 … 65); national targets come from the plan");
        }

        var baselineOk = Period.TryParseYear(Cell("baseline_year"), out var baselineYear);
        if (!baselineOk)
        {
            Error("baseline_year", "not " + Period.YearRule);
        }

        var targetYearOk = Period.TryParseYear(Cell("target_year"), out var targetYear);
        if (!targetYearOk)
        {
            Error("target_year", "not " + Period.YearRule);
        }
        else if (baselineOk && targetYear <= baselineYear)
        {
            Error("target_year", "must come after the baseline year");
        }

        if (!double.TryParse(Cell("target"), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error("target", "not a number: digits with '.' for decimals");
        }

        if (!Modalities.TryGetValue(Cell("modality"), out var modality))
        {
            Error("modality", $"use one of {string.Join(", ", Modalities.Keys)}");
        }

        var track = Cell("track");
        if (kpi is not null && track.Length > 0 && !kpi.Tracks.Contains(track) && track != KpiTracks.Incentive)
        {
            Error("track", $"{kpi.Id} has the tracks {string.Join(", ", kpi.Tracks.Append(KpiTracks.Incentive))}");
        }

        if (!Natures.TryGetValue(Cell("binding"), out var nature))
        {
            Error("binding", "use binding (约束性), indicative (预期性) or leave it empty (not stated)");
        }

        var document = Cell("document").Length > 0 ? Cell("document") : Cell("source");
        if (document.Length == 0)
        {
            Error("document", "name the document the target comes from (document, or source)");
        }

        var url = Cell("url");
        if (url.Length > 0 && !(Uri.TryCreate(url, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)))
        {
            Error("url", "not an http(s) address");
        }

        var published = Cell("published");
        if (published.Length > 0 && !IsDate(published))
        {
            Error("published", "use YYYY, YYYY-MM or YYYY-MM-DD");
        }

        if (errors.Count > before || kpi is null)
        {
            return null;
        }

        var issuer = Cell("issuer");
        var cited = string.Join("，", new[] { issuer, published }.Where(p => p.Length > 0));
        var source = cited.Length > 0 ? $"{document}（{cited}）" : document;
        var incentive = track == KpiTracks.Incentive;
        var target = new KpiTarget(baselineYear, targetYear, value, modality, track.Length > 0 ? track : kpi.MainTrack)
        {
            Origin = TargetOrigin.Provincial,
            Subject = TargetSubject.Province,
            Source = source,
            SourceUrl = url.Length > 0 ? url : null,
            Nature = nature,
            NatureSource = nature == TargetNature.Unspecified ? null : source,

            // A 激励目标 is shown beside the basic target, never graded: the 考核 grades the basic one.
            Graded = !incentive,
        };
        return new ProvincialTarget(kpi.Id, region, target);
    }

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
