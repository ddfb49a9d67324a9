using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Synthetic;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Synthetic;

public sealed class SeedFilesTests : IDisposable
{
    private static readonly string[] SyntheticFiles = [SeedFiles.ProvincesFile, SeedFiles.SectorsFile, SeedFiles.MonthlyFile];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Task<CsvReadResult> ReadAsync(string file) => CanonicalCsvReader.ReadFileAsync(SeedData.PathOf(file), CancellationToken.None);

    [Fact]
    public async Task CommittedSeedFiles_ReadByCanonicalReader_NoErrorsAndEveryRegionCovered()
    {
        var regions = new HashSet<string>();
        foreach (var file in SyntheticFiles.Prepend(SeedFiles.NationalFile))
        {
            var result = await ReadAsync(file);

            Assert.NotEmpty(result.Observations);
            Assert.True(new FileInfo(SeedData.PathOf(file)).Length < 20_000_000, $"{file} is over 20 MB");
            regions.UnionWith(result.Observations.Select(o => o.Region.Value));
        }

        Assert.Equal(RegionCatalog.All.Select(r => r.Code.Value).Order(StringComparer.Ordinal), regions.Order(StringComparer.Ordinal));
        var provinces = (await ReadAsync(SeedFiles.ProvincesFile)).Observations.Select(o => o.Region.Value).Distinct().Count();
        var sectors = (await ReadAsync(SeedFiles.SectorsFile)).Observations.Select(o => o.Region.Value).Distinct().Count();
        var monthly = (await ReadAsync(SeedFiles.MonthlyFile)).Observations.Where(o => o.Period.Frequency == Frequency.Monthly).Select(o => o.Region.Value).Distinct().Count();
        Assert.Equal((32, 32, 31), (provinces, sectors, monthly));
    }

    [Fact]
    public async Task NationalFile_EveryRow_OfficialSourceForCnOnly()
    {
        var result = await ReadAsync(SeedFiles.NationalFile);

        Assert.All(result.Observations, o =>
        {
            Assert.True(o.Region.IsNational);
            Assert.Equal(SectorId.All, o.Sector);
            Assert.False(string.IsNullOrWhiteSpace(o.Source), $"{o.Indicator} {o.Period} has no source");
            Assert.DoesNotContain("synthetic", o.Source!, StringComparison.OrdinalIgnoreCase);
        });
        // 15 raw series, plus the published rates of change: energy intensity (definition in force, gross,
        // five-year-plan cumulative) and CO2 intensity.
        Assert.Equal(19, result.Observations.Select(o => o.Indicator).Distinct().Count());
        Assert.True(result.MissingValues > 0, "unpublished years are explicit empty values");
    }

    [Fact]
    public async Task NationalFile_DerivedRows_ConsistentWithTheirInputs()
    {
        var values = (await ReadAsync(SeedFiles.NationalFile)).Observations.ToDictionary(o => (o.Indicator.Value, o.Period.Year), o => o.Value);

        for (var year = 2005; year <= 2024; year++)
        {
            double V(string indicator) => values[(indicator, year)];
            Assert.Equal(V("energy_total"), V("energy_coal") + V("energy_oil") + V("energy_gas") + V("energy_nonfossil"), 2.0);
            Assert.Equal((V("energy_coal") * 2.66) + (V("energy_oil") * 2.02) + (V("energy_gas") * 1.62), V("co2_energy"), 0.5);
        }

        // The final verification of 2020 GDP (国家统计局, 2021-12-17), not the preliminary 1,015,986.2.
        Assert.Equal(1_013_567, values[("gdp_real", 2020)]);
        Assert.Equal(values[("gdp_real", 2019)] * 1.022, values[("gdp_real", 2020)], 1.0);
    }

    [Fact]
    public async Task SyntheticFiles_EveryRow_SourceSynthetic()
    {
        foreach (var file in SyntheticFiles)
        {
            var result = await ReadAsync(file);

            Assert.Equal(0, result.MissingValues);
            Assert.All(result.Observations, o => Assert.Equal(ProvincialSeriesGenerator.Source, o.Source));
        }
    }

    [Fact]
    public async Task WriteAsync_CommittedNationalAndOfficialFiles_ReproducesCommittedSyntheticFiles()
    {
        File.Copy(SeedData.PathOf(SeedFiles.NationalFile), Path.Combine(_dir.Path, SeedFiles.NationalFile));
        File.Copy(SeedData.PathOf(SeedFiles.OfficialFile), Path.Combine(_dir.Path, SeedFiles.OfficialFile));

        var written = await SeedFiles.WriteAsync(_dir.Path, ProvincialSeriesGenerator.DefaultSeed, CancellationToken.None);

        Assert.Equal(SyntheticFiles, written.Select(Path.GetFileName));
        foreach (var file in SyntheticFiles)
        {
            var committed = await File.ReadAllBytesAsync(SeedData.PathOf(file));
            var regenerated = await File.ReadAllBytesAsync(Path.Combine(_dir.Path, file));
            Assert.True(committed.SequenceEqual(regenerated), $"{file} differs from what the generator writes: regenerate it (seed-data/README.md)");
        }
    }

    [Fact]
    public async Task WriteAsync_BadOfficialFile_RejectedNamingItsFileAndNothingWritten()
    {
        File.Copy(SeedData.PathOf(SeedFiles.NationalFile), Path.Combine(_dir.Path, SeedFiles.NationalFile));
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, SeedFiles.OfficialFile), "region,indicator,period,value,unit\n99,gdp_nominal,2023,1,100m CNY\n");

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => SeedFiles.WriteAsync(_dir.Path, 1, CancellationToken.None));

        Assert.Equal(SeedFiles.OfficialFile, Assert.Single(ex.Errors).File);
        Assert.Equal(2, Directory.GetFiles(_dir.Path).Length);
    }

    [Fact]
    public async Task WriteAsync_NoNationalFile_RejectedNamingTheFile()
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => SeedFiles.WriteAsync(_dir.Path, 1, CancellationToken.None));

        Assert.Equal(SeedFiles.NationalFile, Assert.Single(ex.Errors).File);
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }
}
