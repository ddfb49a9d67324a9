using System.Text;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Import;

public sealed class FileImporterTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private const string Header = "region,indicator,period,value,unit,sector,source,note\n";
    private const string Good = "11,cap_wind,2020,1,GW,all,NEA,\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, int[]> HostileFiles => new()
    {
        { "unknown-region.csv", Header + Good + "99,cap_wind,2020,1,GW,all,,\n", [3] },
        { "unknown-indicator.csv", Header + Good + "11,cap_sun,2020,1,GW,all,,\n", [3] },
        { "unknown-unit.csv", Header + Good + "11,cap_wind,2021,1,GWh,all,,\n", [3] },
        { "bad-number.csv", Header + Good + "11,cap_wind,2021,1.2.3,GW,all,,\n11,cap_wind,2022,abc,GW,all,,\n", [3, 4] },
        { "thousands.csv", Header + Good + "11,cap_wind,2021,\"1,000\",GW,all,,\n", [3] },
        { "negative-capacity.csv", Header + Good + "11,cap_wind,2021,-3,GW,all,,\n", [3] },
        { "period-2101.csv", Header + Good + "11,cap_wind,2101,1,GW,all,,\n", [3] },
        { "duplicate-key.csv", Header + Good + "12,cap_wind,2020,1,GW,all,,\n11,cap_wind,2020,1000,MW,,,\n", [4] },
        { "extra-column.csv", "region,indicator,period,value,unit,comment\n11,cap_wind,2020,1,GW,x\n", [1] },
        { "extra-field.csv", Header + Good + "11,cap_wind,2021,1,GW,all,,,surplus\n", [3] },
        { "empty.csv", string.Empty, [1] },
        { "header-only-bad.csv", "地区,2020年\n北京,1\n", [1] },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task ImportAsync_HostileFile_RejectedWithLinesAndNothingStored(string name, string content, int[] lines)
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = _dir.File(name, content);

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => kit.Importer.ImportAsync(path, null, CancellationToken.None));

        Assert.Equal(lines, ex.Errors.Select(e => e.Line).Distinct().Order());
        Assert.All(ex.Errors, e => Assert.Equal(name, e.File));
        Assert.Equal(0, await kit.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_Gb18030FileWithAChineseRegionInTheCanonicalLayout_DecodedAndRejectedAtItsLine()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = Path.Combine(_dir.Path, "gbk.csv");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("GB18030").GetBytes(Header + Good + "内蒙古,cap_wind,2020,1,GW,all,能源局,\n"));

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => kit.Importer.ImportAsync(path, null, CancellationToken.None));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((3, "region", "内蒙古"), (error.Line, error.Column, error.Value));
        Assert.Equal(0, await kit.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_TenMegabyteSingleLine_RejectedWithoutStoring()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = _dir.File("one-line.csv", "region" + new string('x', 10 * 1024 * 1024));

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => kit.Importer.ImportAsync(path, null, CancellationToken.None));

        Assert.Equal(1, ex.Errors[0].Line);
        Assert.True(ex.Message.Length < 20_000, "the report quotes the line shortened");
        Assert.Equal(0, await kit.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_SameGoodFileTwice_StoresTheDataOnce()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = _dir.File("good.csv", Header + string.Concat(Enumerable.Range(2005, 20).Select(y => $"44,cap_solar,{y},{y - 2000}.5,GW,all,NEA,\n")));

        var first = await kit.Importer.ImportAsync(path, null, CancellationToken.None);
        var second = await kit.Importer.ImportAsync(path, null, CancellationToken.None);

        Assert.Equal((20, 20), (first.Written, second.Written));
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(20, await kit.CountAsync());
        Assert.Equal(Enumerable.Range(2005, 20).Sum(y => (y - 2000 + 0.5) * 100), await kit.SumAsync(), precision: 6);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ImportAsync_InfluxdStoppedOrKilledMidImportAndRestarted_CompletesAndStoreEqualsFile(bool kill)
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(o => (o.MaxRetries, o.RetryBaseDelay) = (1, TimeSpan.FromMilliseconds(50))), _dir, writeAttempts: 10, chunkSize: 2_000);
        var rows = new StringBuilder(Header);
        var expected = 0.0;
        foreach (var region in Domain.Regions.RegionCatalog.All)
        {
            for (var month = 0; month < 26 * 12; month++)
            {
                var value = 100 + month + region.Code.Value.Length;
                expected += value;
                rows.Append(region.Code.Value).Append(",cap_wind,").Append(2005 + (month / 12)).Append('-').Append(((month % 12) + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(value).Append(",10k kW,all,test,\n");
            }
        }

        var path = _dir.File("big.csv", rows.ToString());
        var stopped = 0;
        var progress = new SynchronousProgress(p =>
        {
            // After the first chunk is written, pull the server away for a while.
            if (p.Phase == "write" && Interlocked.Exchange(ref stopped, 1) == 0)
            {
                (kill ? influxd.KillAsync() : influxd.StopAsync()).GetAwaiter().GetResult();
                _ = Task.Delay(TimeSpan.FromSeconds(1.5)).ContinueWith(_ => influxd.StartAsync(), TaskScheduler.Default).Unwrap();
            }
        });

        var outcome = await kit.Importer.ImportAsync(path, progress, CancellationToken.None);

        Assert.Equal(1, stopped);
        Assert.True(outcome.Attempts > 1, "the write pass was retried");
        Assert.Equal(32 * 26 * 12, outcome.Written);
        Assert.Equal(32 * 26 * 12, await kit.CountAsync());
        Assert.Equal(expected, await kit.SumAsync(), precision: 6);
    }

    [Fact]
    public async Task ImportAsync_NbsWideTableInGb18030_RegionsMappedFromChineseNames()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        const string table = "数据库：分省年度数据\n指标：能源消费总量(万吨标准煤)\n时间：最近3年\n地区,2022年,2021年,2020年\n北京市,6896,7104,6762\n内蒙古,27000,,26000\n全国,541000,525896,498314\n注：空白表示数据缺失。\n数据来源：国家统计局\n";
        var path = Path.Combine(_dir.Path, "nbs.csv");
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("GB18030").GetBytes(table));

        var outcome = await kit.Importer.ImportAsync(path, null, CancellationToken.None);

        Assert.Equal((DataFileLayout.Wide, "gb18030", 3, 8, 1), (outcome.Layout, outcome.Encoding, outcome.RowsRead, outcome.Written, outcome.MissingValues));
        var stored = await kit.Store.ReadAsync(new Domain.Series.SeriesQuery(Domain.Indicators.IndicatorId.Parse("energy_total"), Domain.Indicators.SectorId.All, Domain.Series.Period.OfYear(2020), Domain.Series.Period.OfYear(2022)), CancellationToken.None);
        Assert.Equal(26000, stored.Single(o => o.Region.Value == "15" && o.Period.Year == 2020).Value);
        Assert.Equal("国家统计局", stored.First().Source);
    }

    [Fact]
    public async Task ImportAsync_WideTableUnknownProvinceName_RejectedAtItsLine()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = _dir.File("wide-bad.csv", "指标：风电装机容量(万千瓦)\n地区,2023年\n北京,30\n台湾,5\n广东省,2000\n");

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => kit.Importer.ImportAsync(path, null, CancellationToken.None));

        Assert.Equal((4, "地区", "台湾"), (ex.Errors.Single().Line, ex.Errors.Single().Column, ex.Errors.Single().Value));
        Assert.Equal(0, await kit.CountAsync());
    }

    [Fact]
    public async Task ImportAsync_Xlsx_BothLayoutsRead()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var canonical = Path.Combine(_dir.Path, "long.xlsx");
        XlsxFile.Write(canonical, [["region", "indicator", "period", "value", "unit"], ["44", "cap_solar", "2023", 25.1, "GW"], ["CN", "cap_solar", "2023", 60900, "10k kW"]]);
        var wide = Path.Combine(_dir.Path, "wide.xlsx");
        XlsxFile.Write(wide, [["指标：太阳能发电装机容量(万千瓦)"], ["地区", 2022, 2023], ["广东", 1600, 2510]]);

        var first = await kit.Importer.ImportAsync(canonical, null, CancellationToken.None);
        var second = await kit.Importer.ImportAsync(wide, null, CancellationToken.None);

        Assert.Equal(("xlsx", 2, DataFileLayout.Wide, 2), (first.Encoding, first.Written, second.Layout, second.Written));
        Assert.Equal(3, await kit.CountAsync());
        Assert.Equal(60900 + 2510 + 1600, await kit.SumAsync(), precision: 6);
    }

    [Fact]
    public async Task ImportAsync_NotAWorkbookDespiteZipSignature_RejectedSayingSo()
    {
        var kit = new IngestionKit(await influxd.NewDatabaseAsync(), _dir);
        var path = Path.Combine(_dir.Path, "fake.xlsx");
        await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => kit.Importer.ImportAsync(path, null, CancellationToken.None));

        Assert.Contains(".xlsx", ex.Errors.Single().Reason, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
