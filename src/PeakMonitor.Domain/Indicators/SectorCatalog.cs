namespace PeakMonitor.Domain.Indicators;

public sealed record Sector(SectorId Id, string NameZh, string NameEn);

/// <summary>The sectors of indicators.md ("Sectors").</summary>
public static class SectorCatalog
{
    private static readonly (string Id, string Zh, string En)[] Rows =
    [
        (SectorId.AllValue, "全社会", "All sectors"),
        ("industry", "工业", "Industry"),
        ("industry.steel", "钢铁", "Steel"),
        ("industry.nonferrous", "有色金属", "Nonferrous metals"),
        ("industry.building_materials", "建材", "Building materials"),
        ("industry.petrochemical", "石化化工", "Petrochemical and chemical"),
        ("industry.other", "其他工业", "Other industry"),
        ("power", "电力", "Power"),
        ("buildings", "建筑", "Buildings"),
        ("transport", "交通运输", "Transport"),
        ("agriculture", "农业", "Agriculture"),
        ("services", "服务业", "Services"),
        ("residential", "居民生活", "Residential"),
    ];

    private static readonly HashSet<string> Ids = new(Rows.Select(r => r.Id), StringComparer.Ordinal);

    public static IReadOnlyList<Sector> All { get; } =
        Rows.Select(r => new Sector(SectorId.Parse(r.Id), r.Zh, r.En)).ToArray();

    internal static bool TryCanonical(string id, out string canonical) => Ids.TryGetValue(id, out canonical!);
}
