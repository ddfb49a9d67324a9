using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

/// <summary>Rows of a data file as text cells with their line (CSV) or row (Excel) number, streamed.</summary>
internal static class RowSources
{
    public static async IAsyncEnumerable<(int Line, string[] Cells)> CsvAsync(TextReader text, string file, List<CsvRowError> errors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = args => errors.Add(new CsvRowError(file, args.Context.Parser?.RawRow ?? 0, "-", CanonicalLayout.Shorten(args.RawRecord), "malformed quoting")),
            DetectDelimiter = false,
            TrimOptions = TrimOptions.None,
        };
        using var parser = new CsvParser(text, config);
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (parser.RawRow, parser.Record ?? []);
        }
    }

    /// <summary>The first worksheet of an .xlsx workbook, read with the SAX reader so large sheets stream.</summary>
    public static IEnumerable<(int Line, string[] Cells)> Xlsx(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no workbook part");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("the workbook has no worksheet");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(Text(cell, shared));
            }

            yield return ((int)(row.RowIndex?.Value ?? 0), cells.ToArray());
        }
    }

    private static string Text(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : string.Empty;
        }

        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            // Excel stores numbers as invariant text, sometimes with an exponent: give the plain decimal form.
            return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.InvariantCulture) : raw;
        }

        return raw;
    }

    /// <summary>Zero-based column of a reference such as "C7".</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
