using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Outlook;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.Reports.Json;
using PeakMonitor.Web.Dashboard;

namespace PeakMonitor.Web;

/// <summary>
/// The outlook under <c>/api</c> (same sign-in, token and rate-limit rules as the group): the
/// probability of meeting each target with its quantile fan (<c>/api/outlook</c>, as
/// <c>peakmonitor outlook --format json</c>), the CO2 peak test (<c>/api/outlook/peak</c>), the
/// backtest on past plans (<c>/api/outlook/backtest</c>) and what-if scenarios (<c>/api/scenarios</c>).
/// </summary>
public static class OutlookEndpoints
{
    public static RouteGroupBuilder MapOutlookApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/outlook", GetOutlookAsync)
            .WithName("GetOutlook")
            .WithSummary("Probability of meeting each target by its deadline, with 10/25/50/75/90% quantiles per year")
            .WithDescription("region (CN or a two-digit code, default CN), kpi (optional). Fields as the CLI's `outlook --format json`: kpi, track, region, asOf, baselineYear, deadline, target, unit, latest, probability, quantiles {year: {p10 … p90}}, changesUsed, method.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/outlook/peak", GetPeakAsync)
            .WithName("GetPeakTest")
            .WithSummary("CO2 peak test: probability already peaked, peak-year distribution, plateau test")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/outlook/backtest", GetBacktestAsync)
            .WithName("GetBacktest")
            .WithSummary("The outlook model scored on past Five-Year Plans, beside a naive linear rule (Brier scores)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/scenarios", GetScenarioAsync)
            .WithName("GetScenario")
            .WithSummary("What-if: 2025/2030 values and statuses of the KPIs the levers drive; solve=LEVER&for=KPI finds one lever that meets a target")
            .WithDescription("region (default CN); levers gdp-growth, energy-growth (% a year), nonfossil-points (points a year), wind-solar-additions (GW a year); solve, for, track; name. Each result row in its target's year carries probability: the scenario's path as the mean, the KPI's own spread around it (the outlook's window and bootstrap).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static RegionCode? Region(string? region, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return RegionCode.National;
        }

        if (RegionCode.TryParse(region.Trim(), out var code))
        {
            return code;
        }

        errors["region"] = [$"{ApiEndpoints.Shown(region)} is not a region code: use CN or a two-digit GB/T 2260 code (11 … 65)."];
        return null;
    }

    private static async Task<Results<Ok<OutlookRow[]>, ValidationProblem, ProblemHttpResult>> GetOutlookAsync(string? region, string? kpi, IOutlookResults outlooks, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = Region(region, errors);
        if (!string.IsNullOrWhiteSpace(kpi) && !KpiCatalog.TryGet(kpi.Trim(), out _))
        {
            errors["kpi"] = [$"{ApiEndpoints.Shown(kpi)} is not a KPI of the catalogue; see /api/catalog for the ids."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        try
        {
            var set = await outlooks.GetAsync(cancellationToken);
            return TypedResults.Ok(set.For(code!.Value).Where(o => string.IsNullOrWhiteSpace(kpi) || o.Kpi == kpi.Trim()).Select(OutlookRow.From).ToArray());
        }
        catch (StoreException ex)
        {
            return ApiEndpoints.StoreUnavailable(ex);
        }
    }

    private static async Task<Results<Ok<PeakRow>, ValidationProblem, ProblemHttpResult>> GetPeakAsync(string? region, IOutlookResults outlooks, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = Region(region, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        try
        {
            var set = await outlooks.GetAsync(cancellationToken);
            return set.Peak(code!.Value) is { } test
                ? TypedResults.Ok(PeakRow.From(test))
                : TypedResults.Problem(title: "Not enough CO2 history", detail: $"Region {code}: not enough CO2 history for the peak test.", statusCode: StatusCodes.Status404NotFound);
        }
        catch (StoreException ex)
        {
            return ApiEndpoints.StoreUnavailable(ex);
        }
    }

    private static async Task<Results<Ok<Reports.Json.BacktestReportRow>, ProblemHttpResult>> GetBacktestAsync(BacktestData backtest, CancellationToken cancellationToken)
    {
        try
        {
            return await backtest.GetAsync(cancellationToken) is { } report
                ? TypedResults.Ok(Reports.Json.BacktestReportRow.From(report))
                : TypedResults.Problem(title: "No backtest data", detail: $"{backtest.FilePath} is missing.", statusCode: StatusCodes.Status404NotFound);
        }
        catch (StoreException ex)
        {
            return ApiEndpoints.StoreUnavailable(ex);
        }
    }

    private static async Task<Results<Ok<ScenarioRow>, ValidationProblem, ProblemHttpResult>> GetScenarioAsync(HttpRequest request, IKpiResults kpis, IOptions<OutlookOptions> outlook, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var query = request.Query;
        var code = Region(query["region"], errors);
        var scenario = new Scenario { Name = query["name"].FirstOrDefault() };
        foreach (var lever in Levers.All)
        {
            if (query[lever.Id()].FirstOrDefault() is { Length: > 0 } text)
            {
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    scenario = scenario.With(lever, v);
                }
                else
                {
                    errors[lever.Id()] = [$"{ApiEndpoints.Shown(text)} is not a number."];
                }
            }
        }

        foreach (var problem in scenario.Validate())
        {
            errors[problem.Split(' ')[0]] = [problem];
        }

        Lever? solve = null;
        var forKpi = query["for"].FirstOrDefault();
        if (query["solve"].FirstOrDefault() is { Length: > 0 } s)
        {
            solve = Levers.TryParse(s, out var l) ? l : null;
            if (solve is null)
            {
                errors["solve"] = [$"{ApiEndpoints.Shown(s)} is not a lever: {string.Join(", ", Levers.All.Select(x => x.Id()))}."];
            }

            if (forKpi is null || !ScenarioModel.DrivenKpis.Contains(forKpi))
            {
                errors["for"] = [$"for must be one of {string.Join(", ", ScenarioModel.DrivenKpis)}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        try
        {
            var set = await kpis.GetAsync(cancellationToken);
            var model = new ScenarioModel(set.Panel, code!.Value, set.Engine);
            SolveResult? solved = null;
            if (solve is { } lever)
            {
                solved = model.Solve(scenario, lever, forKpi!, query["track"].FirstOrDefault());
                if (solved.Value is { } x)
                {
                    scenario = scenario.With(lever, x);
                }
            }

            return TypedResults.Ok(ScenarioRow.From(model.Evaluate(scenario, new OutlookModel(outlook.Value)), solved));
        }
        catch (ArgumentException ex)
        {
            return TypedResults.Problem(title: "No scenario for this region", detail: ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        catch (StoreException ex)
        {
            return ApiEndpoints.StoreUnavailable(ex);
        }
    }
}
