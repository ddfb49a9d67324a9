using System.Text;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Tests.Csv;

public sealed class CanonicalCsvReaderTests
{
    private const string Header = "region,indicator,period,value,unit,sector,source,note\n";

    private static Task<CsvReadResult> ReadAsync(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var stream = new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return CanonicalCsvReader.ReadAsync(stream, "data.csv", CancellationToken.None);
    }

    private static async Task<CsvRowError> SingleErrorAsync(string text)
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(text));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public async Task ReadAsync_ExampleOfTheContract_ConvertedToCanonicalUnits()
    {
        var result = await ReadAsync(Header + "CN,energy_total,2020,498000,10k tce,all,NBS communiqué 2021,\n44,cap_solar,2023-06,25.1,GW,all,provincial energy bureau,\n", bom: true);

        Assert.Equal(2, result.Observations.Count);
        Assert.Equal(498000, result.Observations[0].Value);
        Assert.Equal("NBS communiqué 2021", result.Observations[0].Source);
        Assert.Equal(2510, result.Observations[1].Value);
        Assert.Equal("2023-06", result.Observations[1].Period.ToString());
    }

    [Fact]
    public async Task ReadAsync_ColumnsInAnyOrderOptionalOmitted_SectorDefaultsToAll()
    {
        var result = await ReadAsync("unit,value,period,indicator,region\nGW,1.5,2024,cap_wind,15\n");

        var o = Assert.Single(result.Observations);
        Assert.Equal(("15", "all", 150.0), (o.Region.Value, o.Sector.Value, o.Value));
    }

    [Fact]
    public async Task ReadAsync_EmptyValue_MissingNotZero()
    {
        var result = await ReadAsync(Header + "11,cap_wind,2020,,GW,all,,\n11,cap_wind,2021,0,GW,all,,\n");

        Assert.Equal(1, result.MissingValues);
        Assert.Equal(0, Assert.Single(result.Observations).Value);
    }

    [Fact]
    public async Task ReadAsync_QuotedFieldsWithCommasQuotesAndNewlines_Preserved()
    {
        var result = await ReadAsync(Header + "11,cap_wind,2020,1,GW,all,\"Bureau, \"\"annual\"\" report\",\"line 1\nline 2\"\n");

        var o = Assert.Single(result.Observations);
        Assert.Equal("Bureau, \"annual\" report", o.Source);
        Assert.Equal("line 1\nline 2", o.Note);
    }

    [Theory]
    [InlineData("99,cap_wind,2020,1,GW,all,,", "region", "99")]
    [InlineData("71,cap_wind,2020,1,GW,all,,", "region", "71")]
    [InlineData("11,cap_sun,2020,1,GW,all,,", "indicator", "cap_sun")]
    [InlineData("11,cap_wind,2020,1,GW,steel,,", "sector", "steel")]
    [InlineData("11,cap_wind,2020-13,1,GW,all,,", "period", "2020-13")]
    [InlineData("11,cap_wind,20,1,GW,all,,", "period", "20")]
    [InlineData("11,cap_wind,2020,1\u00a0000,GW,all,,", "value", "1\u00a0000")]
    [InlineData("11,cap_wind,2020,\"1,000\",GW,all,,", "value", "1,000")]
    [InlineData("11,cap_wind,2020,1e3,GW,all,,", "value", "1e3")]
    [InlineData("11,cap_wind,2020,NaN,GW,all,,", "value", "NaN")]
    [InlineData("11,cap_wind,2020,∞,GW,all,,", "value", "∞")]
    [InlineData("11,cap_wind,2020,0x10,GW,all,,", "value", "0x10")]
    [InlineData("11,cap_wind,2020,-5,GW,all,,", "value", "-5")]
    [InlineData("11,cap_wind,2020,99999999999999999999999999999999,GW,all,,", "value", "99999999999999999999999999999999")]
    [InlineData("11,cap_wind,2020,1,GWh,all,,", "unit", "GWh")]
    [InlineData("11,cap_wind,2020,1,,all,,", "unit", "")]
    [InlineData("11,forest_coverage,2020,101,%,all,,", "value", "101")]
    public async Task ReadAsync_BadField_ErrorNamesFileLineColumnAndValue(string row, string column, string value)
    {
        var error = await SingleErrorAsync(Header + "11,cap_wind,2019,1,GW,all,,\n" + row + "\n");

        Assert.Equal(("data.csv", 3, column, value), (error.File, error.Line, error.Column, error.Value));
        Assert.Contains("data.csv, line 3", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SeveralBadRows_EveryOneListed()
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + "99,cap_wind,2020,1,GW,all,,\n11,cap_wind,2020,x,GW,all,,\n11,cap_wind,2021,1,GW,all,,\n11,nope,2020,1,GW,all,,\n"));

        Assert.Equal([2, 3, 5], ex.Errors.Select(e => e.Line));
        Assert.Contains("nothing was stored", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DuplicateKey_PointsAtFirstLine()
    {
        var error = await SingleErrorAsync(Header + "11,cap_wind,2020,1,GW,all,,\n11,cap_wind,2020,150,MW,,,\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("duplicate of line 2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownColumn_Rejected()
    {
        var error = await SingleErrorAsync("region,indicator,period,value,unit,comment\n11,cap_wind,2020,1,GW,x\n");

        Assert.Equal(("comment", 1), (error.Column, error.Line));
    }

    [Fact]
    public async Task ReadAsync_MissingRequiredAndDuplicatedColumns_AllReported()
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync("region,region,period,value\n"));

        Assert.Contains(ex.Errors, e => e.Column == "region" && e.Reason.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Column == "indicator" && e.Reason.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Column == "unit");
    }

    [Fact]
    public async Task ReadAsync_WrongFieldCount_Rejected()
    {
        var error = await SingleErrorAsync(Header + "11,cap_wind,2020,1,GW\n");

        Assert.Contains("has 5 fields", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public async Task ReadAsync_EmptyFile_Rejected(string text) =>
        Assert.NotNull(await SingleErrorAsync(text));

    [Fact]
    public async Task ReadAsync_Gb18030File_DetectedAndDecoded()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = System.Text.Encoding.GetEncoding("GB18030").GetBytes(Header + "15,cap_wind,2020,1,GW,all,内蒙古能源局,“十四五”\n");

        var result = await CanonicalCsvReader.ReadAsync(new MemoryStream(gbk), "gbk.csv", CancellationToken.None);

        var o = Assert.Single(result.Observations);
        Assert.Equal(("内蒙古能源局", "“十四五”"), (o.Source, o.Note));
    }

    [Fact]
    public async Task ReadAsync_NeitherUtf8NorGb18030_RejectedSayingSo()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Header + "15,cap_wind,2020,1,GW,all,"), 0xFF, 0xFF, 0xFE, 0x80, (byte)'\n'];

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => CanonicalCsvReader.ReadAsync(new MemoryStream(bytes), "binary.csv", CancellationToken.None));

        Assert.Contains("neither valid UTF-8 nor GB18030", Assert.Single(ex.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedQuote_Rejected()
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + "11,cap_wind,2020,1,GW,all,\"oops,\n"));

        Assert.NotEmpty(ex.Errors);
    }

    [Fact]
    public async Task ReadAsync_ThousandsOfBadRows_StopsAtLimit()
    {
        var rows = string.Concat(Enumerable.Repeat("99,cap_wind,2020,1,GW,all,,\n", 5000));

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + rows));

        Assert.Equal(CanonicalCsvReader.MaxErrors + 1, ex.Errors.Count);
        Assert.Contains("… and", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_Missing_ErrorNamesPath()
    {
        var ex = await Assert.ThrowsAsync<CsvImportException>(() => CanonicalCsvReader.ReadFileAsync("/nonexistent/x.csv", CancellationToken.None));

        Assert.Contains("/nonexistent/x.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PublishedRateOfChange_NegativeAccepted()
    {
        // 扣除原料用能和非化石能源消费量后，2024年全国万元国内生产总值能耗比上年下降3.8%.
        var result = await ReadAsync(Header + "CN,energy_intensity_change,2024,-3.8,%,all,NBS communiqué 2024,\n");

        Assert.Equal(-3.8, Assert.Single(result.Observations).Value);
    }

    [Theory]
    [InlineData("CN,energy_intensity_change,2024,-100,%,all,,", "value")]
    [InlineData("CN,co2_intensity_change,2024,150,%,all,,", "value")]
    [InlineData("CN,energy_feedstock,2024,-1,10k tce,all,,", "value")]
    public async Task ReadAsync_RateOfChangeOutOfRange_Rejected(string row, string column) =>
        Assert.Equal(column, (await SingleErrorAsync(Header + row + "\n")).Column);

    [Fact]
    public async Task ReadAsync_QualityColumn_FlagsKept()
    {
        var result = await ReadAsync("region,indicator,period,value,unit,quality\nCN,energy_total,2023,572000,10k tce,unverified\nCN,co2_energy,2023,1131610,10k t,estimate\nCN,population,2023,140967,10k persons,\n");

        Assert.Equal(
            [PeakMonitor.Domain.Series.ObservationQuality.Unverified, PeakMonitor.Domain.Series.ObservationQuality.Estimate, PeakMonitor.Domain.Series.ObservationQuality.Reported],
            result.Observations.Select(o => o.Quality));
    }

    [Fact]
    public async Task ReadAsync_UnknownQuality_RejectedNamingTheColumn()
    {
        var error = await SingleErrorAsync("region,indicator,period,value,unit,quality\nCN,energy_total,2023,572000,10k tce,trust me\n");

        Assert.Equal(("quality", "trust me"), (error.Column, error.Value));
    }
}
