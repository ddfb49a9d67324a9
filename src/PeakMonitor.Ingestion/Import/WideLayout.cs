using System.Text.RegularExpressions;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

/// <summary>
/// NBS-style wide tables, as exported by the statistics database: metadata lines
/// (<c>数据库：分省年度数据</c>, <c>指标：能源消费总量(万吨标准煤)</c>, optionally <c>部门：industry</c>),
/// a header <c>地区,2023年,2022年,…</c> (or 2023-06 / 2023年6月 for months), one row per region named in
/// Chinese (full or short form: 内蒙古自治区 / 内蒙古; 全国 is CN), and footer lines (<c>注：</c>,
/// <c>数据来源：</c>). The indicator comes from its Chinese name or id, the unit from the parentheses.
/// </summary>
internal sealed partial class WideLayout
{
    private static readonly Dictionary<string, string> RegionNames = BuildRegionNames();

    private static readonly Dictionary<string, string> IndicatorAliases = new(StringComparer.Ordinal)
    {
        ["地区生产总值(不变价)"] = "gdp_real",
        ["国内生产总值(不变价)"] = "gdp_real",
        ["常住人口"] = "population",
        ["年末常住人口"] = "population",
        ["能源消费量"] = "energy_total",
        ["二氧化碳排放量"] = "co2_energy",
        ["发电量"] = "gen_total",
    };

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["万吨标准煤"] = "10k tce",
        ["吨标准煤"] = "tce",
        ["百万吨标准煤"] = "Mtce",
        ["万吨"] = "10k t",
        ["吨"] = "t",
        ["百万吨"] = "Mt",
        ["亿元"] = "100m CNY",
        ["十亿元"] = "bn CNY",
        ["万人"] = "10k persons",
        ["人"] = "persons",
        ["万千瓦"] = "10k kW",
        ["千瓦"] = "kW",
        ["兆瓦"] = "MW",
        ["吉瓦"] = "GW",
        ["亿千瓦时"] = "100m kWh",
        ["太瓦时"] = "TWh",
        ["吉瓦时"] = "GWh",
        ["亿立方米"] = "100m m3",
        ["%"] = "%",
        ["％"] = "%",
    };

    private readonly Indicator _indicator;
    private readonly string _unit;
    private readonly SectorId _sector;
    private readonly Period?[] _periods;
    private readonly string _source;
    private readonly string _note;

    private WideLayout(Indicator indicator, string unit, SectorId sector, Period?[] periods, string source, string note)
    {
        _indicator = indicator;
        _unit = unit;
        _sector = sector;
        _periods = periods;
        _source = source;
        _note = note;
    }

    /// <summary>True for a metadata line or the 地区 header, which only wide tables start with.</summary>
    public static bool Looks(string[] firstRecord) =>
        firstRecord.Length > 0 && (IsHeader(firstRecord) || Metadata(firstRecord[0]) is not null);

    public static bool IsHeader(string[] record) => record.Length > 0 && CanonicalLayout.Clean(record[0]) is "地区" or "地区\\时间";

    /// <summary>A <c>key：value</c> line (full-width or ASCII colon), or null.</summary>
    public static (string Key, string Value)? Metadata(string cell)
    {
        var text = CanonicalLayout.Clean(cell);
        var colon = text.IndexOfAny(['：', ':']);
        return colon > 0 ? (text[..colon].Trim(), text[(colon + 1)..].Trim()) : null;
    }

    public static bool IsFooter(string[] record) =>
        record.Length > 0 && (CanonicalLayout.Clean(record[0]).StartsWith('注') || CanonicalLayout.Clean(record[0]).StartsWith("数据来源", StringComparison.Ordinal));

    public static WideLayout? FromHeader(string[] header, IReadOnlyDictionary<string, (string Value, int Line)> metadata, string? footerSource, string file, int line, List<CsvRowError> errors)
    {
        var before = errors.Count;
        Indicator? indicator = null;
        string? unit = null;
        if (!metadata.TryGetValue("指标", out var indicatorText))
        {
            errors.Add(new CsvRowError(file, 1, "指标", null, "a wide table needs a line 指标：<name>(<unit>) before the 地区 header"));
        }
        else
        {
            var match = IndicatorWithUnit().Match(indicatorText.Value);
            var name = Normalise(match.Success ? match.Groups["name"].Value : indicatorText.Value);
            var unitText = match.Success ? match.Groups["unit"].Value.Trim() : null;
            if (ResolveIndicator(name) is { } found)
            {
                indicator = found;
            }
            else
            {
                errors.Add(new CsvRowError(file, indicatorText.Line, "指标", CanonicalLayout.Shorten(indicatorText.Value), "unknown indicator name: use a name or id of indicators.md"));
            }

            unit = unitText is null ? metadata.GetValueOrDefault("单位").Value : unitText;
            unit = unit is null ? null : Units.GetValueOrDefault(unit, unit);
            if (indicator is not null && (unit is null || !indicator.Accepts(unit)))
            {
                errors.Add(new CsvRowError(file, indicatorText.Line, "单位", unit, $"missing or not a unit of {indicator.Id}: write it in parentheses after the name, e.g. (万吨标准煤)"));
            }
        }

        var sector = SectorId.All;
        if (metadata.TryGetValue("部门", out var sectorText) && !SectorId.TryParse(sectorText.Value, out sector))
        {
            errors.Add(new CsvRowError(file, sectorText.Line, "部门", sectorText.Value, "unknown sector id"));
        }

        var periods = new Period?[header.Length];
        var seen = new HashSet<Period>();
        for (var i = 1; i < header.Length; i++)
        {
            var text = CanonicalLayout.Clean(header[i]);
            if (text.Length == 0)
            {
                continue;
            }

            if (ParsePeriod(text) is not { } period)
            {
                errors.Add(new CsvRowError(file, line, CanonicalLayout.Shorten(text)!, null, "not a year or month heading: use 2023年, 2023, 2023年6月 or 2023-06"));
            }
            else if (!seen.Add(period))
            {
                errors.Add(new CsvRowError(file, line, text, null, "column appears twice"));
            }
            else
            {
                periods[i] = period;
            }

            if (errors.Count > CanonicalCsvReader.MaxErrors)
            {
                break;
            }
        }

        if (errors.Count > before || indicator is null || unit is null)
        {
            return null;
        }

        var source = footerSource ?? metadata.GetValueOrDefault("数据来源").Value ?? metadata.GetValueOrDefault("数据库").Value ?? file;
        return new WideLayout(indicator, unit, sector, periods, source, $"指标：{indicatorText.Value}");
    }

    /// <summary>One region's row: every year column becomes an observation, or a missing value when empty.</summary>
    public IEnumerable<ParsedRow> Row(string[] record, string file, int line, List<CsvRowError> errors)
    {
        var name = CanonicalLayout.Clean(record[0]);
        if (!RegionNames.TryGetValue(name, out var code) || !RegionCode.TryParse(code, out var region))
        {
            errors.Add(new CsvRowError(file, line, "地区", CanonicalLayout.Shorten(name), "unknown region name: use 全国 or a provincial name, full or short (北京市 / 北京)"));
            yield break;
        }

        if (record.Length > _periods.Length)
        {
            errors.Add(new CsvRowError(file, line, "-", null, $"has {record.Length} fields; the header has {_periods.Length}"));
            yield break;
        }

        for (var i = 1; i < record.Length; i++)
        {
            if (_periods[i] is not { } period)
            {
                continue;
            }

            var text = record[i].Trim();
            var key = new ObservationKey(_indicator.Id, region, _sector, period);
            if (text.Length == 0)
            {
                yield return new ParsedRow(key, null);
                continue;
            }

            if (!ValueRules.TryParse(text, out var value))
            {
                errors.Add(new CsvRowError(file, line, period.ToString(), CanonicalLayout.Shorten(text), ValueRules.NotANumber));
                continue;
            }

            if (ValueRules.Check(_indicator, value, _unit, out var canonical) is { } problem)
            {
                errors.Add(new CsvRowError(file, line, period.ToString(), text, problem));
                continue;
            }

            yield return new ParsedRow(key, new Observation(_indicator.Id, region, _sector, period, canonical, _source, _note));
        }
    }

    private static Indicator? ResolveIndicator(string name)
    {
        if (IndicatorId.TryParse(name, out var id))
        {
            return IndicatorCatalog.Get(id);
        }

        if (IndicatorAliases.TryGetValue(name, out var alias))
        {
            return IndicatorCatalog.Get(IndicatorId.Parse(alias));
        }

        return IndicatorCatalog.All.FirstOrDefault(i => Normalise(i.NameZh) == name);
    }

    private static Period? ParsePeriod(string text)
    {
        var m = PeriodHeading().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year is < Period.MinYear or > Period.MaxYear)
        {
            return null;
        }

        if (!m.Groups["m"].Success)
        {
            return Period.OfYear(year);
        }

        var month = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? Period.OfMonth(year, month) : null;
    }

    // Full-width brackets are common in Chinese tables: compare in one form.
    private static string Normalise(string s) => s.Trim().Replace('（', '(').Replace('）', ')').Replace(" ", string.Empty, StringComparison.Ordinal);

    private static Dictionary<string, string> BuildRegionNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["全国"] = "CN", ["中国"] = "CN" };
        foreach (var r in RegionCatalog.All)
        {
            names[r.NameZh] = r.Code.Value;
            names[r.ShortNameZh] = r.Code.Value;
            names[r.Code.Value] = r.Code.Value;
        }

        return names;
    }

    [GeneratedRegex(@"^(?<name>.+?)\s*[（(](?<unit>[^（）()]+)[）)]\s*$")]
    private static partial Regex IndicatorWithUnit();

    [GeneratedRegex(@"^(?<y>\d{4})(?:年)?(?:(?:-|年)(?<m>\d{1,2})(?:月)?)?$")]
    private static partial Regex PeriodHeading();
}
