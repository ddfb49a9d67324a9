using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Pdf;

namespace PeakMonitor.Reports.Assessment;

[Flags]
public enum ReportFormats
{
    None = 0,
    Pdf = 1,
    Xlsx = 2,
    Html = 4,
    Docx = 8,
}

/// <summary>A written report file and its fingerprint (for the archive), with the report's overall grade and what kept it from one.</summary>
public sealed record ReportFile(string Path, RegionCode Region, ReportFormats Format, long Bytes, string Sha256)
{
    public AssessmentGrade? OverallGrade { get; init; }

    /// <summary>The binding KPIs without data (their names in the report's language).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}

/// <summary>Where a batch stands, for progress bars.</summary>
public sealed record ReportProgress(int Done, int Total, string Current);

/// <summary>
/// Generates assessment reports in one step from the one set of KPI results (<see cref="IKpiResults"/>,
/// with the configured targets file), then HTML, PDF (one shared browser for a whole batch) and the
/// Excel annex per region. Each report carries the outlook (probabilities, fan, peak test) as of its
/// year, with the configured outlook settings (section <c>Outlook</c>), as the dashboard and the CLI use them.
/// </summary>
public sealed class ReportGenerator(IKpiResults kpis, ITimeSeriesReader reader, HtmlPdfRenderer pdf, IOptions<ReportsOptions> options, TimeProvider time, IPolicyEvents? policyEvents = null, IOptions<OutlookOptions>? outlookOptions = null)
{
    private readonly OutlookModel _outlook = new(outlookOptions?.Value);

    private static readonly IndicatorId[] SectorIndicators = [IndicatorId.Parse("energy_total"), IndicatorId.Parse("co2_energy")];

    public async Task<IReadOnlyList<ReportFile>> GenerateAsync(
        int year, IReadOnlyList<RegionCode> regions, bool english, ReportFormats formats, string outputDirectory, IProgress<ReportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(regions);
        Directory.CreateDirectory(outputDirectory);
        var set = await kpis.GetAsync(cancellationToken).ConfigureAwait(false);
        var echarts = File.Exists(options.Value.EchartsScript) ? await File.ReadAllTextAsync(options.Value.EchartsScript, cancellationToken).ConfigureAwait(false) : null;
        // The decomposition's inputs for every region in one read (population is no KPI input, so not in the KPI set's panel).
        var kaya = await Domain.Decomposition.KayaPanelLoader.LoadAsync(reader, cancellationToken).ConfigureAwait(false);
        var events = policyEvents is null ? [] : await policyEvents.GetAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<ReportFile>();
        var done = 0;
        foreach (var region in regions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ReportProgress(done, regions.Count, region.Value));
            var sectors = await reader.ReadSectorsAsync(SectorIndicators, region, cancellationToken).ConfigureAwait(false);
            var report = AssessmentReportBuilder.Build(year, region, english, set, sectors, time.GetUtcNow(), kaya, events, _outlook);
            var stem = Path.Combine(outputDirectory, $"peakmonitor-assessment-{year}-{region.Value}-{(english ? "en" : "zh")}");
            var html = ReportHtml.Render(report, echarts);
            var verdict = (Grade: report.OverallGrade, Missing: report.Missing.Select(l => english ? l.Kpi.NameEn + Localization.KpiText.Track(l.Track, new Localization.UiLanguage { English = true }) : l.Kpi.NameZh + Localization.KpiText.Track(l.Track, new Localization.UiLanguage())).ToArray());
            var first = files.Count;
            if (formats.HasFlag(ReportFormats.Html))
            {
                files.Add(await SaveAsync(stem + ".html", System.Text.Encoding.UTF8.GetBytes(html), region, ReportFormats.Html, cancellationToken).ConfigureAwait(false));
            }

            if (formats.HasFlag(ReportFormats.Pdf))
            {
                var footer = english ? $"PeakMonitor · {year} assessment · {RegionCatalog.Get(region).NameEn}" : $"碳达峰监测平台 · {year}年度评估 · {RegionCatalog.Get(region).NameZh}";
                files.Add(await SaveAsync(stem + ".pdf", await pdf.RenderAsync(html, footer, cancellationToken).ConfigureAwait(false), region, ReportFormats.Pdf, cancellationToken).ConfigureAwait(false));
            }

            if (formats.HasFlag(ReportFormats.Xlsx))
            {
                files.Add(await SaveAsync(stem + ".xlsx", ReportWorkbook.Write(report), region, ReportFormats.Xlsx, cancellationToken).ConfigureAwait(false));
            }

            if (formats.HasFlag(ReportFormats.Docx))
            {
                files.Add(await SaveAsync(stem + ".docx", Word.ReportDocx.Write(report), region, ReportFormats.Docx, cancellationToken).ConfigureAwait(false));
            }

            for (var i = first; i < files.Count; i++)
            {
                files[i] = files[i] with { OverallGrade = verdict.Grade, Missing = verdict.Missing };
            }

            progress?.Report(new ReportProgress(++done, regions.Count, region.Value));
        }

        return files;
    }

    private static async Task<ReportFile> SaveAsync(string path, byte[] bytes, RegionCode region, ReportFormats format, CancellationToken cancellationToken)
    {
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        return new ReportFile(path, region, format, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
