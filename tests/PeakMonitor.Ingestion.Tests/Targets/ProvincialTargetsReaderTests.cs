using PeakMonitor.Domain.Kpis;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Targets;

namespace PeakMonitor.Ingestion.Tests.Targets;

public sealed class ProvincialTargetsReaderTests
{
    private const string Header = "kpi,region,baseline_year,target_year,target,modality,track,source\n";

    private static Task<IReadOnlyList<ProvincialTarget>> ReadAsync(string text) =>
        ProvincialTargetsReader.ReadAsync(new StringReader(text), "targets.csv", CancellationToken.None);

    [Fact]
    public async Task ReadAsync_ValidRows_TargetsMarkedProvincialWithSource()
    {
        var targets = await ReadAsync(Header + "energy_intensity_reduction,44,2020,2025,14,firm,,\"广东省\"\"十四五\"\"节能减排方案\"\ncarbon_intensity_reduction,11,2020,2025,20.5,firm,vs2020,北京市\n");

        Assert.Equal(2, targets.Count);
        Assert.Equal(("energy_intensity_reduction", "44", 14.0, "main", TargetOrigin.Provincial), (targets[0].Kpi, targets[0].Region.Value, targets[0].Target.Value, targets[0].Target.Track, targets[0].Target.Origin));
        Assert.Equal("广东省\"十四五\"节能减排方案", targets[0].Target.Source);
        Assert.Equal("vs2020", targets[1].Target.Track);
    }

    [Theory]
    [InlineData("no_such_kpi,44,2020,2025,14,firm,,省级规划", "kpi")]
    [InlineData("energy_intensity_reduction,CN,2020,2025,14,firm,,省级规划", "region")]
    [InlineData("energy_intensity_reduction,99,2020,2025,14,firm,,省级规划", "region")]
    [InlineData("energy_intensity_reduction,44,2025,2020,14,firm,,省级规划", "target_year")]
    [InlineData("energy_intensity_reduction,44,20x0,2025,14,firm,,省级规划", "baseline_year")]
    [InlineData("energy_intensity_reduction,44,2020,2025,fourteen,firm,,省级规划", "target")]
    [InlineData("energy_intensity_reduction,44,2020,2025,14,roughly,,省级规划", "modality")]
    [InlineData("carbon_intensity_reduction,44,2020,2025,14,firm,vs1990,省级规划", "track")]
    public async Task ReadAsync_BadField_ErrorNamesLineAndColumn(string row, string column)
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + row + "\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("targets.csv", 2, column), (error.File, error.Line, error.Column));
    }

    [Fact]
    public async Task ReadAsync_SameTargetTwice_Rejected()
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + "forest_coverage,35,2020,2030,67,about,,林业规划\nforest_coverage,35,2020,2030,68,about,,林业规划\n"));

        Assert.Contains("duplicate of line 2", Assert.Single(ex.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownColumn_Rejected()
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync("kpi,region,baseline_year,target_year,target,modality,weight\n"));

        Assert.Contains(ex.Errors, e => e.Column == "weight");
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_NoTargets() =>
        Assert.Empty(await ReadAsync(Header));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("no-such-dir/provincial-targets.csv")]
    public async Task ReadOptionalAsync_NoFileConfiguredOrPresent_NoTargets(string? path) =>
        Assert.Empty(await ProvincialTargetsReader.ReadOptionalAsync(path, CancellationToken.None));

    [Fact]
    public async Task ReadOptionalAsync_PresentButMalformed_ErrorNamesFileAndRow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"provincial-targets-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Header + "energy_intensity_reduction,44,2020,2025,lots,firm,,节能方案\n");
        try
        {
            var error = await Assert.ThrowsAsync<CsvImportException>(() => ProvincialTargetsReader.ReadOptionalAsync(path, CancellationToken.None));
            var row = Assert.Single(error.Errors);
            Assert.Equal((Path.GetFileName(path), 2, "target"), (row.File, row.Line, row.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string CitedHeader = "kpi,region,baseline_year,target_year,target,modality,track,binding,document,issuer,published,url,quote,note\n";

    [Fact]
    public async Task ReadAsync_CitedRow_DocumentIssuerDateUrlAndNature()
    {
        var targets = await ReadAsync(CitedHeader + "energy_intensity_reduction,31,2020,2025,14,firm,,binding,上海市“十四五”节能减排综合工作实施方案,上海市人民政府,2022-07-08,https://example.org/plan.html,\"单位生产总值能源消耗比2020年下降14%\",reprint\n");

        var t = Assert.Single(targets).Target;
        Assert.Equal("上海市“十四五”节能减排综合工作实施方案（上海市人民政府，2022-07-08）", t.Source);
        Assert.Equal("https://example.org/plan.html", t.SourceUrl);
        Assert.Equal((TargetNature.Binding, true, TargetSubject.Province), (t.Nature, t.Binding, t.Subject));
    }

    [Fact]
    public async Task ReadAsync_IncentiveTarget_ShownButNeverGraded()
    {
        var targets = await ReadAsync(CitedHeader + "energy_intensity_reduction,63,2020,2025,14.5,aspirational,incentive,,青海省节能减排实施方案,,,,,\n");

        var t = Assert.Single(targets).Target;
        Assert.Equal((KpiTracks.Incentive, false, false), (t.Track, t.Graded, t.Binding));
    }

    [Theory]
    [InlineData("energy_intensity_reduction,31,2020,2025,14,firm,,mandatory,文件,,,,,", "binding")]
    [InlineData("energy_intensity_reduction,31,2020,2025,14,firm,,,,,,,,", "document")]
    [InlineData("energy_intensity_reduction,31,2020,2025,14,firm,,,文件,,,javascript:alert(1),,", "url")]
    [InlineData("energy_intensity_reduction,31,2020,2025,14,firm,,,文件,,,ftp://example.org/x,,", "url")]
    [InlineData("energy_intensity_reduction,31,2020,2025,14,firm,,,文件,,2022/07/08,,,", "published")]
    [InlineData("energy_intensity_reduction,31,1948,2025,14,firm,,,文件,,,,,", "baseline_year")]
    [InlineData("energy_intensity_reduction,31,2020,２０２５,14,firm,,,文件,,,,,", "target_year")]
    public async Task ReadAsync_HostileCitation_ErrorNamesLineAndColumn(string row, string column)
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(CitedHeader + row + "\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("targets.csv", 2, column), (error.File, error.Line, error.Column));
    }
}
