using PeakMonitor.Domain.Series;

namespace PeakMonitor.Influx.Storage;

/// <summary>
/// How observations are laid out in InfluxDB (documented in the README, "Storage schema"):
/// one measurement; the series key is indicator + region + sector + frequency as tags; the value in
/// the canonical unit and its provenance as fields; the time is the first instant of the period.
/// Source and note are fields, not tags: a corrected source must overwrite the point, not add a
/// second series beside it.
/// <para>
/// Vintages: <see cref="Measurement"/> holds the latest vintage of every series and period (so every
/// latest read is as it was), with its published date in <see cref="PublishedField"/>;
/// <see cref="VintageMeasurement"/> holds every vintage, the published date as the extra tag
/// <see cref="PublishedTag"/>, so a new vintage is a new point beside the old one and a re-import of
/// the same vintage overwrites itself.
/// </para>
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

    /// <summary>
    /// The published date of the latest vintage as the number yyyymmdd (a float, like every number we
    /// write: a field's type is fixed per shard), so that a write can ask the store for the newest
    /// published date in a range with one max(). Absent on points written before vintages existed.
    /// </summary>
    public const string PublishedField = "published";

    /// <summary>Every vintage of every value; same tags and fields as <see cref="Measurement"/>, plus <see cref="PublishedTag"/>.</summary>
    public const string VintageMeasurement = "vintage";

    /// <summary>YYYY-MM-DD; absent on the copy of a value stored before vintages existed (published at an unknown date).</summary>
    public const string PublishedTag = "published";

    public static string FrequencyTagValue(Frequency frequency) => frequency == Frequency.Annual ? "year" : "month";
}
