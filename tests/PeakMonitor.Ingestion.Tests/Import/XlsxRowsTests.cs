using System.Buffers.Binary;
using System.Text;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Import;

/// <summary>The hostile workbooks, written once for the class (the biggest takes a few seconds to compress).</summary>
public sealed class HostileWorkbookFiles : IDisposable
{
    private readonly TempDirectory _dir = new("peakmonitor-hostile-xlsx");
    private readonly Dictionary<string, string> _files = [];

    public string Get(string name)
    {
        lock (_files)
        {
            if (!_files.TryGetValue(name, out var path))
            {
                path = HostileWorkbooks.Create(name, _dir.Path);
                _files[name] = path;
            }

            return path;
        }
    }

    public void Dispose() => _dir.Dispose();
}

public sealed class XlsxRowsTests(HostileWorkbookFiles files) : IClassFixture<HostileWorkbookFiles>, IDisposable
{
    private const string Canonical = """<row r="1"><c r="A1" t="inlineStr"><is><t>region</t></is></c><c r="B1" t="inlineStr"><is><t>indicator</t></is></c><c r="C1" t="inlineStr"><is><t>period</t></is></c><c r="D1" t="inlineStr"><is><t>value</t></is></c><c r="E1" t="inlineStr"><is><t>unit</t></is></c></row>""";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>The size and ratio checks lifted, so that the reader itself meets each hostile sheet.</summary>
    private static ImportOptions Streaming() => new() { MaxCompressionRatio = 1e9, MaxUncompressedBytes = 4L << 30 };

    private static async Task<CsvRowError> RefusedAsync(string path, ImportOptions? options = null)
    {
        var result = await DataFileScanner.ScanFileAsync(path, null, checkDuplicates: true, hints: null, CancellationToken.None, limits: options);
        var error = Assert.Single(result.Errors);
        Assert.Equal(Path.GetFileName(path), error.File);
        Assert.Equal(0, result.Observations);
        return error;
    }

    [Fact]
    public async Task ScanFileAsync_CellWith100000NestedElements_RefusedAtTheNestingLimitNamingRowAndColumn()
    {
        var error = await RefusedAsync(files.Get("nested"), Streaming());

        Assert.Equal((1, "A"), (error.Line, error.Column));
        Assert.Contains("XML nesting depth 33 is over the limit of 32 (Ingestion:Import:MaxXmlDepth)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_CellAtColumnYFLRYN_RefusedAtTheColumnLimitNamingTheColumn()
    {
        var error = await RefusedAsync(files.Get("far-column"), Streaming());

        Assert.Equal((1, "YFLRYN"), (error.Line, error.Column));
        Assert.Contains("beyond the limit of 16,384 columns (Ingestion:Import:MaxColumns", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_RowOf20MillionEmptyCells_RefusedAtTheCellsPerRowLimit()
    {
        var error = await RefusedAsync(files.Get("wide-row"), Streaming());

        Assert.Equal((1, "XFE"), (error.Line, error.Column));
        Assert.Contains("cells in this row 16,385 is over the limit of 16,384 (Ingestion:Import:MaxCellsPerRow)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_FourMillionSharedStrings_RefusedAtTheSharedStringLimit()
    {
        var error = await RefusedAsync(files.Get("shared-strings"), Streaming());

        Assert.Contains("number of shared strings 1,000,001 is over the limit of 1,000,000 (Ingestion:Import:MaxSharedStrings)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_GigabyteOfEmptyRows_RefusedAtTheRowLimitAfterItsLastRow()
    {
        var error = await RefusedAsync(files.Get("empty-rows"), Streaming());

        Assert.Equal(1_048_577, error.Line);
        Assert.Contains("(Ingestion:Import:MaxRows)", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wide-row", "xl/worksheets/sheet1.xml")]
    [InlineData("shared-strings", "xl/sharedStrings.xml")]
    [InlineData("empty-rows", "xl/worksheets/sheet1.xml")]
    [InlineData("combined", "xl/sharedStrings.xml")]
    public async Task ScanFileAsync_ZipBombWithDefaultLimits_RefusedBeforeReadingByItsCompressionRatio(string name, string part)
    {
        var error = await RefusedAsync(files.Get(name));

        Assert.Contains($"part {part} would expand", error.Reason, StringComparison.Ordinal);
        Assert.Contains("(Ingestion:Import:MaxCompressionRatio)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_CombinedWithoutTheRatioCheck_RefusedByTheFirstLimitItMeets()
    {
        var error = await RefusedAsync(files.Get("combined"), Streaming());

        Assert.Contains("(Ingestion:Import:MaxSharedStrings)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_PartsDeclaredLargerThanTheBudget_RefusedBeforeReading()
    {
        var options = Streaming();
        options.MaxUncompressedBytes = 10 << 20;

        var error = await RefusedAsync(files.Get("wide-row"), options);

        Assert.Contains("uncompressed, in bytes: 80,00", error.Reason, StringComparison.Ordinal);
        Assert.Contains("(Ingestion:Import:MaxUncompressedBytes)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_PartLargerThanItsDirectoryDeclares_RefusedWhileReading()
    {
        var path = HostileWorkbooks.Write(Path.Combine(_dir.Path, "lying.xlsx"), s => HostileWorkbooks.Repeat(s, "<row/>", 1_000_000));
        DeclareSmall(path, "xl/worksheets/sheet1.xml", 1000);

        var error = await RefusedAsync(path, Streaming());

        Assert.Contains("not a readable .xlsx workbook", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_CellLongerThanExcelAllows_RefusedNamingTheCell()
    {
        var path = HostileWorkbooks.Small(Path.Combine(_dir.Path, "long-cell.xlsx"), $"""<row r="4"><c r="C4" t="inlineStr"><is><t>{new string('x', 40_000)}</t></is></c></row>""");

        var error = await RefusedAsync(path);

        Assert.Equal((4, "C"), (error.Line, error.Column));
        Assert.Contains("(Ingestion:Import:MaxCellChars)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_AttributeOfTwoMegabytes_RefusedBeforeTheXmlReaderHoldsIt()
    {
        var path = HostileWorkbooks.Write(Path.Combine(_dir.Path, "long-attribute.xlsx"), s =>
        {
            HostileWorkbooks.Text(s, """<row r="1"><c r="A1" x=" """);
            HostileWorkbooks.Repeat(s, "y", 2 << 20);
            HostileWorkbooks.Text(s, "\"/></row>");
        });

        var error = await RefusedAsync(path, Streaming());

        Assert.Contains("has an XML node (tag, attribute or text) longer than 1,048,576 bytes", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_RowsEachWithACellAtXfd_RefusedAtTheCellBudget()
    {
        var path = HostileWorkbooks.Write(Path.Combine(_dir.Path, "xfd-rows.xlsx"), s =>
        {
            HostileWorkbooks.Text(s, Canonical);
            for (var r = 2; r <= 1000; r++)
            {
                HostileWorkbooks.Text(s, $"""<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>""");
            }
        });
        var options = new ImportOptions { MaxCells = 100_000 };

        var result = await DataFileScanner.ScanFileAsync(path, null, checkDuplicates: true, hints: null, CancellationToken.None, limits: options);

        // Rows 2–7 are reported for their field count first (16,384 fields, the header has 5); the budget stops the read at row 8.
        var error = result.Errors[^1];
        Assert.Equal(7, result.Errors.Count);
        Assert.Equal(8, error.Line);
        Assert.Contains("(Ingestion:Import:MaxCells)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_SharedStringsOverTheCharacterBudget_Refused()
    {
        var items = string.Concat(Enumerable.Repeat("<si><t>twenty characters...</t></si>", 10));
        var path = HostileWorkbooks.Small(Path.Combine(_dir.Path, "chars.xlsx"), """<row r="1"><c r="A1" t="s"><v>0</v></c></row>""", items);

        var error = await RefusedAsync(path, new ImportOptions { MaxSharedStringChars = 100 });

        Assert.Contains("characters of all shared strings 120 is over the limit of 100", error.Reason, StringComparison.Ordinal);
        Assert.Contains("(Ingestion:Import:MaxSharedStringChars)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_ReadTakingLongerThanAllowed_RefusedNamingTheTimeLimit()
    {
        var rows = string.Concat(Enumerable.Range(2, 2000).Select(r => $"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>11</t></is></c><c r="B{r}" t="inlineStr"><is><t>cap_wind</t></is></c><c r="C{r}"><v>{1000 + r}</v></c><c r="D{r}"><v>1</v></c><c r="E{r}" t="inlineStr"><is><t>GW</t></is></c></row>"""));
        var path = HostileWorkbooks.Small(Path.Combine(_dir.Path, "slow.xlsx"), Canonical + rows);

        var error = await RefusedAsync(path, new ImportOptions { MaxReadTime = TimeSpan.FromTicks(1) });

        Assert.Contains("reading took longer than 00:00:00.0000001 (limit Ingestion:Import:MaxReadTime)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_DirectoryOfTwentyThousandParts_RefusedBeforeTheArchiveIsRead()
    {
        var path = HostileWorkbooks.Write(Path.Combine(_dir.Path, "many-parts.xlsx"), _ => { }, more: zip =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                zip.CreateEntry($"xl/media/padding-part-with-a-long-name-{i:D6}.bin");
            }
        });

        var error = await RefusedAsync(path);

        Assert.Contains("the archive's directory lists 20,005 parts", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""<row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c></row>""", "cells must be in column order")]
    [InlineData("""<row r="1"><c r="1A"><v>1</v></c></row>""", "is not a cell reference like C7")]
    [InlineData("""<row r="1"><c r="A1" t="s"><v>7</v></c></row>""", "shared string '7' does not exist (the table has 0)")]
    [InlineData("""<row r="2"/><row r="1"/>""", "rows must be in order")]
    [InlineData("""<row r="x"/>""", "'x' is not a row number")]
    [InlineData("""<row r="99999999999999999999"/>""", "row number 99999999999999999999 is over the limit of 1,048,576")]
    public async Task ScanFileAsync_MalformedSheet_RefusedSayingWhy(string rows, string reason)
    {
        var path = HostileWorkbooks.Small(Path.Combine(_dir.Path, "malformed.xlsx"), rows);

        var error = await RefusedAsync(path);

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanFileAsync_SharedRichAndPhoneticText_ReadAsExcelShowsIt()
    {
        // Shared strings with rich-text runs and a phonetic guide (rPh, not shown by Excel); a number with an exponent; a gap before column E.
        var shared = "<si><t>region</t></si><si><r><t>indi</t></r><r><rPr><b/></rPr><t>cator</t></r></si><si><t>period</t></si><si><t>value</t></si><si><t>unit</t></si>"
            + "<si><t>cap_wind</t><rPh sb=\"0\" eb=\"1\"><t>フ</t></rPh></si><si><t xml:space=\"preserve\"> GW </t></si>";
        var rows = """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>"""
            + """<row r="3"><c r="A3"><v>11</v></c><c r="B3" t="s"><v>5</v></c><c r="C3"><v>2020</v></c><c r="D3"><v>1.5E1</v></c><c r="E3" t="s"><v>6</v></c></row>""";
        var path = HostileWorkbooks.Small(Path.Combine(_dir.Path, "rich.xlsx"), rows, shared);
        var seen = new List<PeakMonitor.Domain.Series.Observation>();

        var result = await DataFileScanner.ScanFileAsync(path, o => { seen.Add(o); return ValueTask.CompletedTask; }, checkDuplicates: true, hints: null, CancellationToken.None);

        Assert.Empty(result.Errors);
        var o = Assert.Single(seen);
        Assert.Equal(("11", "cap_wind", "2020", 1500d), (o.Region.Value, o.Indicator.Value, o.Period.ToString(), o.Value)); // 15 GW in 万千瓦
    }

    /// <summary>Rewrites a part's uncompressed size in the local header and the central directory (APPNOTE 4.3.7, 4.3.12).</summary>
    private static void DeclareSmall(string path, string part, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.ASCII.GetBytes(part);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (nameAt, sizeAt) = signature switch { 0x04034b50 => (30, 22), 0x02014b50 => (46, 24), _ => (0, 0) };
            if (nameAt > 0 && bytes.AsSpan(i + nameAt).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size);
            }
        }

        File.WriteAllBytes(path, bytes);
    }
}
