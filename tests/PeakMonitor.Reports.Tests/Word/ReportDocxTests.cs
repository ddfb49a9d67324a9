using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Assessment;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Reports.Tests.Assessment;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace PeakMonitor.Reports.Tests.Word;

/// <summary>The Word report generated from the seed data in a real influxd, opened and checked with the OpenXml SDK.</summary>
public sealed class ReportDocxTests(SeededReports seeded) : IClassFixture<SeededReports>
{
    private static readonly IEnumerable<(KpiDefinition Kpi, string Track)> Headline =
        KpiCatalog.Computable.SelectMany(k => k.Targets.Where(t => t.Graded).Select(t => t.Track).Distinct().Select(t => (k, t)));

    private async Task<string> GenerateAsync(RegionCode region, bool english)
    {
        var files = await seeded.Generator.GenerateAsync(2024, [region], english, ReportFormats.Docx, seeded.Output.Path, null, CancellationToken.None);
        return Assert.Single(files).Path;
    }

    /// <summary>A KPI table's first cell without the marks the report puts after the name.</summary>
    private static string Unmarked(string cell, UiLanguage lang) =>
        new[] { lang.T("（合成）", " (synthetic)"), lang.T("（待核实）", " (to be verified)"), lang.T("（估算）", " (estimate)") }
            .Aggregate(cell, (text, mark) => text.Replace(mark, string.Empty, StringComparison.Ordinal));

    private static string Text(WordprocessingDocument document) =>
        string.Concat(document.MainDocumentPart!.Document.Body!.Descendants<Text>().Select(t => t.Text));

    [Fact]
    public async Task Generate_NationalChinese_ValidDocxWithNamesStatusesAndAChartPerHeadlineKpi()
    {
        var path = await GenerateAsync(RegionCode.National, english: false);

        using var document = WordprocessingDocument.Open(path, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();
        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.DistinctBy(e => e[(e.IndexOf(':', StringComparison.Ordinal) + 1)..]).Take(20)));
        var text = Text(document);
        var lang = new UiLanguage();
        var drawings = document.MainDocumentPart!.Document.Body!.Descendants<DW.DocProperties>().Select(d => d.Description?.Value ?? string.Empty).ToArray();
        foreach (var (kpi, track) in Headline)
        {
            var name = KpiText.Name(kpi, track, lang);
            Assert.Contains(name, text, StringComparison.Ordinal);
            Assert.True(drawings.Any(d => d.Contains(name, StringComparison.Ordinal)), $"a chart of {name}");
        }

        var nonfossil = seeded.Expected.Single(r => r.Kpi == "nonfossil_share" && r.Track == "main" && r.Region == RegionCode.National && r.Year == 2024);
        Assert.Contains(KpiText.Status(nonfossil.Status, lang), text, StringComparison.Ordinal);
        Assert.Contains(lang.Num(nonfossil.Value, 2), text, StringComparison.Ordinal);
        Assert.Equal(drawings.Length, document.MainDocumentPart.ImageParts.Count());
        Assert.All(document.MainDocumentPart.ImageParts, p => Assert.Equal("image/png", p.ContentType));
    }

    [Fact]
    public async Task Generate_National_GongwenHeadingsContentsFieldAndPageNumbers()
    {
        var path = await GenerateAsync(RegionCode.National, english: false);

        using var document = WordprocessingDocument.Open(path, false);
        var main = document.MainDocumentPart!;
        var headings = main.Document.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value, Text: string.Concat(p.Descendants<Text>().Select(t => t.Text))))
            .Where(p => p.Style?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .ToArray();
        Assert.Equal("一、总体评价", headings.First(h => h.Style == "Heading1").Text);
        Assert.Contains(headings, h => h.Style == "Heading1" && h.Text == "三、各省排名");
        Assert.StartsWith("（一）", headings.First(h => h.Style == "Heading2").Text, StringComparison.Ordinal);
        Assert.StartsWith("1. ", headings.First(h => h.Style == "Heading3").Text, StringComparison.Ordinal);
        Assert.Contains(main.Document.Body.Descendants<FieldCode>(), f => f.Text.Contains("TOC \\o \"1-3\"", StringComparison.Ordinal));
        Assert.True(main.DocumentSettingsPart!.Settings.Elements<UpdateFieldsOnOpen>().Single().Val!.Value);
        var footer = Assert.Single(main.FooterParts);
        Assert.Contains(footer.Footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        var outline = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Where(s => s.StyleId?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value).ToArray();
        Assert.Equal([0, 1, 2], outline.Select(o => o ?? -1).Order().ToArray());
        var margins = main.Document.Body.Elements<SectionProperties>().Single().GetFirstChild<PageMargin>()!;
        Assert.Equal(2098, margins.Top!.Value);
        Assert.Equal(1588U, margins.Left!.Value);
    }

    [Fact]
    public async Task Generate_TablesWithUnitsAndUnwrappedStatus()
    {
        var path = await GenerateAsync(RegionCode.National, english: false);

        using var document = WordprocessingDocument.Open(path, false);
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        var header = table.Elements<TableRow>().First();
        Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Contains("单位", string.Concat(header.Descendants<Text>().Select(t => t.Text)), StringComparison.Ordinal);
        var name = KpiText.Name(KpiCatalog.Get("nonfossil_share"), "main", new UiLanguage());
        var row = table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ToArray())
            .First(cells => string.Concat(cells[0].Descendants<Text>().Select(t => t.Text)).StartsWith(name, StringComparison.Ordinal));
        Assert.Equal("%", string.Concat(row[1].Descendants<Text>().Select(t => t.Text)));
        Assert.NotNull(row[7].TableCellProperties?.GetFirstChild<NoWrap>());
    }

    [Theory]
    [InlineData("CN", false)]
    [InlineData("44", true)]
    public async Task Generate_KpiTable_ProbabilityColumnMatchesTheOutlookModel(string code, bool english)
    {
        var region = RegionCode.Parse(code);
        var path = await GenerateAsync(region, english);

        using var document = WordprocessingDocument.Open(path, false);
        var lang = new UiLanguage { English = english };
        var table = document.MainDocumentPart!.Document.Body!.Elements<Table>().First();
        string CellText(TableCell c) => string.Concat(c.Descendants<Text>().Select(t => t.Text));
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(CellText).ToArray()).ToArray();
        Assert.Equal(lang.T("达标概率", "Probability of meeting the target"), rows[0][^1]);
        var expected = seeded.Outlooks(region, 2024);
        Assert.NotEmpty(expected);
        foreach (var outlook in expected)
        {
            var name = KpiText.Name(KpiCatalog.Get(outlook.Kpi), outlook.Track, lang);
            // The name with its marks taken off: not another track's name that starts the same.
            var row = rows.Skip(1).Single(r => Unmarked(r[0], lang) == name);
            var percent = Math.Round(outlook.Probability * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(lang.T($"{percent}%（{outlook.Deadline}）", $"{percent}% ({outlook.Deadline})"), row[^1]);
        }

        var withOutlook = expected.Count;
        Assert.Equal(rows.Length - 1 - withOutlook, rows.Skip(1).Count(r => r[^1] == "—"));
        var text = Text(document);
        Assert.Contains(lang.T($"模拟{seeded.OutlookOptions.Draws}条路径", $"{seeded.OutlookOptions.Draws} simulated paths"), text, StringComparison.Ordinal);
        Assert.Contains(lang.T("达峰检验", "Peak test"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ProvinceEnglish_ValidDocxInEnglishWithoutRanking()
    {
        var path = await GenerateAsync(RegionCode.Parse("44"), english: true);

        using var document = WordprocessingDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = Text(document);
        Assert.Contains("Guangdong", text, StringComparison.Ordinal);
        Assert.Contains("1. Overall assessment", text, StringComparison.Ordinal);
        Assert.Contains(KpiCatalog.Get("nonfossil_share").NameEn, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Provincial ranking", text, StringComparison.Ordinal);
        Assert.NotEmpty(document.MainDocumentPart!.ImageParts);
    }
}
