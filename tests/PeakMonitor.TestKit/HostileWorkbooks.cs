using System.IO.Compression;
using System.Text;

namespace PeakMonitor.TestKit;

/// <summary>
/// Hostile .xlsx workbooks, written here with <see cref="ZipArchive"/> and streamed through the
/// compressor, so that a gigabyte of sheet XML is a megabyte on disk and nothing binary is committed.
/// Each is a well-formed package (content types, relationships, workbook, first sheet, optionally
/// shared strings) around the one thing that makes it hostile.
/// </summary>
public static class HostileWorkbooks
{
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const string SheetStart = $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MainNamespace}"><sheetData>""";
    private const string SheetEnd = "</sheetData></worksheet>";

    /// <summary>The hostile workbooks by name: nested, far-column, wide-row, shared-strings, empty-rows, combined.</summary>
    public static string Create(string kind, string directory) => kind switch
    {
        "nested" => NestedCell(directory),
        "far-column" => FarColumn(directory),
        "wide-row" => WideRow(directory),
        "shared-strings" => ManySharedStrings(directory),
        "empty-rows" => EmptyRows(directory),
        "combined" => Combined(directory),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such hostile workbook"),
    };

    /// <summary>One cell whose inline string holds <paramref name="depth"/> nested run elements (about 2.5 KB compressed for 100,000).</summary>
    public static string NestedCell(string directory, int depth = 100_000) =>
        Write(Path.Combine(directory, "nested-cell.xlsx"), sheet =>
        {
            Text(sheet, """<row r="1"><c r="A1" t="inlineStr"><is>""");
            Repeat(sheet, "<r>", depth);
            Text(sheet, "<t>x</t>");
            Repeat(sheet, "</r>", depth);
            Text(sheet, "</is></c></row>");
        });

    /// <summary>One cell at a column far beyond XFD (16,384): YFLRYN is column 300,000,000.</summary>
    public static string FarColumn(string directory, string column = "YFLRYN") =>
        Write(Path.Combine(directory, "far-column.xlsx"), sheet => Text(sheet, $"""<row r="1"><c r="{column}1"><v>1</v></c></row>"""));

    /// <summary>One row of <paramref name="cells"/> empty cells without references (20 M: 80 MB of XML, about 79 KB compressed).</summary>
    public static string WideRow(string directory, long cells = 20_000_000) =>
        Write(Path.Combine(directory, "wide-row.xlsx"), sheet =>
        {
            Text(sheet, """<row r="1">""");
            Repeat(sheet, "<c/>", cells);
            Text(sheet, "</row>");
        });

    /// <summary>A shared-string table of <paramref name="count"/> one-letter strings (4 M: 64 MB of XML, about 167 KB compressed).</summary>
    public static string ManySharedStrings(string directory, long count = 4_000_000) =>
        Write(
            Path.Combine(directory, "shared-strings.xlsx"),
            sheet => Text(sheet, """<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""),
            shared =>
            {
                Text(shared, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MainNamespace}" count="{count}" uniqueCount="{count}">""");
                Repeat(shared, "<si><t>x</t></si>", count);
                Text(shared, "</sst>");
            });

    /// <summary><paramref name="bytes"/> of empty row elements (1 GiB: about 1.5 MB compressed).</summary>
    public static string EmptyRows(string directory, long bytes = 1L << 30) =>
        Write(Path.Combine(directory, "empty-rows.xlsx"), sheet => Repeat(sheet, "<row/>", bytes / "<row/>".Length));

    /// <summary>All of the above in one workbook: the shared strings, then a far column, a wide row, a nested cell and the empty rows.</summary>
    public static string Combined(string directory) =>
        Write(
            Path.Combine(directory, "combined.xlsx"),
            sheet =>
            {
                Text(sheet, """<row r="1"><c r="A1" t="s"><v>0</v></c><c r="YFLRYN1"><v>1</v></c></row><row r="2">""");
                Repeat(sheet, "<c/>", 20_000_000);
                Text(sheet, """</row><row r="3"><c r="A3" t="inlineStr"><is>""");
                Repeat(sheet, "<r>", 100_000);
                Repeat(sheet, "</r>", 100_000);
                Text(sheet, "</is></c></row>");
                Repeat(sheet, "<row/>", (1L << 30) / 6);
            },
            shared =>
            {
                Text(shared, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MainNamespace}">""");
                Repeat(shared, "<si><t>x</t></si>", 4_000_000);
                Text(shared, "</sst>");
            });

    /// <summary>A workbook with the given sheet rows (the XML inside sheetData) and shared-string items (the XML inside sst).</summary>
    public static string Small(string path, string rows, string? sharedItems = null) =>
        Write(path, sheet => Text(sheet, rows), sharedItems is null ? null : shared => Text(shared, $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MainNamespace}">{sharedItems}</sst>"""));

    /// <summary>
    /// A package around a streamed sheet body (the XML inside sheetData) and optionally a streamed
    /// shared-string part (the whole XML). Returns the path.
    /// </summary>
    public static string Write(string path, Action<Stream> sheetData, Action<Stream>? sharedStrings = null, Action<ZipArchive>? more = null)
    {
        ArgumentNullException.ThrowIfNull(sheetData);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Entry(zip, "[Content_Types].xml", s => Text(s, """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""));
            Entry(zip, "_rels/.rels", s => Text(s, """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""));
            Entry(zip, "xl/workbook.xml", s => Text(s, $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MainNamespace}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            var sharedRelation = sharedStrings is null ? string.Empty : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""";
            Entry(zip, "xl/_rels/workbook.xml.rels", s => Text(s, $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{sharedRelation}</Relationships>"""));
            if (sharedStrings is not null)
            {
                Entry(zip, "xl/sharedStrings.xml", sharedStrings);
            }

            Entry(zip, "xl/worksheets/sheet1.xml", s =>
            {
                Text(s, SheetStart);
                sheetData(s);
                Text(s, SheetEnd);
            });
            more?.Invoke(zip);
        }

        return path;
    }

    public static void Text(Stream stream, string text)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Writes <paramref name="text"/> <paramref name="times"/> times, through a 64 KB buffer.</summary>
    public static void Repeat(Stream stream, string text, long times)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var one = Encoding.UTF8.GetBytes(text);
        var perBuffer = Math.Max(1, (1 << 16) / one.Length);
        var buffer = new byte[perBuffer * one.Length];
        for (var i = 0; i < perBuffer; i++)
        {
            one.CopyTo(buffer, i * one.Length);
        }

        for (var left = times; left > 0; left -= perBuffer)
        {
            stream.Write(buffer, 0, (int)Math.Min(left, perBuffer) * one.Length);
        }
    }

    private static void Entry(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        write(stream);
    }
}
