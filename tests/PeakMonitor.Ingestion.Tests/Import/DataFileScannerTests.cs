using System.Text;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Import;

namespace PeakMonitor.Ingestion.Tests.Import;

/// <summary>CSV text within the import limits, and the encodings the README promises to refuse.</summary>
public sealed class DataFileScannerTests
{
    private const string Header = "region,indicator,period,value,unit,sector,source,note\n";

    private static async Task<CsvRowError> RefusedAsync(byte[] bytes, ImportOptions? options = null, string name = "data.csv")
    {
        var result = await DataFileScanner.ScanAsync(new MemoryStream(bytes), name, null, checkDuplicates: true, hints: null, CancellationToken.None, limits: options);
        var error = Assert.Single(result.Errors);
        Assert.Equal(name, error.File);
        return error;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Valid rows with distinct keys (31 provinces × 150 years).</summary>
    private static string Rows(int count)
    {
        var provinces = PeakMonitor.Domain.Regions.RegionCatalog.All.Where(r => r.Code != PeakMonitor.Domain.Regions.RegionCode.National).Select(r => r.Code.Value).ToArray();
        return string.Concat(Enumerable.Range(0, count).Select(i => $"{provinces[i % provinces.Length]},cap_wind,{1950 + (i / provinces.Length % 150)},{i},GW,all,NEA,\n"));
    }

    [Fact]
    public async Task ScanAsync_LineLongerThanTheLimit_RefusedAtItsLine()
    {
        var error = await RefusedAsync(Utf8(Header + Rows(2) + "11,cap_wind,2020,1,GW,all," + new string('x', 5000) + ",\n"), new ImportOptions { MaxLineChars = 1000 });

        Assert.Equal(4, error.Line);
        Assert.Contains("characters on this line", error.Reason, StringComparison.Ordinal);
        Assert.Contains("(Ingestion:Import:MaxLineChars)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_FiftyMegabytesWithoutALineBreak_RefusedAtTheFirstMegabyte()
    {
        var bytes = new byte[50 << 20];
        Array.Fill(bytes, (byte)'a');

        var error = await RefusedAsync(bytes);

        Assert.Equal(1, error.Line);
        Assert.Contains("over the limit of 1,048,576 (Ingestion:Import:MaxLineChars)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_QuotedFieldOverManyShortLines_RefusedAtTheFieldLimit()
    {
        var field = string.Concat(Enumerable.Repeat("a\n", 2000));

        var error = await RefusedAsync(Utf8(Header + $"11,cap_wind,2020,1,GW,all,\"{field}\",\n"), new ImportOptions { MaxLineChars = 1000 });

        Assert.Contains("characters in one field", error.Reason, StringComparison.Ordinal);
        Assert.Contains("(Ingestion:Import:MaxLineChars)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_MoreFieldsThanColumnsAllowed_RefusedAtItsLine()
    {
        var error = await RefusedAsync(Utf8(Header + Rows(1) + new string(',', 20_000) + "\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("fields on this line 20,001 is over the limit of 16,384 (Ingestion:Import:MaxColumns)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_FileLargerThanAllowed_RefusedBeforeReading()
    {
        var error = await RefusedAsync(Utf8(Header + Rows(100)), new ImportOptions { MaxFileBytes = 1000 });

        Assert.Equal(0, error.Line);
        Assert.Contains("(Ingestion:Import:MaxFileBytes)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_MoreObservationsThanAllowed_RefusedAtTheFirstOneTooMany()
    {
        var error = await RefusedAsync(Utf8(Header + Rows(500)), new ImportOptions { MaxObservations = 300 });

        Assert.Equal(302, error.Line);
        Assert.Contains("the number of observations 301 is over the limit of 300 (Ingestion:Import:MaxObservations); split the file", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_ReadTakingLongerThanAllowed_RefusedNamingTheTimeLimit()
    {
        var error = await RefusedAsync(Utf8(Header + Rows(1000)), new ImportOptions { MaxReadTime = TimeSpan.FromTicks(1) });

        Assert.Contains("(limit Ingestion:Import:MaxReadTime)", error.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> WideEncodings => new()
    {
        { "utf-16LE", "UTF-16 text (little-endian byte-order mark FF FE)" },
        { "utf-16BE", "UTF-16 text (big-endian byte-order mark FE FF)" },
        { "utf-32LE", "UTF-32 text (little-endian byte-order mark FF FE 00 00)" },
        { "utf-32BE", "UTF-32 text (big-endian byte-order mark 00 00 FE FF)" },
    };

    [Theory]
    [MemberData(nameof(WideEncodings))]
    public async Task ScanAsync_Utf16OrUtf32WithByteOrderMark_RefusedNamingTheEncoding(string encodingName, string said)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Header + Rows(3))];

        var error = await RefusedAsync(bytes);

        Assert.Equal($"the file is {said}, which is not accepted: save it as UTF-8 (or GB18030)", error.Reason);
    }

    [Fact]
    public async Task ScanAsync_Utf16WithoutByteOrderMark_RefusedForItsNulBytes()
    {
        var error = await RefusedAsync(Encoding.Unicode.GetBytes(Header + Rows(3)));

        Assert.Contains("it has NUL bytes (UTF-16 or UTF-32 text without a byte-order mark", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_Utf8WithByteOrderMark_Read()
    {
        var result = await DataFileScanner.ScanAsync(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Utf8(Header + Rows(3))]), "bom.csv", null, checkDuplicates: true, hints: null, CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Observations);
    }
}
