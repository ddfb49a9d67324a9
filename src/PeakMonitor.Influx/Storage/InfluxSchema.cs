using PeakMonitor.Domain.Series;

namespace PeakMonitor.Influx.Storage;

/// <summary>
/// How observations are laid out in InfluxDB (documented in the README, "Storage schema"):
/// one measurement; the series key is indicator + region + sector + frequency as tags; the value in
/// the canonical unit and its provenance as fields; the time is the first instant of the period.
/// Source and note are fields, not tags: a corrected source must overwrite the point, not add a
/// second series beside it.
/// </summary>
public static class InfluxSchema
{
    public const string Measurement = "observation";

    public const string IndicatorTag = "indicator";
    public const string RegionTag = "region";
    public const string SectorTag = "sector";
    public const string FrequencyTag = "freq";

    /// <summary>Always written as a float: a field's type is fixed per shard.</summary>
    public const string ValueField = "value";

    /// <summary>Always written (empty when unknown), so that re-importing a point replaces every field.</summary>
    public const string SourceField = "source";

    public const string NoteField = "note";

    /// <summary>Empty (as reported), "unverified" (待核实) or "estimate" (估算); always written.</summary>
    public const string QualityField = "quality";

    public static string FrequencyTagValue(Frequency frequency) => frequency == Frequency.Annual ? "year" : "month";
}
