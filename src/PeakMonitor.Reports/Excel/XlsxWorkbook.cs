using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PeakMonitor.Reports.Excel;

/// <summary>
/// A plain .xlsx workbook: sheets of rows; numbers stored as numbers, text as inline strings, empty
/// cells for no value (never 0). Units belong in the header cells.
/// </summary>
public sealed class XlsxWorkbook
{
    private readonly List<(string Name, IReadOnlyList<object?[]> Rows)> _sheets = [];

    public XlsxWorkbook AddSheet(string name, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // Excel limits sheet names to 31 characters and forbids some punctuation.
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        _sheets.Add((clean.Length > 31 ? clean[..31] : clean, rows.ToArray()));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var cells in rows)
                {
                    var row = new Row();
                    foreach (var value in cells)
                    {
                        row.Append(Cell(value));
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        double d when double.IsFinite(d) => new Cell { CellValue = new CellValue(d), DataType = CellValues.Number },
        int i => new Cell { CellValue = new CellValue(i), DataType = CellValues.Number },
        long l => new Cell { CellValue = new CellValue((double)l), DataType = CellValues.Number },
        double => new Cell(),
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)) },
    };
}
