using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Synthetic;

namespace PeakMonitor.Ingestion.Tests.Synthetic;

/// <summary>The committed seed files, and what the generator makes of the national one (computed once per test run).</summary>
internal static class SeedData
{
    public static string Directory { get; } = Path.Combine(TestKit.Repository.Root, "seed-data");

    private static readonly Lazy<IReadOnlyList<Observation>> LazyNational = new(() =>
        CanonicalCsvReader.ReadFileAsync(Path.Combine(Directory, SeedFiles.NationalFile), CancellationToken.None).GetAwaiter().GetResult().Observations);

    private static readonly Lazy<IReadOnlyList<Observation>> LazyGenerated = new(() =>
        ProvincialSeriesGenerator.Generate(National, ProvincialSeriesGenerator.DefaultSeed));

    public static IReadOnlyList<Observation> National => LazyNational.Value;

    public static IReadOnlyList<Observation> Generated => LazyGenerated.Value;

    public static string PathOf(string file) => Path.Combine(Directory, file);
}
