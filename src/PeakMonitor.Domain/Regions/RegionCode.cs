namespace PeakMonitor.Domain.Regions;

/// <summary>
/// A region id: <c>CN</c> for the nation or the two-digit GB/T 2260 code of one of the 31
/// provincial-level divisions (indicators.md, "Regions"). Only catalogued codes can be constructed.
/// </summary>
public readonly record struct RegionCode
{
    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public bool IsNational => Value == RegionCatalog.NationalCode;

    public static RegionCode National => new(RegionCatalog.NationalCode);

    public static bool TryParse(string? text, out RegionCode code)
    {
        var trimmed = text?.Trim();
        if (trimmed is not null && RegionCatalog.TryCanonical(trimmed, out var canonical))
        {
            code = new RegionCode(canonical);
            return true;
        }

        code = default;
        return false;
    }

    public static RegionCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not a region code: use CN or a two-digit GB/T 2260 code (11 … 65).");

    public override string ToString() => Value ?? string.Empty;
}
