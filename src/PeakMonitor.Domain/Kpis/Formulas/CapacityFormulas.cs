using PeakMonitor.Domain.Indicators;

namespace PeakMonitor.Domain.Kpis.Formulas;

/// <summary>
/// Installed capacity at year end in GW: the sum of its parts (stored in 10k kW, ÷ 100). Every part
/// must be present; a sum with one part missing would understate it.
/// </summary>
public sealed class CapacityFormula(string zh, string en, params string[] parts) : KpiFormula
{
    internal const double TenThousandKwPerGw = 100;

    private readonly IndicatorId[] _parts = parts.Select(Id).ToArray();

    /// <summary>风电、太阳能发电总装机容量 (三(一)2, L579).</summary>
    public static CapacityFormula WindSolar { get; } = new("(风电装机 + 太阳能发电装机) ÷ 100，单位 GW", "(cap_wind + cap_solar) ÷ 100, in GW", "cap_wind", "cap_solar");

    /// <summary>新型储能装机容量 (三(一)6, L589): power rating, not energy.</summary>
    public static CapacityFormula NewTypeStorage { get; } = new("新型储能装机 ÷ 100，单位 GW（功率）", "cap_new_storage ÷ 100, in GW (power rating)", "cap_new_storage");

    /// <summary>抽水蓄能电站装机容量 (三(一)6, L589).</summary>
    public static CapacityFormula PumpedHydro { get; } = new("抽水蓄能装机 ÷ 100，单位 GW", "cap_pumped_hydro ÷ 100, in GW", "cap_pumped_hydro");

    public override IReadOnlyList<IndicatorId> Inputs => _parts;

    public override string DescriptionZh => zh;

    public override string DescriptionEn => en;

    public override KpiMeasure Measure => KpiMeasure.Total;

    public override bool BaselineMayBeInterpolated => true;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) => Total(inputs, year);

    public override double? Total(KpiInputs inputs, int year)
    {
        var sum = 0.0;
        foreach (var part in _parts)
        {
            if (inputs[part, year] is not { } v)
            {
                return null;
            }

            sum += v;
        }

        return sum / TenThousandKwPerGw;
    }
}

/// <summary>新增水电装机 (三(一)3, L581): conventional hydro capacity added since the five-year plan's start, GW.</summary>
public sealed class AdditionsFormula(string indicator, string zh, string en) : KpiFormula
{
    private readonly IndicatorId _indicator = Id(indicator);

    public static AdditionsFormula Hydro { get; } = new("cap_hydro", "当年常规水电装机 − 五年规划起点装机，单位 GW", "cap_hydro in the year − cap_hydro at the plan start, in GW");

    public override IReadOnlyList<IndicatorId> Inputs => [_indicator];

    public override string DescriptionZh => zh;

    public override string DescriptionEn => en;

    public override KpiMeasure Measure => KpiMeasure.Total;

    public override RateKind RateKind => RateKind.AdditionsPerYear;

    public override double? Value(KpiInputs inputs, int year, int baselineYear) =>
        inputs[_indicator, year] - inputs[_indicator, baselineYear] is { } added ? added / CapacityFormula.TenThousandKwPerGw : null;

    /// <summary>The capacity itself, GW (the additions' rate is measured on it).</summary>
    public override double? Underlying(KpiInputs inputs, int year, int baselineYear) => Total(inputs, year);

    public override double? Total(KpiInputs inputs, int year) => inputs[_indicator, year] / CapacityFormula.TenThousandKwPerGw;
}
