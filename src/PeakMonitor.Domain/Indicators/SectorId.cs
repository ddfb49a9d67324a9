namespace PeakMonitor.Domain.Indicators;

/// <summary>
/// A sector id from indicators.md ("Sectors"). Dotted ids nest: <c>industry</c> is the parent of
/// <c>industry.steel</c>. Only catalogued ids can be constructed.
/// </summary>
public readonly record struct SectorId
{
    public const string AllValue = "all";

    private SectorId(string value) => Value = value;

    public string Value { get; }

    public static SectorId All => new(AllValue);

    /// <summary>The enclosing sector (<c>industry</c> for <c>industry.steel</c>); <c>all</c> for top-level sectors.</summary>
    public SectorId Parent
    {
        get
        {
            var dot = Value.LastIndexOf('.');
            return dot < 0 ? All : new SectorId(Value[..dot]);
        }
    }

    public static bool TryParse(string? text, out SectorId sector)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            sector = All;
            return true;
        }

        if (SectorCatalog.TryCanonical(trimmed, out var canonical))
        {
            sector = new SectorId(canonical);
            return true;
        }

        sector = default;
        return false;
    }

    public static SectorId Parse(string text) =>
        TryParse(text, out var sector) ? sector : throw new FormatException($"'{text}' is not a sector id.");

    public override string ToString() => Value ?? string.Empty;
}
