using System.Text;
using PeakMonitor.Domain.Events;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Events;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Events;

public sealed class PolicyEventsReaderTests : IDisposable
{
    private const string Header = "date,title_zh,title_en,kind,source,document\n";
    private const string Good = "2022-10-27,原料用能不纳入能源消费总量控制,Feedstock use leaves the energy count,rule,https://example.org/803,发改环资〔2022〕803号\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Task<IReadOnlyList<PolicyEvent>> ReadAsync(string text) =>
        PolicyEventsReader.ReadAsync(new StringReader(text), "events.csv", CancellationToken.None);

    [Fact]
    public async Task ReadFileAsync_SeedFile_LandmarksInDateOrderEachWithSourceAndDocument()
    {
        var events = await PolicyEventsReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "events", "events.csv"), CancellationToken.None);

        Assert.True(events.Count >= 6, $"{events.Count} events");
        Assert.Equal(events.OrderBy(e => e.Date), events);
        Assert.Contains(events, e => e.DateText == "2020-09-22" && e.Kind == PolicyEventKind.Announcement);
        Assert.Contains(events, e => e.Document == "国发〔2021〕23号" && e.MonthOnly && e.DateText == "2021-10");
        Assert.Contains(events, e => e.Document == "发改环资〔2022〕803号" && e.Kind == PolicyEventKind.Rule);
        Assert.All(events, e => Assert.True(e.Source.IsAbsoluteUri && e.Document is not null));
    }

    [Fact]
    public async Task ReadAsync_QuotedFieldsAndBlankLines_Read()
    {
        var events = await ReadAsync(Header + Good + "\n" + "2020-09-22,\"宣布“双碳”目标\",\"Peak before 2030, neutrality before 2060\",announcement,https://example.org/a,\n");

        Assert.Equal(["2020-09-22", "2022-10-27"], events.Select(e => e.DateText));
        Assert.Equal("Peak before 2030, neutrality before 2060", events[0].TitleEn);
        Assert.Null(events[0].Document);
    }

    [Theory]
    [InlineData("2022-13-01", "not a date")]
    [InlineData("2022-02-30", "not a date")]
    [InlineData("22-10-27", "not a date")]
    [InlineData("2022-1", "not a date")]
    [InlineData("1800-01-01", "outside 1949–2100")]
    [InlineData("2022-10-27'; DROP TABLE x", "not a date")]
    public async Task ReadAsync_BadDate_RejectedNamingLineAndColumn(string date, string reason)
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + Good.Replace("2022-10-27", date, StringComparison.Ordinal)));

        var e = Assert.Single(error.Errors);
        Assert.Equal(("events.csv", 2, "date"), (e.File, e.Line, e.Column));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(",原料用能,Feedstock,rule,https://example.org/803,", "date", "not a date")]
    [InlineData("2022-10-27,,Feedstock,rule,https://example.org/803,", "title_zh", "both languages")]
    [InlineData("2022-10-27,原料用能,,rule,https://example.org/803,", "title_en", "both languages")]
    [InlineData("2022-10-27,原料用能,Feedstock,decree,https://example.org/803,", "kind", "announcement, plan, rule")]
    [InlineData("2022-10-27,原料用能,Feedstock,rule,javascript:alert(1),", "source", "http(s)")]
    [InlineData("2022-10-27,原料用能,Feedstock,rule,/relative/path,", "source", "http(s)")]
    [InlineData("2022-10-27,原料用能,Feedstock,rule,file:///etc/passwd,", "source", "http(s)")]
    [InlineData("2022-10-27,原料用能,Feedstock,rule,,", "source", "http(s)")]
    public async Task ReadAsync_BadField_RejectedNamingLineColumnAndReason(string row, string column, string reason)
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + Good + row + "\n"));

        var e = Assert.Single(error.Errors);
        Assert.Equal((3, column), (e.Line, e.Column));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.Contains("events.csv, line 3, column '" + column + "'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_TitleWithControlCharacterOrTooLong_Rejected()
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header
            + "2022-10-27,\"原料\u0007用能\",Feedstock,rule,https://example.org/1,\n"
            + $"2022-10-28,原料用能,{new string('x', 201)},rule,https://example.org/2,\n"));

        Assert.Equal([(2, "title_zh"), (3, "title_en")], error.Errors.Select(e => (e.Line, e.Column)));
        Assert.Contains("control characters", error.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("over the limit of 200", error.Errors[1].Reason, StringComparison.Ordinal);
        Assert.True(error.Errors[1].Value!.Length <= 81, "a long value is quoted back shortened");
    }

    [Fact]
    public async Task ReadAsync_EveryBadRowListed_NothingReturned()
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + "x,,,y,z,\n" + Good + "2022-10-27,a,b,rule\n"));

        Assert.Equal([2, 2, 2, 2, 2, 4], error.Errors.Select(e => e.Line));
        Assert.Contains("has 4 fields; the header has 6", error.Errors[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SameDateAndTitleTwice_DuplicateNamesTheFirstLine()
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + Good + Good));

        var e = Assert.Single(error.Errors);
        Assert.Equal((3, "title_zh"), (e.Line, e.Column));
        Assert.Contains("duplicate of line 2", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date,title_zh,title_en,kind\n", "source", "required column is missing")]
    [InlineData("date,title_zh,title_en,kind,source,<script>alert(1)</script>\n", "<script>alert(1)</script>", "unknown column")]
    [InlineData("date,title_zh,title_en,kind,source,date\n", "date", "column appears twice")]
    public async Task ReadAsync_BadHeader_RejectedNamingTheColumn(string header, string column, string reason)
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(header + Good));

        Assert.Contains(error.Errors, e => e.Line == 1 && e.Column == column && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_RejectedAskingForTheHeader()
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(string.Empty));

        Assert.Contains("the file is empty", Assert.Single(error.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuote_Rejected()
    {
        var error = await Assert.ThrowsAsync<CsvImportException>(() => ReadAsync(Header + "2022-10-27,\"原料用能,Feedstock,rule,https://example.org/1,\n"));

        Assert.NotEmpty(error.Errors);
    }

    [Fact]
    public async Task ReadFileAsync_NotUtf8_RejectedSayingSo()
    {
        var path = Path.Combine(_dir.Path, "events.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await File.WriteAllBytesAsync(path, Encoding.GetEncoding("GB18030").GetBytes(Header + Good));

        var error = await Assert.ThrowsAsync<CsvImportException>(() => PolicyEventsReader.ReadFileAsync(path, CancellationToken.None));

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_OverOneMegabyte_RejectedBeforeReading()
    {
        var path = Path.Combine(_dir.Path, "events.csv");
        await File.WriteAllTextAsync(path, Header + new string('x', (int)PolicyEventsReader.MaxFileBytes));

        var error = await Assert.ThrowsAsync<CsvImportException>(() => PolicyEventsReader.ReadFileAsync(path, CancellationToken.None));

        Assert.Contains("over the limit of 1,048,576", Assert.Single(error.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOptionalAsync_NoFileConfiguredOrAbsent_NoEvents()
    {
        Assert.Empty(await PolicyEventsReader.ReadOptionalAsync(null, CancellationToken.None));
        Assert.Empty(await PolicyEventsReader.ReadOptionalAsync(Path.Combine(_dir.Path, "absent.csv"), CancellationToken.None));
    }
}
