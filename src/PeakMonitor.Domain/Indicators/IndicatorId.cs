namespace PeakMonitor.Domain.Indicators;

/// <summary>A raw indicator id from indicators.md. Only catalogued ids can be constructed.</summary>
public readonly record struct IndicatorId
{
    private IndicatorId(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out IndicatorId id)
    {
        var trimmed = text?.Trim();
        if (trimmed is not null && IndicatorCatalog.TryCanonical(trimmed, out var canonical))
        {
            id = new IndicatorId(canonical);
            return true;
        }

        id = default;
        return false;
    }

    public static IndicatorId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not an indicator id.");

    public override string ToString() => Value ?? string.Empty;
}
