using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Reports.Json;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Influx.Http;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Web.Dashboard;

// In the app's root namespace (not PeakMonitor.Web.Api) so that WebExtensions wires it with one line and no using.
namespace PeakMonitor.Web;

/// <summary>
/// The read-only JSON API under <c>/api</c>: KPI results (the dashboard's snapshot), stored series, the
/// run history and the catalogue, with an OpenAPI document at <c>/openapi/v1.json</c>. Every query
/// parameter is checked with the domain's own parsers; bad input is a 400 problem naming the parameter,
/// an unreachable store a 503 problem naming the server — never a stack trace.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>KPI rows are about 600 bytes of JSON: a full page is about 3 MB.</summary>
    public const int MaxKpiPageSize = 5000;
    public const int DefaultKpiPageSize = 1000;

    public const int MaxSeriesPageSize = 10_000;
    public const int DefaultSeriesPageSize = 1000;

    public const int MaxRunPageSize = 500;
    public const int DefaultRunPageSize = 50;

    private const string PagingDescription = " Paged: page (from 1) and pageSize; the answer holds items, page, pageSize, total and next (the link to the next page, null on the last).";

    private const string CachingDescription = " Compressed (gzip or br) when asked with Accept-Encoding. Every answer carries a weak ETag: send it back in If-None-Match and the answer is 304 Not Modified, without a body, while the data are unchanged.";

    private static readonly Lazy<CatalogDto> Catalog = new(BuildCatalog);

    public static WebApplication MapPeakMonitorApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();

        var api = app.MapGroup("/api").WithTags("PeakMonitor");
        api.MapGet("/kpis", GetKpisAsync)
            .WithName("GetKpis")
            .WithSummary("KPI results for every region and year of the stored data")
            .WithDescription("Filter with kpi (catalogue id), region (CN or a two-digit GB/T 2260 code) and year (1949–2100); asOf (YYYY-MM-DD) gives the results as they stood that day, from each value's latest vintage published on or before it. Fields follow the CLI's `kpi --format json`, plus synthetic, sources and quality (reported, unverified = 待核实, estimate = 估算)." + PagingDescription + " pageSize 1–5000, default 1000." + CachingDescription)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/series", GetSeriesAsync)
            .WithName("GetSeries")
            .WithSummary("Stored observations of one indicator, in its canonical unit")
            .WithDescription("indicator is required; region (default: all regions), sector (default all), frequency annual|monthly (default annual), from/to as YYYY or YYYY-MM matching the frequency; asOf (YYYY-MM-DD): the values as published on or before that day (default: the latest vintage); published is each value's vintage date (null: stored before vintages existed)." + PagingDescription + " pageSize 1–10000, default 1000." + CachingDescription)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/runs", GetRunsAsync)
            .WithName("GetRuns")
            .WithSummary("The ingestion run history, newest first")
            .WithDescription("Newest first." + PagingDescription + " pageSize 1–500, default 50.");
        api.MapGet("/catalog", GetCatalog)
            .WithName("GetCatalog")
            .WithSummary("The KPI, indicator, region and sector catalogues");
        api.MapDecompositionApi();
        api.MapOutlookApi();
        return app;
    }

    private static async Task<Results<Ok<ListPage<KpiRow>>, ValidationProblem, ProblemHttpResult>> GetKpisAsync(
        string? kpi, string? region, string? year, string? asOf, string? page, string? pageSize, IKpiResults kpis, TimeProvider time, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(page, pageSize, DefaultKpiPageSize, MaxKpiPageSize, errors);
        var day = ParseAsOf(asOf, time, errors);
        KpiDefinition? definition = null;
        if (!string.IsNullOrEmpty(kpi) && !KpiCatalog.TryGet(kpi.Trim(), out definition))
        {
            errors["kpi"] = [$"{Shown(kpi)} is not a KPI of the catalogue; see /api/catalog for the ids."];
        }

        RegionCode? regionCode = null;
        if (!string.IsNullOrEmpty(region))
        {
            if (RegionCode.TryParse(region, out var code))
            {
                regionCode = code;
            }
            else
            {
                errors["region"] = [$"{Shown(region)} is not a region code: use CN or a two-digit GB/T 2260 code (11 … 65)."];
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
                errors["year"] = [$"{Shown(year)} is not {Period.YearRule}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        KpiResultSet snapshot;
        try
        {
            snapshot = day is { } d ? await kpis.GetAsOfAsync(d, cancellationToken) : await kpis.GetAsync(cancellationToken);
        }
        catch (StoreException ex)
        {
            return StoreUnavailable(ex);
        }

        // Only the page's rows are converted (and their provenance looked up): the filter itself is a pass over references.
        var provenance = new Dictionary<(string Kpi, RegionCode Region), (bool Synthetic, string Sources)>();
        var selected = snapshot.Results
            .Where(r => (definition is null || r.Kpi == definition.Id) && (regionCode is null || r.Region == regionCode) && (yearValue is null || r.Year == yearValue))
            .ToArray();
        return TypedResults.Ok(paging.Of(
            selected,
            r =>
            {
                if (!provenance.TryGetValue((r.Kpi, r.Region), out var p))
                {
                    var k = KpiCatalog.Get(r.Kpi);
                    p = (snapshot.IsSynthetic(k, r.Region), string.Join("; ", snapshot.Sources(k, r.Region)));
                    provenance[(r.Kpi, r.Region)] = p;
                }

                return KpiRow.From(r, p.Synthetic, p.Sources, snapshot.Quality(r).Id() is { Length: > 0 } q ? q : "reported");
            },
            request,
            "kpi",
            "region",
            "year",
            "asOf"));
    }

    private static async Task<Results<Ok<ListPage<SeriesRow>>, ValidationProblem, ProblemHttpResult>> GetSeriesAsync(
        string? indicator, string? region, string? sector, string? frequency, string? from, string? to, string? asOf, string? page, string? pageSize,
        ITimeSeriesReader latest, IVintageReader vintages, TimeProvider time, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(page, pageSize, DefaultSeriesPageSize, MaxSeriesPageSize, errors);
        var day = ParseAsOf(asOf, time, errors);
        var indicatorId = default(IndicatorId);
        if (string.IsNullOrWhiteSpace(indicator))
        {
            errors["indicator"] = ["indicator is required (an indicator id; see /api/catalog)."];
        }
        else if (!IndicatorId.TryParse(indicator, out indicatorId))
        {
            errors["indicator"] = [$"{Shown(indicator)} is not an indicator id; see /api/catalog for the ids."];
        }

        IReadOnlyCollection<RegionCode> regions = [];
        if (!string.IsNullOrEmpty(region))
        {
            if (RegionCode.TryParse(region, out var code))
            {
                regions = [code];
            }
            else
            {
                errors["region"] = [$"{Shown(region)} is not a region code: use CN or a two-digit GB/T 2260 code (11 … 65)."];
            }
        }

        if (!SectorId.TryParse(sector, out var sectorId))
        {
            errors["sector"] = [$"{Shown(sector)} is not a sector id; see /api/catalog for the ids."];
        }

        Frequency? freq = (frequency?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "annual" => Frequency.Annual,
            "monthly" => Frequency.Monthly,
            _ => null,
        };
        if (freq is null)
        {
            errors["frequency"] = [$"{Shown(frequency)} is not a frequency: use annual or monthly."];
        }

        var f = freq ?? Frequency.Annual;
        var first = f == Frequency.Annual ? Period.OfYear(Period.MinYear) : Period.OfMonth(Period.MinYear, 1);
        var last = f == Frequency.Annual ? Period.OfYear(Period.MaxYear) : Period.OfMonth(Period.MaxYear, 12);
        var fromPeriod = ParsePeriod("from", from, f, first, errors);
        var toPeriod = ParsePeriod("to", to, f, last, errors);
        if (fromPeriod is { } a && toPeriod is { } b && a > b)
        {
            errors["to"] = [$"The range {a}–{b} ends before it starts."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        try
        {
            var reader = day is { } d ? new AsOfReader(vintages, d) : latest;
            var observations = await reader.ReadAsync(new SeriesQuery(indicatorId, sectorId, fromPeriod!.Value, toPeriod!.Value, regions), cancellationToken);
            // One indicator of one sector and frequency: at most 32 regions × 1,824 months are read, then paged.
            return TypedResults.Ok(paging.Of(observations, SeriesRow.From, request, "indicator", "region", "sector", "frequency", "from", "to", "asOf"));
        }
        catch (StoreException ex)
        {
            return StoreUnavailable(ex);
        }
    }

    private static async Task<Results<Ok<ListPage<RunRow>>, ValidationProblem>> GetRunsAsync(string? page, string? pageSize, RunHistory history, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Parse(page, pageSize, DefaultRunPageSize, MaxRunPageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        var runs = await history.ListAsync(paging.Skip, paging.PageSize, cancellationToken);
        var total = await history.CountAsync(cancellationToken);
        return TypedResults.Ok(paging.Of(runs.Select(RunRow.From).ToArray(), total, request));
    }

    private static Ok<CatalogDto> GetCatalog() => TypedResults.Ok(Catalog.Value);

    /// <summary>A period of the query's frequency, or the default when the parameter is absent; records an error otherwise.</summary>
    private static Period? ParsePeriod(string name, string? text, Frequency frequency, Period fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!Period.TryParse(text, out var period))
        {
            errors[name] = [$"{Shown(text)} is not a period: use YYYY or YYYY-MM ({Period.MinYear}–{Period.MaxYear})."];
            return null;
        }

        if (period.Frequency != frequency)
        {
            errors[name] = [$"{Shown(text)} does not match frequency {(frequency == Frequency.Annual ? "annual (YYYY)" : "monthly (YYYY-MM)")}."];
            return null;
        }

        return period;
    }
    /// <summary>The <c>asOf</c> parameter: absent for the latest vintage, else a YYYY-MM-DD day from 1949 up to today (China Standard Time).</summary>
    internal static DateOnly? ParseAsOf(string? asOf, TimeProvider time, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(asOf))
        {
            return null;
        }

        if (PublishedDate.TryParse(asOf, PublishedDate.Today(time), out var day) is { } problem)
        {
            errors["asOf"] = [$"asOf {Shown(asOf)}: {problem}."];
            return null;
        }

        return day;
    }

    /// <summary>
    /// A rejected value quoted back only when it is plainly harmless (ids, codes, numbers): a hostile
    /// value (markup, quotes, statements) is not echoed, so no client can be tricked into showing it.
    /// </summary>
    internal static string Shown(string? value) =>
        value is { Length: > 0 and <= 40 } v && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? $"'{v}'"
            : "The value";

    /// <summary>503 naming the server; the message is the store client's own (it names the URL), never a stack trace.</summary>
    internal static ProblemHttpResult StoreUnavailable(StoreException ex) =>
        TypedResults.Problem(
            title: "The data store is unavailable",
            detail: ex.Message,
            statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["server"] = (ex as InfluxException)?.Server.ToString() });

    private static string Snake(string pascal) => KpiRow.Snake(pascal);

    /// <summary>A formula's name as the catalogue shows it: ShareFormula → share.</summary>
    private static string FormulaName(Domain.Kpis.Formulas.KpiFormula formula) => Snake(formula.GetType().Name.Replace("Formula", string.Empty, StringComparison.Ordinal));

    private static CatalogDto BuildCatalog() => new(
        KpiCatalog.All.Select(k => new KpiEntry(
            k.Id, k.NameZh, k.NameEn, k.Unit, Snake(k.Direction.ToString()), FormulaName(k.Formula), k.HasDataSource, Snake(k.Measure.ToString()),
            Snake(k.PathShape.ToString()), Snake(k.Scope.ToString()), k.PlanSection, k.PlanLines, k.Inputs.Select(i => i.Value).ToArray(), k.Note,
            k.Targets.Select(t => new TargetEntry(t.Track, t.BaselineYear, t.TargetYear, t.Value, Snake(t.Modality.ToString()), t.Modality.Zh(), t.Binding, t.Nature.Id(), t.NatureSource,
                Snake(t.Subject.ToString()), t.Graded, t.Source, t.SourceUrl)).ToArray())).ToArray(),
        IndicatorCatalog.All.Select(i => new IndicatorEntry(i.Id.Value, i.NameZh, i.NameEn, Snake(i.Kind.ToString()), i.CanonicalUnit, i.AcceptedUnits.ToArray())).ToArray(),
        RegionCatalog.All.Select(r => new RegionEntry(r.Code.Value, r.NameZh, r.ShortNameZh, r.NameEn, Snake(r.Kind.ToString()))).ToArray(),
        SectorCatalog.All.Select(s => new SectorEntry(s.Id.Value, s.NameZh, s.NameEn)).ToArray());

    /// <summary>One stored observation, in the indicator's canonical unit.</summary>
    internal sealed record SeriesRow(string Indicator, string Region, string Sector, string Period, double Value, string Unit, string? Source, string? Note, string? Published)
    {
        public static SeriesRow From(Observation o) =>
            new(o.Indicator.Value, o.Region.Value, o.Sector.Value, o.Period.ToString(), o.Value, o.Unit, o.Source, o.Note, PublishedDate.ToText(o.Published));
    }

    /// <summary>One recorded job run.</summary>
    internal sealed record RunRow(
        long Id, string Job, string? File, string? Sha256, DateTimeOffset Started, DateTimeOffset? Ended, string Status,
        long RowsRead, long RowsWritten, long RowsRejected, string? Error)
    {
        public static RunRow From(RunRecord r) =>
            new(r.Id, r.Job, r.File, r.Sha256, r.Started, r.Ended, Snake(r.Status.ToString()), r.RowsRead, r.RowsWritten, r.RowsRejected, r.Error);
    }

    internal sealed record CatalogDto(IReadOnlyList<KpiEntry> Kpis, IReadOnlyList<IndicatorEntry> Indicators, IReadOnlyList<RegionEntry> Regions, IReadOnlyList<SectorEntry> Sectors);

    internal sealed record KpiEntry(
        string Id, string NameZh, string NameEn, string Unit, string Direction, string Formula, bool HasDataSource, string Measure, string PathShape,
        string Scope, string PlanSection, string PlanLines, IReadOnlyList<string> Inputs, string? Note, IReadOnlyList<TargetEntry> Targets);

    internal sealed record TargetEntry(
        string Track, int BaselineYear, int TargetYear, double Value, string Modality, string ModalityZh, bool Binding, string Nature, string? NatureSource,
        string Subject, bool Graded, string Source, string? SourceUrl);

    internal sealed record IndicatorEntry(string Id, string NameZh, string NameEn, string Kind, string CanonicalUnit, IReadOnlyList<string> AcceptedUnits);

    internal sealed record RegionEntry(string Code, string NameZh, string ShortNameZh, string NameEn, string Kind);

    internal sealed record SectorEntry(string Id, string NameZh, string NameEn);
}
