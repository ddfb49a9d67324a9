using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Synthetic;

namespace PeakMonitor.Ingestion.Tests.Synthetic;

/// <summary>The committed seed files, and what the generator makes of the national one (computed once per test run).</summary>
internal static class SeedData
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "seed-data");

    private static readonly Lazy<IReadOnlyList<Observation>> LazyNational = new(() =>
        CanonicalCsvReader.ReadFileAsync(Path.Combine(Directory, SeedFiles.NationalFile), CancellationToken.None).GetAwaiter().GetResult().Observations);

    private static readonly Lazy<IReadOnlyList<Observation>> LazyGenerated = new(() =>
        ProvincialSeriesGenerator.Generate(National, ProvincialSeriesGenerator.DefaultSeed));

    public static IReadOnlyList<Observation> National => LazyNational.Value;

    public static IReadOnlyList<Observation> Generated => LazyGenerated.Value;

    public static string PathOf(string file) => Path.Combine(Directory, file);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeakMonitor.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PeakMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
