using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

[Collection(CliCollection.Name)]
public sealed class ReportCommandTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Report_FormatDocx_WritesAValidWordDocumentWithCharts()
    {
        var database = "report_" + Guid.NewGuid().ToString("N")[..8];
        var seed = Path.Combine(Repository.Root, "seed-data", "national-cn.csv");
        var (ingestExit, _, ingestErr) = await Cli.RunAsync("ingest", seed, "--influx", influxd.Url.ToString(), "--database", database);
        Assert.True(ingestExit == 0, ingestErr);
        var output = Path.Combine(_dir.Path, "out");

        var (exit, stdout, stderr) = await Cli.RunAsync("report", "--year", "2024", "--region", "CN", "--lang", "zh", "--format", "docx", "--out", output, "--influx", influxd.Url.ToString(), "--database", database);

        Assert.True(exit == 0, stderr + stdout);
        var file = Assert.Single(Directory.GetFiles(output));
        Assert.EndsWith("peakmonitor-assessment-2024-CN-zh.docx", file, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = string.Concat(document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
        Assert.Contains("非化石能源消费比重", text, StringComparison.Ordinal);
        Assert.Contains("一、总体评价", text, StringComparison.Ordinal);
        Assert.True(document.MainDocumentPart.ImageParts.Count() >= 4, "a chart per headline KPI");
    }

    [Fact]
    public async Task Report_UnknownFormat_ExitsNamingTheFormats()
    {
        var (exit, _, stderr) = await Cli.RunAsync("report", "--year", "2024", "--format", "odt", "--out", _dir.Path, "--influx", influxd.Url.ToString(), "--database", "none");

        Assert.NotEqual(0, exit);
        Assert.Contains("docx", stderr, StringComparison.Ordinal);
    }
}
