using System.Text.Json;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class KpiCommandTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    // Carbon intensity 2005 → 2020 → 2023: 1000/100, 1032/200, 1000/215 (Mt CO2 per 100m CNY).
    private const string Data = """
        region,indicator,period,value,unit,source
        CN,co2_energy,2005,1000,Mt,test
        CN,co2_energy,2020,1032,Mt,test
        CN,co2_energy,2023,1000,Mt,test
        CN,gdp_real,2005,100,100m CNY,test
        CN,gdp_real,2020,200,100m CNY,test
        CN,gdp_real,2023,215,100m CNY,test
        44,cap_new_storage,2020,0,GW,test
        44,cap_new_storage,2023,4.5,GW,test
        CN,energy_total,2020,1000,10k tce,test
        CN,energy_total,2023,1100,10k tce,test
        CN,energy_nonfossil,2020,159,10k tce,test
        CN,energy_nonfossil,2023,198,10k tce,test
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Kpi_DataFileJson_OneObjectPerCarbonIntensityPairWithContractFields()
    {
        var file = _dir.File("data.csv", Data);

        var (exit, stdout, stderr) = await Cli.RunAsync("kpi", "--data", file, "--region", "CN", "--year", "2023", "--kpi", "carbon_intensity_reduction", "--format", "json");

        Assert.True(exit == 0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToArray();

        // vs 2020 and vs 2005, and the published rates (none in this file) as a third, ungraded track.
        Assert.Equal(["vs2020", "vs2005", "official"], rows.Select(r => r.GetProperty("track").GetString()));
        string[] contract = ["kpi", "region", "year", "value", "unit", "baselineYear", "baselineValue", "targetYear", "target", "expected", "progress", "requiredAnnualRate", "actualAnnualRate", "projected", "status", "grade"];
        Assert.All(rows, row => Assert.All(contract, field => Assert.True(row.TryGetProperty(field, out _), field)));
        var vs2005 = rows.Single(r => r.GetProperty("baselineYear").GetInt32() == 2005);

        // 1 − (1000/215) ÷ (1000/100) = 53.488%.
        Assert.Equal((1 - (1000.0 / 215 / (1000.0 / 100))) * 100, vs2005.GetProperty("value").GetDouble(), precision: 9);
        Assert.Equal(65, vs2005.GetProperty("target").GetDouble());
        Assert.Equal("on_track", vs2005.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Kpi_ProvinceUnderNationalTotal_NotApplicableNeverJudged()
    {
        var file = _dir.File("data.csv", Data);

        var (_, stdout, _) = await Cli.RunAsync("kpi", "--data", file, "--region", "44", "--year", "2023", "--kpi", "new_type_storage_capacity", "--format", "json");

        var row = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single();
        Assert.Equal(4.5, row.GetProperty("value").GetDouble(), precision: 9);
        Assert.Equal("not_applicable", row.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("target").ValueKind);
        Assert.Equal(30, row.GetProperty("referenceTarget").GetDouble());
    }

    [Fact]
    public async Task Kpi_TargetsFile_ProvincialTargetUsed()
    {
        var file = _dir.File("data.csv", Data);
        var targets = _dir.File("targets.csv", "kpi,region,baseline_year,target_year,target,modality,source\nnew_type_storage_capacity,44,2020,2025,4,at_least,广东省实施方案\n");

        var (_, stdout, _) = await Cli.RunAsync("kpi", "--data", file, "--region", "44", "--year", "2023", "--kpi", "new_type_storage_capacity", "--targets", targets, "--format", "json");

        var row = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Single();
        Assert.Equal((4.0, "provincial", "achieved_early"), (row.GetProperty("target").GetDouble(), row.GetProperty("targetOrigin").GetString(), row.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Kpi_CsvAndTable_SameResultsOtherShapes()
    {
        var file = _dir.File("data.csv", Data);

        var (_, csv, _) = await Cli.RunAsync("kpi", "--data", file, "--region", "CN", "--kpi", "carbon_intensity_reduction", "--format", "csv");
        var (_, table, _) = await Cli.RunAsync("kpi", "--data", file, "--region", "CN", "--year", "2023", "--kpi", "carbon_intensity_reduction");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("kpi,track,region,year,value,officialFigure,unit,baselineYear", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + (3 * 19), lines.Length); // 2005–2023, three tracks
        Assert.Contains("carbon_intensity_reduction[vs2005]", table, StringComparison.Ordinal);
        Assert.Contains("三级 基本顺利", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_FromStore_SameNumbersAsFromFiles()
    {
        var file = _dir.File("data.csv", Data);
        var database = "kpi_" + Guid.NewGuid().ToString("N")[..8];
        var (ingestExit, _, ingestErr) = await Cli.RunAsync("ingest", file, "--influx", influxd.Url.ToString(), "--database", database);
        Assert.True(ingestExit == 0, ingestErr);

        var (_, fromStore, storeErr) = await Cli.RunAsync("kpi", "--influx", influxd.Url.ToString(), "--database", database, "--region", "all", "--year", "2023", "--format", "json");
        var (_, fromFiles, _) = await Cli.RunAsync("kpi", "--data", file, "--region", "all", "--year", "2023", "--format", "json");

        Assert.True(fromStore.Length > 2, storeErr);
        Assert.Equal(fromFiles, fromStore);
    }

    [Theory]
    [InlineData("--kpi", "no_such_kpi", "not a KPI")]
    [InlineData("--region", "99", "not a region")]
    [InlineData("--data", "/nonexistent/data.csv", "file not found")]
    public async Task Kpi_BadArgument_Exit2WithReason(string option, string value, string reason)
    {
        var file = _dir.File("data.csv", Data);
        string[] args = option == "--data" ? ["kpi", option, value] : ["kpi", "--data", file, option, value];

        var (exit, _, stderr) = await Cli.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kpi_ToleranceFromConfiguration_ChangesTheJudgement()
    {
        // Non-fossil share 18.0% in 2023 against a path at 18.36%: inside the default ±0.5-point band, outside ±0.1.
        var file = _dir.File("data.csv", Data);
        string[] args = ["kpi", "--data", file, "--region", "CN", "--year", "2023", "--kpi", "nonfossil_share", "--format", "json"];

        var (_, defaults, _) = await Cli.RunAsync(args);
        Environment.SetEnvironmentVariable("Kpi__AboutTolerancePoints", "0.1");
        try
        {
            var (_, strict, _) = await Cli.RunAsync(args);

            Assert.Equal("on_track", JsonDocument.Parse(defaults).RootElement[0].GetProperty("status").GetString());
            Assert.NotEqual("on_track", JsonDocument.Parse(strict).RootElement[0].GetProperty("status").GetString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("Kpi__AboutTolerancePoints", null);
        }
    }

    [Fact]
    public async Task Kpi_InvalidThresholdInConfiguration_Exit2NamingIt()
    {
        var file = _dir.File("data.csv", Data);
        Environment.SetEnvironmentVariable("Kpi__AtRiskRateMultiple", "0.5");
        try
        {
            var (exit, _, stderr) = await Cli.RunAsync("kpi", "--data", file, "--year", "2023");

            Assert.Equal(2, exit);
            Assert.Contains("AtRiskRateMultiple", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Kpi__AtRiskRateMultiple", null);
        }
    }

    [Fact]
    public async Task Kpi_BadFormat_UsageError()
    {
        var (exit, _, stderr) = await Cli.RunAsync("kpi", "--format", "xml");

        Assert.NotEqual(0, exit);
        Assert.Contains("xml", stderr, StringComparison.Ordinal);
    }

    /// <summary>The must-show command on the shipped seed data and targets file.</summary>
    private static async Task<JsonElement[]> SeedKpisAsync()
    {
        var targets = Path.Combine(Repository.Root, "seed-data", "targets", "provincial-targets.csv");
        var (exit, stdout, stderr) = await Cli.RunAsync("kpi", "--data", Path.Combine(Repository.Root, "seed-data"), "--region", "all", "--year", "2024", "--format", "json", "--targets", targets);
        Assert.True(exit == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Kpi_SeedData2024_NoProvinceJudgedAgainstANationalAbsoluteTotal()
    {
        string[] totals = ["wind_solar_capacity", "hydro_capacity_additions", "new_type_storage_capacity", "pumped_hydro_capacity", "forest_stock_volume", "coal_consumption_trend"];
        var rows = await SeedKpisAsync();

        var provinces = rows.Where(r => r.GetProperty("region").GetString() != "CN").ToArray();
        Assert.Equal(31, provinces.Select(r => r.GetProperty("region").GetString()).Distinct().Count());

        // A province is judged only by its own target, or by one the plan sets for each province (peak-load response).
        Assert.All(provinces.Where(r => r.GetProperty("targetOrigin").GetString() == "national_plan"), r => Assert.Equal("peak_load_response", r.GetProperty("kpi").GetString()));
        Assert.All(provinces.Where(r => totals.Contains(r.GetProperty("kpi").GetString()) && r.GetProperty("targetOrigin").ValueKind == JsonValueKind.Null),
            r => Assert.Equal("not_applicable", r.GetProperty("status").GetString()));
        Assert.Contains(provinces, r => r.GetProperty("targetOrigin").GetString() == "provincial" && r.GetProperty("kpi").GetString() == "wind_solar_capacity");
    }

    [Fact]
    public async Task Kpi_SeedData2024_EnergyIntensityOnTheDefinitionInForceWithin1PointOfTheOfficial11Point6()
    {
        var rows = await SeedKpisAsync();

        var main = rows.Single(r => r.GetProperty("region").GetString() == "CN" && r.GetProperty("kpi").GetString() == "energy_intensity_reduction" && r.GetProperty("track").GetString() == "main");
        Assert.InRange(main.GetProperty("value").GetDouble(), 10.6, 12.6);
        Assert.NotEqual("off_track", main.GetProperty("status").GetString());
        var gross = rows.Single(r => r.GetProperty("region").GetString() == "CN" && r.GetProperty("kpi").GetString() == "energy_intensity_reduction" && r.GetProperty("track").GetString() == "gross");
        Assert.False(gross.GetProperty("graded").GetBoolean());
    }

    [Fact]
    public async Task Kpi_SeedData2024_Co2PeakNotAFailingGradeAndVetoesNothing()
    {
        var rows = await SeedKpisAsync();

        var peak = rows.Single(r => r.GetProperty("region").GetString() == "CN" && r.GetProperty("kpi").GetString() == "co2_peak");
        Assert.Equal(JsonValueKind.Null, peak.GetProperty("grade").ValueKind);
        Assert.False(peak.GetProperty("binding").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, peak.GetProperty("peakState").ValueKind);
    }

    [Fact]
    public async Task Report_2025WithoutDataForBindingKpis_SaysNotAssessable()
    {
        var database = "report_" + Guid.NewGuid().ToString("N")[..8];
        var seed = Directory.GetFiles(Path.Combine(Repository.Root, "seed-data"), "*.csv").Order(StringComparer.Ordinal).ToArray();
        var (ingestExit, _, ingestErr) = await Cli.RunAsync(["ingest", .. seed, "--influx", influxd.Url.ToString(), "--database", database]);
        Assert.True(ingestExit == 0, ingestErr);

        var (exit, stdout, stderr) = await Cli.RunAsync("report", "--year", "2025", "--region", "CN", "--out", _dir.Path, "--influx", influxd.Url.ToString(), "--database", database);

        Assert.True(exit == 0, stderr);
        Assert.Contains("CN 2025: 无法评定（数据不全）", stdout, StringComparison.Ordinal);
        Assert.Contains("单位国内生产总值能源消耗降低", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "peakmonitor-assessment-2025-CN-zh.pdf")));
    }
}
