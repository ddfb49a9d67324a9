namespace PeakMonitor.Domain.Regions;

/// <summary>
/// The nation and the 31 provincial-level divisions of the mainland, with GB/T 2260 codes
/// (action-plan-kpis.md §5.4). Taiwan (71), Hong Kong (81) and Macao (82) are outside the plan's
/// provincial mechanism and are therefore not accepted.
/// </summary>
public static class RegionCatalog
{
    public const string NationalCode = "CN";

    private static readonly (string Code, string Zh, string Short, string En, RegionKind Kind)[] Rows =
    [
        (NationalCode, "全国", "全国", "China (national)", RegionKind.Nation),
        ("11", "北京市", "北京", "Beijing", RegionKind.Municipality),
        ("12", "天津市", "天津", "Tianjin", RegionKind.Municipality),
        ("13", "河北省", "河北", "Hebei", RegionKind.Province),
        ("14", "山西省", "山西", "Shanxi", RegionKind.Province),
        ("15", "内蒙古自治区", "内蒙古", "Inner Mongolia", RegionKind.AutonomousRegion),
        ("21", "辽宁省", "辽宁", "Liaoning", RegionKind.Province),
        ("22", "吉林省", "吉林", "Jilin", RegionKind.Province),
        ("23", "黑龙江省", "黑龙江", "Heilongjiang", RegionKind.Province),
        ("31", "上海市", "上海", "Shanghai", RegionKind.Municipality),
        ("32", "江苏省", "江苏", "Jiangsu", RegionKind.Province),
        ("33", "浙江省", "浙江", "Zhejiang", RegionKind.Province),
        ("34", "安徽省", "安徽", "Anhui", RegionKind.Province),
        ("35", "福建省", "福建", "Fujian", RegionKind.Province),
        ("36", "江西省", "江西", "Jiangxi", RegionKind.Province),
        ("37", "山东省", "山东", "Shandong", RegionKind.Province),
        ("41", "河南省", "河南", "Henan", RegionKind.Province),
        ("42", "湖北省", "湖北", "Hubei", RegionKind.Province),
        ("43", "湖南省", "湖南", "Hunan", RegionKind.Province),
        ("44", "广东省", "广东", "Guangdong", RegionKind.Province),
        ("45", "广西壮族自治区", "广西", "Guangxi", RegionKind.AutonomousRegion),
        ("46", "海南省", "海南", "Hainan", RegionKind.Province),
        ("50", "重庆市", "重庆", "Chongqing", RegionKind.Municipality),
        ("51", "四川省", "四川", "Sichuan", RegionKind.Province),
        ("52", "贵州省", "贵州", "Guizhou", RegionKind.Province),
        ("53", "云南省", "云南", "Yunnan", RegionKind.Province),
        ("54", "西藏自治区", "西藏", "Tibet (Xizang)", RegionKind.AutonomousRegion),
        ("61", "陕西省", "陕西", "Shaanxi", RegionKind.Province),
        ("62", "甘肃省", "甘肃", "Gansu", RegionKind.Province),
        ("63", "青海省", "青海", "Qinghai", RegionKind.Province),
        ("64", "宁夏回族自治区", "宁夏", "Ningxia", RegionKind.AutonomousRegion),
        ("65", "新疆维吾尔自治区", "新疆", "Xinjiang", RegionKind.AutonomousRegion),
    ];

    private static readonly HashSet<string> Codes = new(Rows.Select(r => r.Code), StringComparer.Ordinal);

    /// <summary>The nation first, then the 31 divisions in code order.</summary>
    public static IReadOnlyList<Region> All { get; } =
        Rows.Select(r => new Region(RegionCode.Parse(r.Code), r.Zh, r.Short, r.En, r.Kind)).ToArray();

    public static IReadOnlyList<Region> Provinces { get; } = All.Where(r => !r.Code.IsNational).ToArray();

    public static Region Get(RegionCode code) => All.First(r => r.Code == code);

    /// <summary>The catalogue's own instance of a code, so that parsed values share one string.</summary>
    internal static bool TryCanonical(string code, out string canonical) => Codes.TryGetValue(code, out canonical!);
}
