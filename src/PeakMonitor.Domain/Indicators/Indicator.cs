namespace PeakMonitor.Domain.Indicators;

/// <summary>
/// How an indicator behaves over time: a stock is read at the end of its period (capacity), a flow
/// accumulates over its period (consumption, generation), a level is a rate or share, a change is a
/// published rate of change in percent (negative when the quantity fell). Levels and changes are
/// never summed or derived from months.
/// </summary>
public enum IndicatorKind
{
    Stock,
    Flow,
    Level,
    Change,
}

/// <summary>
/// A raw indicator with its canonical unit and the other units accepted on import, each with the
/// factor that converts it to the canonical unit (indicators.md, "Indicators").
/// </summary>
public sealed class Indicator
{
    private readonly Dictionary<string, decimal> _factors;

    internal Indicator(string id, string nameZh, string nameEn, IndicatorKind kind, string canonicalUnit, IReadOnlyDictionary<string, decimal> otherUnits)
    {
        Id = IndicatorId.Parse(id);
        NameZh = nameZh;
        NameEn = nameEn;
        Kind = kind;
        CanonicalUnit = canonicalUnit;
        _factors = new Dictionary<string, decimal>(otherUnits, StringComparer.Ordinal) { [canonicalUnit] = 1m };
    }

    public IndicatorId Id { get; }

    public string NameZh { get; }

    public string NameEn { get; }

    public IndicatorKind Kind { get; }

    public string CanonicalUnit { get; }

    /// <summary>Every unit a data file may use for this indicator, canonical first.</summary>
    public IEnumerable<string> AcceptedUnits => _factors.Keys.OrderBy(u => u == CanonicalUnit ? 0 : 1);

    public bool Accepts(string unit) => _factors.ContainsKey(unit.Trim());

    /// <summary>
    /// Converts a value in <paramref name="unit"/> to the canonical unit; false when the unit is not
    /// accepted. Decimal arithmetic keeps "25.1 GW" exactly 2510 (10k kW), where doubles would not.
    /// </summary>
    public bool TryToCanonical(decimal value, string unit, out decimal canonical)
    {
        if (_factors.TryGetValue(unit.Trim(), out var factor))
        {
            canonical = value * factor;
            return true;
        }

        canonical = 0m;
        return false;
    }

    /// <summary>Converts a canonical value back to <paramref name="unit"/> (for display and exports).</summary>
    public bool TryFromCanonical(decimal canonical, string unit, out decimal value)
    {
        if (_factors.TryGetValue(unit.Trim(), out var factor))
        {
            value = canonical / factor;
            return true;
        }

        value = 0m;
        return false;
    }
}
