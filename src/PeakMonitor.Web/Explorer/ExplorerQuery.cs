using System.Globalization;
using Microsoft.Extensions.Primitives;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;

namespace PeakMonitor.Web.Explorer;

public enum Normalisation
{
    None,
    PerCapita,
    PerGdp,
    Index,
}

/// <summary>
/// The explorer's whole state, read from and written to the URL, so a link reproduces the view.
/// Unknown or hostile values are dropped (and listed in <see cref="Problems"/>), never passed on.
/// </summary>
public sealed record ExplorerQuery
{
    public const int MaxSeries = 40;

    public IReadOnlyList<IndicatorId> Indicators { get; init; } = [IndicatorId.Parse("energy_total")];

    public IReadOnlyList<RegionCode> Regions { get; init; } = [RegionCode.National];

    public SectorId Sector { get; init; } = SectorId.All;

    public Frequency Frequency { get; init; } = Frequency.Annual;

    public int From { get; init; } = 2005;

    public int To { get; init; } = 2030;

    public Normalisation Normalisation { get; init; } = Normalisation.None;

    public int BaseYear { get; init; } = 2020;

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static ExplorerQuery Parse(Func<string, StringValues> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var problems = new List<string>();
        var indicators = Values(get("ind"), s => IndicatorId.TryParse(s, out var i) ? i : (IndicatorId?)null, "ind", problems);
        var regions = Values(get("region"), s => RegionCode.TryParse(s, out var r) ? r : (RegionCode?)null, "region", problems);
        var sector = SectorId.All;
        if (get("sector") is { Count: > 0 } sectorText && !SectorId.TryParse(sectorText[0], out sector))
        {
            problems.Add("sector");
            sector = SectorId.All;
        }

        var query = new ExplorerQuery
        {
            Indicators = indicators.Count > 0 ? indicators : [IndicatorId.Parse("energy_total")],
            Regions = regions.Count > 0 ? regions : [RegionCode.National],
            Sector = sector,
            Frequency = get("freq") == "monthly" ? Frequency.Monthly : Frequency.Annual,
            From = Year(get("from"), 2005, "from", problems),
            To = Year(get("to"), 2030, "to", problems),
            Normalisation = get("norm").ToString() switch
            {
                "percap" => Normalisation.PerCapita,
                "pergdp" => Normalisation.PerGdp,
                "index" => Normalisation.Index,
                _ => Normalisation.None,
            },
            BaseYear = Year(get("base"), 2020, "base", problems),
            Problems = problems,
        };
        if (query.From > query.To)
        {
            query = query with { From = query.To, To = query.From };
        }

        if (query.Indicators.Count * query.Regions.Count > MaxSeries)
        {
            var keep = Math.Max(1, MaxSeries / query.Indicators.Count);
            query = query with { Regions = query.Regions.Take(keep).ToArray(), Problems = [.. problems, $"at most {MaxSeries} series: regions cut to {keep}"] };
        }

        return query;
    }

    /// <summary>The query string that reproduces this view.</summary>
    public string ToQueryString()
    {
        var parts = Indicators.Select(i => "ind=" + i.Value)
            .Concat(Regions.Select(r => "region=" + r.Value))
            .Append("sector=" + Uri.EscapeDataString(Sector.Value))
            .Append("freq=" + (Frequency == Frequency.Monthly ? "monthly" : "annual"))
            .Append("from=" + From.ToString(CultureInfo.InvariantCulture))
            .Append("to=" + To.ToString(CultureInfo.InvariantCulture))
            .Append("norm=" + Normalisation switch { Normalisation.PerCapita => "percap", Normalisation.PerGdp => "pergdp", Normalisation.Index => "index", _ => "none" })
            .Append("base=" + BaseYear.ToString(CultureInfo.InvariantCulture));
        return string.Join('&', parts);
    }

    private static List<T> Values<T>(StringValues values, Func<string, T?> parse, string name, List<string> problems)
        where T : struct
    {
        var list = new List<T>();
        foreach (var text in values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (parse(text) is { } value)
            {
                if (!list.Contains(value))
                {
                    list.Add(value);
                }
            }
            else
            {
                problems.Add(name);
            }
        }

        return list;
    }

    private static int Year(StringValues text, int fallback, string name, List<string> problems)
    {
        if (text.Count == 0 || string.IsNullOrEmpty(text[0]))
        {
            return fallback;
        }

        if (Period.TryParseYear(text[0], out var year))
        {
            return year;
        }

        problems.Add(name);
        return fallback;
    }
}
