using Microsoft.AspNetCore.Http.HttpResults;
using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Ports;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Json;
using PeakMonitor.Web.Dashboard;

namespace PeakMonitor.Web;

/// <summary>
/// <c>GET /api/decomposition</c>: the LMDI decomposition of a region's change in energy CO2 between two
/// years, in the same shape as <c>peakmonitor decompose --format json</c>. Part of the <c>/api</c> group,
/// so it has the group's sign-in, token and rate-limit rules. Bad parameters are a 400 naming each one;
/// data that cannot be decomposed (missing, zero or negative inputs) a 422 naming region, year and indicator.
/// </summary>
public static class DecompositionEndpoints
{
    public static RouteGroupBuilder MapDecompositionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/decomposition", GetDecompositionAsync)
            .WithName("GetDecomposition")
            .WithSummary("What drove the change in energy CO2: additive LMDI decomposition of the Kaya identity")
            .WithDescription("region (CN or a two-digit GB/T 2260 code), from and to (years, from before to) are required; chain=true adds the year-by-year view (every year between needs data). Fields: region, from, to, unit (10k t), start, end, total, effects {population, affluence, energy_intensity, carbon_intensity_of_energy}, chained, steps, synthetic, quality, sources.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<DecompositionRow>, ValidationProblem, ProblemHttpResult>> GetDecompositionAsync(
        string? region, string? from, string? to, string? chain, KayaData data)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = default(RegionCode);
        if (string.IsNullOrWhiteSpace(region))
        {
            errors["region"] = ["region is required: CN or a two-digit GB/T 2260 code (11 … 65)."];
        }
        else if (!RegionCode.TryParse(region, out code))
        {
            errors["region"] = [$"{ApiEndpoints.Shown(region)} is not a region code: use CN or a two-digit GB/T 2260 code (11 … 65)."];
        }

        var y0 = Year("from", from, errors);
        var yT = Year("to", to, errors);
        if (y0 is { } a && yT is { } b && b <= a)
        {
            errors["to"] = [$"to ({b}) must come after from ({a})."];
        }

        var chained = (chain?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "false" or "0" => false,
            "true" or "1" => true,
            _ => (bool?)null,
        };
        if (chained is null)
        {
            errors["chain"] = [$"{ApiEndpoints.Shown(chain)} is not true or false."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        try
        {
            var panel = await data.GetAsync();
            var decomposition = LmdiDecomposition.Of(panel, code, y0!.Value, yT!.Value);
            var steps = chained == true ? LmdiChain.Of(panel, code, y0.Value, yT.Value) : null;
            return TypedResults.Ok(DecompositionRow.Of(decomposition, steps, panel));
        }
        catch (DecompositionException ex)
        {
            return TypedResults.Problem(
                title: "The data cannot be decomposed",
                detail: ex.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["region"] = ex.Region.Value, ["year"] = ex.Year, ["indicator"] = ex.Indicator.Value });
        }
        catch (StoreException ex)
        {
            return ApiEndpoints.StoreUnavailable(ex);
        }
    }

    private static int? Year(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"{name} is required: {Period.YearRule}."];
            return null;
        }

        if (!Period.TryParseYear(text, out var year))
        {
            errors[name] = [$"{ApiEndpoints.Shown(text)} is not {Period.YearRule}."];
            return null;
        }

        return year;
    }
}
