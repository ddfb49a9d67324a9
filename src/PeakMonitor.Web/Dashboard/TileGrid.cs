using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// A tile-grid map of the 31 provinces (one equal tile each, roughly where it lies), so that large
/// western provinces do not dominate the picture as on an area map (anchors.md: geofacet-style grid).
/// </summary>
public static class TileGrid
{
    private static readonly (string Code, int Row, int Column)[] Tiles =
    [
        ("23", 0, 6),
        ("15", 1, 4), ("22", 1, 6),
        ("65", 2, 1), ("11", 2, 4), ("12", 2, 5), ("21", 2, 6),
        ("62", 3, 2), ("64", 3, 3), ("14", 3, 4), ("13", 3, 5), ("37", 3, 6),
        ("63", 4, 1), ("61", 4, 2), ("41", 4, 3), ("34", 4, 4), ("32", 4, 5), ("31", 4, 6),
        ("54", 5, 0), ("51", 5, 1), ("50", 5, 2), ("42", 5, 3), ("36", 5, 4), ("33", 5, 5),
        ("53", 6, 1), ("52", 6, 2), ("43", 6, 3), ("35", 6, 4),
        ("45", 7, 2), ("44", 7, 3),
        ("46", 8, 3),
    ];

    public static IEnumerable<(RegionCode Code, int Row, int Column)> Layout =>
        Tiles.Select(t => (RegionCode.Parse(t.Code), t.Row, t.Column));
}
