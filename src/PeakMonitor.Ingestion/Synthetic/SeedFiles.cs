using System.Globalization;
using System.Text;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// Regenerates the synthetic seed files from the official national file: reads
/// <see cref="NationalFile"/> in <c>seedDirectory</c>, runs <see cref="ProvincialSeriesGenerator.Generate"/>
/// and writes <see cref="ProvincesFile"/> (annual, sector all), <see cref="SectorsFile"/> (sector
/// series) and <see cref="MonthlyFile"/> (monthly capacities) next to it, anchored to
/// <see cref="OfficialFile"/> where it exists and leaving out the keys it has. The same input files
/// and seed always give byte-identical files.
/// </summary>
public static class SeedFiles
{
    public const string NationalFile = "national-cn.csv";
    public const string ProvincesFile = "provinces-synthetic.csv";

    /// <summary>Official provincial figures with their sources; optional input of the generator (read, never written).</summary>
    public const string OfficialFile = "provinces-official.csv";
    public const string SectorsFile = "sectors-synthetic.csv";
    public const string MonthlyFile = "capacity-monthly-synthetic.csv";

    /// <summary>Earlier vintages of national figures (first-published and revised), each with its published date; not an input of the generator.</summary>
    public const string VintagesFile = "national-cn-vintages.csv";

    /// <summary>Writes the three synthetic files; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string seedDirectory, int seed, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedDirectory);
        var national = await CanonicalCsvReader.ReadFileAsync(Path.Combine(seedDirectory, NationalFile), cancellationToken).ConfigureAwait(false);
        var officialPath = Path.Combine(seedDirectory, OfficialFile);
        var official = File.Exists(officialPath)
            ? (await CanonicalCsvReader.ReadFileAsync(officialPath, cancellationToken).ConfigureAwait(false)).Observations
            : [];
        var generated = ProvincialSeriesGenerator.Generate(national.Observations, official, seed);
        var files = new (string Name, Func<Observation, bool> Select)[]
        {
            (ProvincesFile, o => o.Period.Frequency == Frequency.Annual && o.Sector == SectorId.All),
            (SectorsFile, o => o.Period.Frequency == Frequency.Annual && o.Sector != SectorId.All),
            (MonthlyFile, o => o.Period.Frequency == Frequency.Monthly),
        };
        var paths = new List<string>();
        foreach (var (name, select) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(seedDirectory, name);
            var text = new StringBuilder();
            using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
            {
                CanonicalCsvWriter.Write(writer, generated.Where(select));
            }

            await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }
}
