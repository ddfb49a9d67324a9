using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

public enum DataFileLayout
{
    /// <summary>The canonical long format of indicators.md: one observation per row.</summary>
    Canonical,

    /// <summary>An NBS-style wide table: metadata lines (指标：name(unit)), then 地区,2015年,2016年,… one row per region.</summary>
    Wide,
}

/// <summary>What one pass over a data file found.</summary>
public sealed class ScanResult(string file)
{
    public string File { get; } = file;

    public bool IsExcel { get; internal set; }

    public DataFileLayout Layout { get; internal set; }

    /// <summary>"utf-8", "gb18030" or "xlsx".</summary>
    public string Encoding { get; internal set; } = "utf-8";

    /// <summary>Data rows read (a wide row with many years counts once).</summary>
    public int RowsRead { get; internal set; }

    public int Observations { get; internal set; }

    public int MissingValues { get; internal set; }

    public List<CsvRowError> Errors { get; } = [];

    public HashSet<IndicatorId> Indicators { get; } = [];

    public HashSet<RegionCode> Regions { get; } = [];

    /// <summary>A wide table's footer 数据来源, for the second pass to use as every row's source.</summary>
    public string? WideSource { get; internal set; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public string Sha256 { get; internal set; } = string.Empty;

    public bool Stopped => Errors.Count > CanonicalCsvReader.MaxErrors;
}
