using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Managed;
using PeakMonitor.Ingestion.Kpis;

namespace PeakMonitor.Cli.Commands;

/// <summary>
/// <c>peakmonitor revisions --region R [--indicator I]</c>: every revision of the region's stored values
/// (old → new, both published dates, source) and the KPI statuses it flipped (<see cref="KpiRevisions"/>).
/// </summary>
internal static class RevisionsCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(GlobalOptions globals, TextWriter stdout, TextWriter stderr)
    {
        var region = new Option<string>("--region") { Description = "CN or a two-digit province code (11 … 65).", Required = true };
        var indicator = new Option<string?>("--indicator") { Description = "One indicator id, e.g. gdp_real (default: all)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("revisions", "List the revisions of a region's stored values (old → new, published dates, source) and the KPI statuses each flipped.")
        {
            region, indicator, format,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                var code = RegionCode.TryParse(parsed.GetValue(region), out var c) ? c
                    : throw new ArgumentException($"--region '{parsed.GetValue(region)}' is not a region: use CN or a two-digit code (11 … 65).");
                IndicatorId? id = parsed.GetValue(indicator) is { } text
                    ? IndicatorId.TryParse(text, out var i) ? i : throw new ArgumentException($"--indicator '{text}' is not an indicator id; known: {string.Join(", ", IndicatorCatalog.All.Select(x => x.Id.Value))}.")
                    : null;
                var host = globals.BuildHost(parsed);
                await using var disposeHost = (IAsyncDisposable)host;
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
                IReadOnlyList<RevisionImpact> impacts;
                try
                {
                    impacts = await host.Services.GetRequiredService<KpiRevisions>().ForAsync(code, id, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
                }

                await stdout.WriteAsync(parsed.GetValue(format) == "json" ? JsonSerializer.Serialize(impacts.Select(RevisionRow.Of), Json) + "\n" : Table(code, impacts)).ConfigureAwait(false);
                return 0;
            }
            catch (ArgumentException ex)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return IngestCommand.InvalidInput;
            }
            catch (Exception ex) when (ex is InfluxException or InfluxdNotInstalledException or OptionsValidationException)
            {
                await stderr.WriteLineAsync("Error: " + ex.Message).ConfigureAwait(false);
                return IngestCommand.StoreUnavailable;
            }
        });
        return command;
    }

    private static string Table(RegionCode code, IReadOnlyList<RevisionImpact> impacts)
    {
        var inv = CultureInfo.InvariantCulture;
        var r = RegionCatalog.Get(code);
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(inv, $"数据修订 Revisions · {r.ShortNameZh} {r.NameEn} ({code.Value}) · {impacts.Count}"));
        foreach (var impact in impacts)
        {
            var (old, now) = (impact.Revision.Old, impact.Revision.New);
            sb.AppendLine(string.Create(inv, $"{now.Indicator.Value} {now.Sector.Value} {now.Period}: {old.Value:N1} ({PublishedDate.ToText(old.Published) ?? "日期不详 unknown date"}) → {now.Value:N1} ({PublishedDate.ToText(now.Published)}) {now.Unit} · {now.Source ?? "—"}"));
            foreach (var flip in impact.Flips)
            {
                sb.AppendLine(string.Create(inv, $"    {flip.Kpi}/{flip.Track} {flip.Year}: {flip.Before.Zh()} {flip.Before.Id()} → {flip.After.Zh()} {flip.After.Id()}"));
            }

            if (impact.Flips.Count == 0)
            {
                sb.AppendLine("    无状态变化 no status flipped");
            }
        }

        return sb.ToString();
    }

    /// <summary>One revision as JSON (the revisions API and page show the same fields).</summary>
    internal sealed record RevisionRow(
        string Region, string Indicator, string Sector, string Period, string Unit, double OldValue, double NewValue,
        string? OldPublished, string NewPublished, string? OldSource, string? Source, string? Note, IReadOnlyList<FlipRow> Flips)
    {
        public static RevisionRow Of(RevisionImpact impact)
        {
            var (old, now) = (impact.Revision.Old, impact.Revision.New);
            return new RevisionRow(
                now.Region.Value, now.Indicator.Value, now.Sector.Value, now.Period.ToString(), now.Unit, old.Value, now.Value,
                PublishedDate.ToText(old.Published), PublishedDate.ToText(now.Published!.Value), old.Source, now.Source, now.Note,
                impact.Flips.Select(f => new FlipRow(f.Kpi, f.Track, f.Year, f.Before.Id(), f.After.Id())).ToArray());
        }
    }

    internal sealed record FlipRow(string Kpi, string Track, int Year, string Before, string After);
}
