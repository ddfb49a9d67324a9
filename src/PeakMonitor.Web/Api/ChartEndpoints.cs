using System.Globalization;
using System.Security.Cryptography;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Web.Dashboard;

// In the app's root namespace, as ApiEndpoints: WebExtensions wires it with one line.
namespace PeakMonitor.Web;

/// <summary>
/// The dashboard's charts as images: <c>GET /api/charts/{chart}.png|.svg</c>, drawn on the server by
/// ScottPlot from the same chart models the pages give ECharts. Under <c>/api</c>, so with the API's
/// rules: any signed-in user or API token (viewer rights), the API read limits, <c>no-store</c> for
/// browsers and proxies. Rendered images are kept in memory per KPI snapshot and query, and carry an
/// ETag (a hash of the bytes): a client that sends it back in If-None-Match gets 304.
/// </summary>
public static class ChartEndpoints
{
    /// <summary>The charts there are, by route name.</summary>
    public static readonly IReadOnlyList<string> Charts = ["trajectory", "ranking", "sectors"];

    /// <summary>The sector page's indicators, read in one query (and kept under the page's cache key).</summary>
    public static readonly IndicatorId[] SectorIndicators = [IndicatorId.Parse("energy_total"), IndicatorId.Parse("co2_energy"), IndicatorId.Parse("value_added")];

    public static WebApplication MapChartEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/charts/{file}", GetChartAsync)
            .WithTags("PeakMonitor")
            .WithName("GetChartImage")
            .WithSummary("A dashboard chart as a PNG or SVG image (ScottPlot, Noto Sans CJK SC)")
            .WithDescription(
                "file is trajectory|ranking|sectors followed by .png or .svg. trajectory: kpi (id or id:track, required), region (CN or a two-digit GB/T 2260 code; default CN), year (default: the page year). "
                + "ranking: the 31 provinces for kpi and year, coloured by status. sectors: region, indicator (energy_total|co2_energy|value_added; default energy_total), sector (parent sector; default all). "
                + $"All: lang zh|en (default: the language cookie, else zh), width {ChartImages.MinWidth}–{ChartImages.MaxWidth} (default {ChartImages.DefaultWidth}), height {ChartImages.MinHeight}–{ChartImages.MaxHeight} (default {ChartImages.DefaultHeight}). "
                + "Answers carry an ETag; If-None-Match with it gives 304.")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/png", "image/svg+xml")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The link to a trajectory image, for the pages' download links.</summary>
    public static string TrajectoryUrl(KpiDefinition kpi, string track, RegionCode region, int year, UiLanguage lang, string format = "png")
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(lang);
        return string.Create(CultureInfo.InvariantCulture, $"/api/charts/trajectory.{format}?kpi={Uri.EscapeDataString(KpiParameter(kpi, track))}&region={region.Value}&year={year}&lang={lang.Code}");
    }

    public static string RankingUrl(KpiDefinition kpi, string track, int year, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(lang);
        return string.Create(CultureInfo.InvariantCulture, $"/api/charts/ranking.png?kpi={Uri.EscapeDataString(KpiParameter(kpi, track))}&year={year}&lang={lang.Code}&height=700");
    }

    public static string SectorsUrl(RegionCode region, IndicatorId indicator, SectorId sector, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return $"/api/charts/sectors.png?region={region.Value}&indicator={indicator.Value}&sector={Uri.EscapeDataString(sector.Value)}&lang={lang.Code}";
    }

    private static string KpiParameter(KpiDefinition kpi, string track) => track == KpiTracks.Main ? kpi.Id : $"{kpi.Id}:{track}";

    private static async Task<IResult> GetChartAsync(
        string file, string? kpi, string? region, string? year, string? lang, string? width, string? height, string? indicator, string? sector,
        Ingestion.Kpis.IOutlookResults outlooks, ITimeSeriesReader reader, ReadCache readCache, ChartImageCache images, UiLanguage pageLanguage, HttpContext context, CancellationToken cancellationToken)
    {
        var dot = file.LastIndexOf('.');
        var chart = dot > 0 ? file[..dot] : file;
        ChartImageFormat? format = dot > 0 ? file[(dot + 1)..] switch { "png" => ChartImageFormat.Png, "svg" => ChartImageFormat.Svg, _ => null } : null;
        if (!Charts.Contains(chart) || format is null)
        {
            return TypedResults.Problem(
                title: "No such chart",
                detail: $"{ApiEndpoints.Shown(file)} is not a chart image: use {string.Join(", ", Charts.Select(c => c + ".png"))} (or .svg).",
                statusCode: StatusCodes.Status404NotFound);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var w = Size("width", width, ChartImages.DefaultWidth, ChartImages.MinWidth, ChartImages.MaxWidth, errors);
        var h = Size("height", height, ChartImages.DefaultHeight, ChartImages.MinHeight, ChartImages.MaxHeight, errors);
        var language = lang?.Trim() switch
        {
            null or "" => new UiLanguage { English = pageLanguage.English },
            "zh" => new UiLanguage(),
            "en" => new UiLanguage { English = true },
            _ => null,
        };
        if (language is null)
        {
            errors["lang"] = [$"{ApiEndpoints.Shown(lang)} is not a language: use zh or en."];
        }

        var regionCode = RegionCode.National;
        if (!string.IsNullOrEmpty(region) && !RegionCode.TryParse(region, out regionCode))
        {
            errors["region"] = [$"{ApiEndpoints.Shown(region)} is not a region code: use CN or a two-digit GB/T 2260 code (11 … 65)."];
        }

        KpiDefinition? definition = null;
        var track = KpiTracks.Main;
        if (chart is "trajectory" or "ranking")
        {
            var parts = (kpi ?? string.Empty).Trim().Split(':', 2);
            if (string.IsNullOrEmpty(kpi))
            {
                errors["kpi"] = ["kpi is required (a KPI id, or id:track; see /api/catalog)."];
            }
            else if (!KpiCatalog.TryGet(parts[0], out definition) || !definition.HasDataSource)
            {
                errors["kpi"] = [$"{ApiEndpoints.Shown(kpi)} is not a computed KPI of the catalogue; see /api/catalog for the ids."];
            }
            else if (parts.Length > 1 && !definition.Tracks.Contains(parts[1]))
            {
                errors["kpi"] = [$"{ApiEndpoints.Shown(kpi)}: the KPI has no such track (tracks: {string.Join(", ", definition.Tracks)})."];
            }
            else
            {
                track = parts.Length > 1 ? parts[1] : definition.Tracks.First();
            }
        }

        int? yearValue = null;
        if (!string.IsNullOrEmpty(year))
        {
            if (Period.TryParseYear(year, out var y))
            {
                yearValue = y;
            }
            else
            {
                errors["year"] = [$"{ApiEndpoints.Shown(year)} is not {Period.YearRule}."];
            }
        }

        var indicatorId = SectorIndicators[0];
        if (chart == "sectors" && !string.IsNullOrEmpty(indicator) && (!IndicatorId.TryParse(indicator, out indicatorId) || !SectorIndicators.Contains(indicatorId)))
        {
            errors["indicator"] = [$"{ApiEndpoints.Shown(indicator)} is not a sector indicator: use {string.Join(", ", SectorIndicators.Select(i => i.Value))}."];
        }

        if (!SectorId.TryParse(sector, out var parent))
        {
            errors["sector"] = [$"{ApiEndpoints.Shown(sector)} is not a sector id; see /api/catalog for the ids."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        KpiResultSet set;
        Ingestion.Kpis.OutlookSet outlookSet;
        try
        {
            // The outlooks follow the KPI results: their set carries the results they were computed from, so chart and fan agree.
            outlookSet = await outlooks.GetAsync(cancellationToken);
            set = outlookSet.Results;
        }
        catch (StoreException ex)
        {
            return ApiEndpoints.StoreUnavailable(ex);
        }

        if (yearValue is { } asked && !set.Years.Contains(asked))
        {
            return TypedResults.Problem(title: "No results for that year", detail: $"The stored data have KPI results for {(set.Years.Count > 0 ? $"{set.Years[0]}–{set.Years[^1]}" : "no year")}.", statusCode: StatusCodes.Status404NotFound);
        }

        var pageYear = yearValue ?? PageYear.Of(set, null);
        var key = string.Join('|', chart, format, definition?.Id, track, regionCode.Value, pageYear, language!.Code, w, h, indicatorId.Value, parent.Value, set.ComputedAt.UtcTicks);
        if (!images.TryGet(key, out var rendered))
        {
            ChartModel? model;
            try
            {
                model = chart switch
                {
                    "trajectory" => ChartModels.Trajectory(definition!, set.Series(definition!.Id, track, regionCode).Where(r => r.Year <= pageYear).ToArray(), language, Title(definition!, track, regionCode, language), Fan(outlookSet, definition!, track, regionCode, pageYear)),
                    "ranking" => ChartModels.Ranking(definition!, RegionCatalog.Provinces.Select(p => (p.Code, set.At(definition!.Id, track, p.Code, pageYear))).ToArray(), language,
                        KpiText.Name(definition!, track, language) + " · " + language.T($"{pageYear}年各省", $"provinces, {pageYear}")),
                    _ => ChartModels.SectorStack(
                        await readCache.GetAsync("sectors:" + regionCode.Value, () => reader.ReadSectorsAsync(SectorIndicators, regionCode, cancellationToken)),
                        indicatorId, parent, language, SectorTitle(indicatorId, parent, regionCode, language)),
                };
            }
            catch (StoreException ex)
            {
                return ApiEndpoints.StoreUnavailable(ex);
            }

            if (model is null || model.Series.All(s => s.Values.All(v => v is null)))
            {
                return TypedResults.Problem(title: "No data for this chart", detail: "The stored data have no values for this chart's region, KPI and year.", statusCode: StatusCodes.Status404NotFound);
            }

            var bytes = ChartImages.Render(model, format.Value, w, h);
            rendered = (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"");
            images.Set(key, rendered.Bytes, rendered.ETag);
        }

        context.Response.Headers.ETag = rendered.ETag;
        if (context.Request.Headers.IfNoneMatch.Any(v => v == rendered.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var name = $"peakmonitor-{chart}-{definition?.Id ?? indicatorId.Value}-{regionCode.Value}-{pageYear}-{language.Code}.{(format == ChartImageFormat.Svg ? "svg" : "png")}";
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
        return TypedResults.File(rendered.Bytes, ChartImages.ContentType(format.Value));
    }

    /// <summary>
    /// The fan the pages draw on the same chart (Overview, ProvinceDetail): the outlook as of its latest year,
    /// shown from that year on; an earlier year's chart has none, so an image never shows later data than its year.
    /// </summary>
    private static Domain.Outlook.KpiOutlook? Fan(Ingestion.Kpis.OutlookSet outlooks, KpiDefinition kpi, string track, RegionCode region, int year) =>
        outlooks.Of(kpi.Id, track, region) is { } o && year >= o.AsOfYear ? o : null;

    private static string Title(KpiDefinition kpi, string track, RegionCode region, UiLanguage lang)
    {
        var r = RegionCatalog.Get(region);
        return $"{lang.T(r.ShortNameZh, r.NameEn)} · {KpiText.Name(kpi, track, lang)}（{KpiText.Unit(kpi.Unit, lang)}）";
    }

    private static string SectorTitle(IndicatorId indicator, SectorId parent, RegionCode region, UiLanguage lang)
    {
        var r = RegionCatalog.Get(region);
        var info = IndicatorCatalog.Get(indicator);
        var s = SectorCatalog.All.First(x => x.Id == parent);
        return $"{lang.T(r.ShortNameZh, r.NameEn)} · {lang.T(info.NameZh, info.NameEn)} · {lang.T(s.NameZh, s.NameEn)}";
    }

    private static int Size(string name, string? text, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number of pixels from {min} to {max}."];
        return fallback;
    }
}
