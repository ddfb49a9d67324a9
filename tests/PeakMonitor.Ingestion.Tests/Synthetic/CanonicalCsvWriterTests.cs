using System.Globalization;
using System.Text;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Synthetic;

namespace PeakMonitor.Ingestion.Tests.Synthetic;

public sealed class CanonicalCsvWriterTests
{
    private static string Write(IEnumerable<Observation> observations)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CanonicalCsvWriter.Write(writer, observations);
        return writer.ToString();
    }

    private static Task<CsvReadResult> ReadBackAsync(string text) =>
        CanonicalCsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), "written.csv", CancellationToken.None);

    private static Observation Obs(string indicator, string region, string period, double value, string sector = "all", string? source = null, string? note = null) =>
        new(IndicatorId.Parse(indicator), RegionCode.Parse(region), SectorId.Parse(sector), Period.Parse(period), value, source, note);

    [Fact]
    public void Write_AnyObservations_CanonicalHeaderAndLfLines()
    {
        var text = Write([Obs("cap_wind", "15", "2024", 8000)]);

        Assert.Equal("region,indicator,period,value,unit,sector,source,note,quality\n15,cap_wind,2024,8000,10k kW,all,,,\n", text);
    }

    [Fact]
    public async Task Write_SomeObservationsDated_PublishedColumnReadBackAndEmptyForTheUndated()
    {
        var text = Write([Obs("gdp_real", "CN", "2020", 1013567) with { Published = new DateOnly(2021, 12, 17) }, Obs("gdp_real", "CN", "2021", 1098706.6)]);

        Assert.StartsWith("region,indicator,period,value,unit,sector,source,note,quality,published\n", text, StringComparison.Ordinal);
        var read = (await ReadBackAsync(text)).Observations;
        Assert.Equal([new DateOnly(2021, 12, 17), (DateOnly?)null], read.Select(o => o.Published));
    }

    [Fact]
    public async Task Write_GeneratedSeries_ReadBackIdentical()
    {
        var observations = ProvincialSeriesGenerator.MonthlyFeed(2022, 6, 7).Concat(SeedData.National).ToList();

        var result = await ReadBackAsync(Write(observations));

        Assert.Equal(0, result.MissingValues);
        Assert.Equal(observations, result.Observations);
    }

    [Fact]
    public async Task Write_FieldsWithCommasQuotesAndNewlines_QuotedAndReadBack()
    {
        var o = Obs("energy_total", "44", "2023-01", 1234.5, "industry.steel", "Bureau, \"annual\" report", "line 1\nline 2");

        var text = Write([o]);
        var back = Assert.Single((await ReadBackAsync(text)).Observations);

        Assert.Contains("\"Bureau, \"\"annual\"\" report\"", text, StringComparison.Ordinal);
        Assert.Equal(o, back);
    }

    [Fact]
    public void Write_Units_AreCanonicalUnitsOfTheIndicators()
    {
        var text = Write([Obs("co2_energy", "CN", "2020", 1), Obs("forest_coverage", "35", "2020", 66.8), Obs("gen_solar", "63", "2025-06", 25)]);

        var units = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[4]);
        Assert.Equal(new[] { "10k t", "%", "100m kWh" }, units);
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1234.57, "1234.57")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0, "0")]
    public void FormatValue_AnyMagnitude_ShortestTextWithoutExponent(double value, string expected)
    {
        Assert.Equal(expected, CanonicalCsvWriter.FormatValue(value));
    }

    [Fact]
    public void FormatValue_BeyondDecimalRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CanonicalCsvWriter.FormatValue(1e30));
    }

    [Fact]
    public async Task Write_ShortestRoundTripValues_ReadBackToTheSameDouble()
    {
        var values = new[] { 0.1 + 0.2, 1.0 / 3, 498314.0, 12345.678901234567, 2.5e-6 };

        var back = await ReadBackAsync(Write(values.Select((v, i) => Obs("cap_solar", "11", (2000 + i).ToString(CultureInfo.InvariantCulture), v))));

        Assert.Equal(values, back.Observations.Select(o => o.Value));
    }
}
