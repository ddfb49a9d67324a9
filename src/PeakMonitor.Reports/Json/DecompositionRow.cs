using PeakMonitor.Domain.Decomposition;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Reports.Json;

/// <summary>
/// A decomposition as the CLI (<c>decompose --format json</c>) and the API (<c>/api/decomposition</c>)
/// publish it: <c>region, from, to, total</c> and <c>effects</c> keyed by the effect ids are a contract
/// (issue 18). Amounts are in <c>unit</c> (CO2's canonical 10k t). With the chained view, <c>chained</c>
/// holds the sums of the year-by-year effects and <c>steps</c> each year's decomposition.
/// </summary>
public sealed record DecompositionRow(
    string Region,
    int From,
    int To,
    string Unit,
    string Method,
    double Start,
    double End,
    double Total,
    IReadOnlyDictionary<string, double> Effects,
    IReadOnlyDictionary<string, double>? Chained,
    IReadOnlyList<DecompositionStep>? Steps,
    bool Synthetic,
    string Quality,
    IReadOnlyList<string> Sources)
{
    public const string MethodName = "additive LMDI-I, Kaya identity C = P × (G/P) × (E/G) × (C/E) (Ang 2005, Energy Policy 33, 867–871)";

    public static DecompositionRow Of(LmdiDecomposition decomposition, LmdiChain? chain, IndicatorPanel panel)
    {
        ArgumentNullException.ThrowIfNull(decomposition);
        ArgumentNullException.ThrowIfNull(panel);
        var region = decomposition.Region;
        var years = chain is null ? new[] { decomposition.From, decomposition.To } : Enumerable.Range(decomposition.From, decomposition.To - decomposition.From + 1).ToArray();
        var quality = LmdiDecomposition.Quality(panel, region, years).Id();
        return new DecompositionRow(
            region.Value,
            decomposition.From,
            decomposition.To,
            LmdiDecomposition.Unit,
            MethodName,
            decomposition.Start,
            decomposition.End,
            decomposition.Total,
            EffectMap(decomposition.Effect),
            chain is null ? null : EffectMap(chain.Effect),
            chain?.Steps.Select(s => new DecompositionStep(s.From, s.To, s.Total, EffectMap(s.Effect))).ToArray(),
            LmdiDecomposition.IsSynthetic(panel, region),
            quality.Length == 0 ? "reported" : quality,
            LmdiDecomposition.Sources(panel, region));
    }

    /// <summary>The effects by id, in identity order.</summary>
    public static IReadOnlyDictionary<string, double> EffectMap(Func<KayaEffect, double> effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var e in KayaEffects.All)
        {
            map[e.Id()] = effect(e);
        }

        return map;
    }
}

/// <summary>One year-on-year step of the chained view.</summary>
public sealed record DecompositionStep(int From, int To, double Total, IReadOnlyDictionary<string, double> Effects);
