using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed partial class ExplorerTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    private const string View = "/explore?ind=energy_total&ind=co2_energy&region=CN&region=44&from=2015&to=2024&norm=none";

    private static double[] RawValues(string html) =>
        RawPattern().Matches(html).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task Get_Explore_TableValuesAreTheStoredOnes()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var html = await http.GetStringAsync(new Uri(View, UriKind.Relative));

        var stored = seeded.Observations.Single(o => o.Indicator.Value == "energy_total" && o.Region.Value == "44" && o.Sector.Value == "all" && o.Period.ToString() == "2020");
        Assert.Contains($"data-raw=\"{stored.Value.ToString("R", CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"explore-chart-option\"", html, StringComparison.Ordinal);
        Assert.Contains("ind=energy_total&amp;ind=co2_energy&amp;region=CN&amp;region=44", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCsvAndXlsx_SameNumbersAsTheTable()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();
        var query = View[(View.IndexOf('?', StringComparison.Ordinal) + 1)..];

        var table = RawValues(await http.GetStringAsync(new Uri(View, UriKind.Relative)));
        var csv = await http.GetStringAsync(new Uri("/explore/export.csv?" + query, UriKind.Relative));
        var xlsx = await http.GetByteArrayAsync(new Uri("/explore/export.xlsx?" + query, UriKind.Relative));

        var csvValues = csv.Split('\n').Skip(1).Where(l => l.Length > 0 && char.IsDigit(l[0]))
            .SelectMany(l => l.Split(',').Skip(1)).Where(v => v.Length > 0).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(table, csvValues);
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>()
            .Where(c => c.DataType?.Value == CellValues.Number).Select(c => double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(table, cells);
    }

    [Fact]
    public async Task Get_Explore_PerCapitaAndIndex_NormalisedFromStoredData()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        var perCapita = RawValues(await http.GetStringAsync(new Uri("/explore?ind=energy_total&region=CN&from=2020&to=2020&norm=percap", UriKind.Relative))).Single();
        var index = RawValues(await http.GetStringAsync(new Uri("/explore?ind=energy_total&region=CN&from=2020&to=2021&norm=index&base=2020", UriKind.Relative)));

        double Stored(string indicator, int year) => seeded.Observations.Single(o => o.Indicator.Value == indicator && o.Region.Value == "CN" && o.Sector.Value == "all" && o.Period.ToString() == year.ToString(CultureInfo.InvariantCulture)).Value;
        Assert.Equal(Stored("energy_total", 2020) / Stored("population", 2020), perCapita, precision: 9);
        Assert.Equal([100, Stored("energy_total", 2021) / Stored("energy_total", 2020) * 100], index, new Tolerance());
    }

    [Fact]
    public async Task Get_Explore_HostileParameters_IgnoredAndSaid()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync();

        using var response = await http.GetAsync(new Uri("/explore?ind=%3Cscript%3Ealert(1)%3C/script%3E&region=99&region=CN&from=abc&sector=x%27%20OR%201=1&norm=%00", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"explore-problems\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("data-raw=", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-raw=\"([^\"]+)\"")]
    private static partial Regex RawPattern();

    private sealed class Tolerance : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
