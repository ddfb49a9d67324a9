using System.Net;
using System.Text.RegularExpressions;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed class ProvincesPageTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    private static string Row(string html, string region)
    {
        var start = html.IndexOf($"<tr data-region=\"{region}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, region);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Get_Provinces_RankingHas31RowsWithEngineValues()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces?kpi=nonfossil_share&year=2024", UriKind.Relative));

        var table = html[html.IndexOf("id=\"ranking\"", StringComparison.Ordinal)..];
        Assert.Equal(31, Regex.Matches(table, "<tr data-region=").Count);
        var expected = seeded.Expected.Single(r => r.Kpi == "nonfossil_share" && r.Region.Value == "44" && r.Year == 2024);
        var lang = new PeakMonitor.Reports.Localization.UiLanguage();
        Assert.Contains($"data-field=\"value\">{lang.Num(expected.Value, 2)}<", Row(table, "44"), StringComparison.Ordinal);
        Assert.Contains($"data-status=\"{expected.Status!.Value.Id()}\"", Row(table, "44"), StringComparison.Ordinal);
        Assert.Equal(31, Regex.Matches(html, "class=\"tile\"").Count);
        Assert.Contains("\"map\":\"china\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Provinces_ColourByValue_LegendFromLowestToHighestProvince()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces?kpi=nonfossil_share&year=2024&color=value", UriKind.Relative));

        var legend = html[html.IndexOf("id=\"colour-legend\"", StringComparison.Ordinal)..];
        legend = legend[..legend.IndexOf("</p>", StringComparison.Ordinal)];
        var values = seeded.Expected.Where(r => r.Kpi == "nonfossil_share" && r.Track == "main" && !r.Region.IsNational && r.Year == 2024 && r.Value is not null).Select(r => r.Value!.Value).ToArray();
        var lang = new PeakMonitor.Reports.Localization.UiLanguage();
        Assert.Contains("data-mode=\"value\"", legend, StringComparison.Ordinal);
        Assert.Contains($"data-field=\"min\">{lang.Num(values.Min(), 1)}<", legend, StringComparison.Ordinal);
        Assert.Contains($"data-field=\"max\">{lang.Num(values.Max(), 1)}<", legend, StringComparison.Ordinal);
        Assert.Contains("class=\"ramp\"", legend, StringComparison.Ordinal);

        var byStatus = await http.GetStringAsync(new Uri("/provinces?kpi=nonfossil_share&year=2024", UriKind.Relative));
        var statusLegend = byStatus[byStatus.IndexOf("id=\"colour-legend\"", StringComparison.Ordinal)..];
        statusLegend = statusLegend[..statusLegend.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains("data-mode=\"status\"", statusLegend, StringComparison.Ordinal);
        var statuses = seeded.Expected.Where(r => r.Kpi == "nonfossil_share" && r.Track == "main" && !r.Region.IsNational && r.Year == 2024).Select(r => r.Status).Distinct();
        Assert.All(statuses, st => Assert.Contains($"data-status=\"{st?.Id() ?? "none"}\"", statusLegend, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportCsv_Ranking_SameRowsOrderAndNumbersAsThePage()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces?kpi=nonfossil_share&year=2024", UriKind.Relative));
        using var response = await http.GetAsync(new Uri("/provinces/export.csv?kpi=nonfossil_share&year=2024&sort=value", UriKind.Relative));
        var csv = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("非化石能源消费比重", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"排名\",\"地区代码\",\"地区\",\"数值 (%)\"", lines[1], StringComparison.Ordinal);
        var data = lines.Skip(2).Where(l => char.IsDigit(l[0])).Select(l => l.Split(',')).ToArray();
        Assert.Equal(31, data.Length);
        var pageOrder = Regex.Matches(html[html.IndexOf("id=\"ranking\"", StringComparison.Ordinal)..], "<tr data-region=\"(\\d+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(pageOrder, data.Select(d => d[1].Trim('"')));
        var expected = seeded.Expected.Single(r => r.Kpi == "nonfossil_share" && r.Track == "main" && r.Region.Value == "44" && r.Year == 2024);
        Assert.Equal(expected.Value!.Value, double.Parse(data.Single(d => d[1] == "\"44\"")[3], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.StartsWith("\"来源：", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportXlsx_Ranking_OpensWith31RowsAndNumbersAsNumbers()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var bytes = await http.GetByteArrayAsync(new Uri("/provinces/export.xlsx?kpi=wind_solar_capacity&year=2024", UriKind.Relative));

        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc));
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToArray();
        Assert.Equal(2 + 31 + 1, rows.Length);
        var valueCell = rows[2].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(3);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, valueCell.DataType!.Value);
    }

    [Theory]
    [InlineData("/provinces/export.csv?kpi=%3Cscript%3E&year=x&group=%27&sort=drop", HttpStatusCode.OK)]
    [InlineData("/provinces/export.exe", HttpStatusCode.NotFound)]
    public async Task Export_HostileQuery_DefaultsOrNotFoundNeverAnError(string url, HttpStatusCode expected)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var csv = await response.Content.ReadAsStringAsync();
            Assert.Contains("非化石能源消费比重", csv, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", csv, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_Anonymous_SentToSignIn()
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/provinces/export.csv", UriKind.Relative));

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, response.StatusCode.ToString());
    }

    [Fact]
    public async Task Get_Provinces_DefaultYear_TheNationsNotTheSyntheticProvincesLatest()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces", UriKind.Relative));

        // Synthetic provincial data reach 2025; the nation's official data are complete through 2024.
        Assert.Contains("id=\"page-year\" data-year=\"2024\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Provinces_NationalTotal_NoProvinceJudgedShareOfNationShown()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces?kpi=wind_solar_capacity&year=2024", UriKind.Relative));

        var table = html[html.IndexOf("id=\"ranking\"", StringComparison.Ordinal)..];
        Assert.Equal(31, Regex.Matches(table, "<tr data-region=\"\\d+\" data-status=\"not_applicable\"").Count);
        Assert.Contains("id=\"scope-note\"", html, StringComparison.Ordinal);
        var lang = new PeakMonitor.Reports.Localization.UiLanguage();
        Assert.Contains($"data-field=\"share\">{lang.Num(seeded.At("wind_solar_capacity", "main", "15").ShareOfNational, 1)}<", Row(table, "15"), StringComparison.Ordinal);
        Assert.DoesNotContain("全国目标）", table, StringComparison.Ordinal);
        Assert.DoesNotContain("一级 十分严峻", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Provinces_RateWithoutProvincialTargets_NoTargetNotJudged()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces?kpi=energy_intensity_reduction&year=2024", UriKind.Relative));

        // The factory runs without a targets file: every province is "no provincial target".
        var table = html[html.IndexOf("id=\"ranking\"", StringComparison.Ordinal)..];
        Assert.Equal(31, Regex.Matches(table, "<tr data-region=\"\\d+\" data-status=\"no_target\"").Count);
    }

    [Fact]
    public async Task Get_Provinces_GroupFilter_OnlyMembers()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces?kpi=carbon_intensity_reduction:vs2005&group=yrd", UriKind.Relative));

        var table = html[html.IndexOf("id=\"ranking\"", StringComparison.Ordinal)..];
        Assert.Equal(["31", "32", "33", "34"], Regex.Matches(table, "<tr data-region=\"(\\d+)\"").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/provinces?kpi=%3Cscript%3E&year=abc&group=x%27%20OR%201%3D1&sort=%00")]
    [InlineData("/provinces?kpi=recycled_resources_volume&year=1800")]
    public async Task Get_Provinces_HostileQuery_FallsBackToDefaults(string url)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.DoesNotContain("<script>", html.Replace("<script src=", string.Empty, StringComparison.Ordinal).Replace("<script type=", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownRoute_404AndApiStaysJson()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var page = await http.GetAsync(new Uri("/no/such/page?x=<script>", UriKind.Relative));
        using var api = await http.GetAsync(new Uri("/api/imports/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("not-found", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostImports_WithoutAntiforgeryToken_400AndNothingStarted()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent("region,indicator,period,value,unit\nCN,cap_wind,2020,1,GW\n"u8.ToArray()), "file", "x.csv" } };

        using var response = await http.PostAsync(new Uri("/api/imports", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProvinceDetail_ScorecardEqualsEngineAndUnknownCodeIs404()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces/53", UriKind.Relative));
        using var missing = await http.GetAsync(new Uri("/provinces/99", UriKind.Relative));

        Assert.Contains("云南省", html, StringComparison.Ordinal);
        var expected = seeded.At("wind_solar_capacity", "main", "53");
        var row = html[html.IndexOf("<tr data-kpi=\"wind_solar_capacity\"", StringComparison.Ordinal)..];
        Assert.Contains($"data-field=\"value\">{new PeakMonitor.Reports.Localization.UiLanguage().Num(expected.Value, 2)} ", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("id=\"comparison\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-sector=\"industry\"", html[html.IndexOf("id=\"sector-breakdown\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("长江经济带", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("id=\"not-found\"", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProvinceDetail_OneYearTargetSourcesAndOverallGrade()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces/44", UriKind.Relative));

        Assert.Contains("id=\"page-year\" data-year=\"2024\"", html, StringComparison.Ordinal);
        var row = html[html.IndexOf("<tr data-kpi=\"wind_solar_capacity\"", StringComparison.Ordinal)..];
        Assert.Contains("全国总量目标，不评价省份", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);

        // Without provincial targets there is nothing binding to grade: not graded, rather than a grade from national targets.
        Assert.Contains("data-grade=\"none\"", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"num\">全国</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProvinceDetail_EveryComputedKpiNamesWhereItsDataCameFrom()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces/44", UriKind.Relative));

        var table = html[html.IndexOf("id=\"scorecard\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        var sources = Regex.Matches(table, "data-field=\"data-source\">([^<]*)<").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(Regex.Count(table, "<tr data-kpi="), sources.Length);
        // Each computed KPI's sources are the stored ones of its inputs (the generator's marker shown as words); the rest have none.
        Assert.Contains(sources, s => s.Contains("合成数据（演示用，非官方统计）", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Contains("synthetic", StringComparison.Ordinal));
        var rows = Regex.Matches(table, "<tr data-kpi=\"([^\"]+)\".*?data-field=\"data-source\">([^<]*)<", RegexOptions.Singleline);
        Assert.All(rows.Where(m => !KpiCatalog.Get(m.Groups[1].Value).HasDataSource), m => Assert.Equal("—", m.Groups[2].Value));
    }

    [Fact]
    public async Task Get_ProvinceDetail_BasicData_OfficialNumbersCiteTheirSourceAndSyntheticOnlyWhereStillApplies()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces/33?year=2023", UriKind.Relative));

        var section = html[html.IndexOf("id=\"basic-data\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = Regex.Matches(section, "<tr data-indicator=\"([^\"]+)\" data-period=\"([^\"]+)\" data-origin=\"([^\"]+)\">(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => (Indicator: m.Groups[1].Value, Period: m.Groups[2].Value, Origin: m.Groups[3].Value, Html: m.Groups[4].Value))
            .ToArray();

        // Zhejiang 2023: GDP at current prices and population from the provincial communiqué, the rest still synthetic.
        var gdp = Assert.Single(rows, r => r.Indicator == "gdp_nominal");
        Assert.Equal(("2023", "official"), (gdp.Period, gdp.Origin));
        Assert.Contains("浙江省统计局", gdp.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://zjzd.stats.gov.cn/", gdp.Html, StringComparison.Ordinal);
        Assert.Equal("official", Assert.Single(rows, r => r.Indicator == "population").Origin);
        Assert.Equal("synthetic", Assert.Single(rows, r => r.Indicator == "energy_total").Origin);
        Assert.All(rows, r => Assert.Equal(r.Origin == "synthetic", r.Html.Contains("data-badge=\"synthetic\"", StringComparison.Ordinal)));
        Assert.All(rows.Where(r => r.Origin == "synthetic"), r => Assert.Contains("合成数据（演示用，非官方统计）", r.Html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ProvinceDetail_YearWithoutOfficialFigure_LatestOfficialListedBesideTheSyntheticValue()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri("/provinces/33?year=2024", UriKind.Relative));

        var section = html[html.IndexOf("id=\"basic-data\"", StringComparison.Ordinal)..];
        Assert.Contains("data-indicator=\"population\" data-period=\"2024\" data-origin=\"synthetic\"", section, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"population\" data-period=\"2023\" data-origin=\"official\"", section, StringComparison.Ordinal);
        Assert.Contains("data-indicator=\"gdp_nominal\" data-period=\"2023\" data-origin=\"official\"", section, StringComparison.Ordinal);
    }
}
