namespace PeakMonitor.Domain.Regions;

/// <summary>A named group of provinces; groups overlap (many-to-many tags, not a tree).</summary>
public sealed record RegionGroup(string Id, string NameZh, string NameEn, IReadOnlyList<RegionCode> Members);

/// <summary>
/// The plan's regional groupings at provincial level (action-plan-kpis.md §5.4; general knowledge,
/// to verify against current official definitions). 粤港澳大湾区 and 京津冀及周边 are city-level
/// groupings and are not modelled here.
/// </summary>
public static class RegionGroups
{
    public static IReadOnlyList<RegionGroup> All { get; } =
    [
        Group("jjj", "京津冀", "Beijing-Tianjin-Hebei", "11", "12", "13"),
        Group("yrd", "长三角", "Yangtze River Delta", "31", "32", "33", "34"),
        Group("yreb", "长江经济带", "Yangtze River Economic Belt", "31", "32", "33", "34", "36", "42", "43", "50", "51", "52", "53"),
        Group("yellow", "黄河流域", "Yellow River Basin", "63", "51", "62", "64", "15", "14", "61", "41", "37"),
        Group("northeast", "东北", "Northeast", "21", "22", "23"),
        Group("southwest", "西南", "Southwest", "50", "51", "52", "53", "54"),
        Group("eco-pilot", "国家生态文明试验区", "National eco-civilisation pilot zones", "35", "36", "52", "46"),
    ];

    public static RegionGroup? Find(string? id) => All.FirstOrDefault(g => g.Id == id);

    public static IEnumerable<RegionGroup> Of(RegionCode region) => All.Where(g => g.Members.Contains(region));

    private static RegionGroup Group(string id, string zh, string en, params string[] codes) =>
        new(id, zh, en, codes.Select(RegionCode.Parse).ToArray());
}
