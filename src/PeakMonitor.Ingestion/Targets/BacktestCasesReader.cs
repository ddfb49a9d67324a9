using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Targets;

/// <summary>
/// Reads the past plans' targets and outcomes (seed-data/backtest/fyp-outcomes.csv): one row per plan
/// and KPI with the as-of year of the backtest, the target's document and address, and the outcome's;
/// an empty outcome is a case without a retrieved official figure. Every bad row is reported at once.
/// </summary>
public static class BacktestCasesReader
{
    public static readonly string DefaultPath = Path.Combine("seed-data", "backtest", "fyp-outcomes.csv");

    private static readonly string[] Columns = ["plan", "kpi", "baseline_year", "target_year", "target", "as_of", "outcome", "target_source", "target_url", "outcome_source", "outcome_url", "note"];

    public static async Task<IReadOnlyList<BacktestCase>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new CsvImportException([new CsvRowError(name, 0, "-", null, $"file not found: {path}")]);
        }

        using var text = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return await ReadAsync(text, name, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<BacktestCase>> ReadAsync(TextReader text, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<CsvRowError>();
        var cases = new List<BacktestCase>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = args => errors.Add(new CsvRowError(fileName, args.Context.Parser?.RawRow ?? 0, "-", null, "malformed quoting")),
        };
        using var parser = new CsvParser(text, config);
        var header = true;
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = parser.RawRow;
            var r = parser.Record ?? [];
            if (header)
            {
                header = false;
                if (!r.SequenceEqual(Columns, StringComparer.Ordinal))
                {
                    errors.Add(new CsvRowError(fileName, line, "-", null, "the header must be: " + string.Join(",", Columns)));
                    break;
                }

                continue;
            }

            if (r.Length != Columns.Length)
            {
                errors.Add(new CsvRowError(fileName, line, "-", null, $"has {r.Length} fields; the header has {Columns.Length}"));
                continue;
            }

            int? Int(int i) => int.TryParse(r[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
            double? Num(int i) => double.TryParse(r[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
            string? Text(int i) => string.IsNullOrWhiteSpace(r[i]) ? null : r[i];
            var before = errors.Count;
            if (!BacktestCase.Kinds.Contains(r[1]))
            {
                errors.Add(new CsvRowError(fileName, line, "kpi", r[1], "must be one of " + string.Join(", ", BacktestCase.Kinds)));
            }

            foreach (var (i, column) in new[] { (2, "baseline_year"), (3, "target_year"), (5, "as_of") })
            {
                if (Int(i) is null)
                {
                    errors.Add(new CsvRowError(fileName, line, column, r[i], "is not a year"));
                }
            }

            if (Num(4) is null)
            {
                errors.Add(new CsvRowError(fileName, line, "target", r[4], "is not a number"));
            }

            if (Text(6) is not null && Num(6) is null)
            {
                errors.Add(new CsvRowError(fileName, line, "outcome", r[6], "is not a number (leave it empty when no source gives it)"));
            }

            if (Text(7) is null || Text(8) is null)
            {
                errors.Add(new CsvRowError(fileName, line, "target_source", r[7], "a target needs its document and address"));
            }

            if (Text(6) is not null && (Text(9) is null || Text(10) is null))
            {
                errors.Add(new CsvRowError(fileName, line, "outcome_source", r[9], "an outcome needs its document and address"));
            }

            if (errors.Count == before && !(Int(2) < Int(5) && Int(5) < Int(3)))
            {
                errors.Add(new CsvRowError(fileName, line, "as_of", r[5], "must lie after baseline_year and before target_year"));
            }

            if (errors.Count == before)
            {
                cases.Add(new BacktestCase(r[0], r[1], Int(2)!.Value, Int(3)!.Value, Num(4)!.Value, Int(5)!.Value, Num(6), r[7], r[8], Text(9), Text(10), Text(11)));
            }
        }

        return errors.Count > 0 ? throw new CsvImportException(errors) : cases;
    }
}
