using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace PeakMonitor.Reports.Excel;

/// <summary>A number with the Excel number format it is shown in ("0.00", "#,##0.0", "0").</summary>
public readonly record struct XlsxNumber(double? Value, string Format);

/// <summary>
/// A plain .xlsx workbook for people: sheets of rows with the first row as a bold, frozen header;
/// columns as wide as their text; numbers stored as numbers (with a number format where one is given,
/// <see cref="XlsxNumber"/>), text as inline strings, empty cells for no value (never 0); and sheets
/// of pictures (charts). Units belong in the header cells.
/// </summary>
public sealed class XlsxWorkbook
{
    private const uint HeaderStyle = 1;
    private readonly List<(string Name, IReadOnlyList<object?[]> Rows)> _sheets = [];
    private readonly List<(string Name, IReadOnlyList<(string Caption, byte[] Png, int Width, int Height)> Images)> _imageSheets = [];

    public XlsxWorkbook AddSheet(string name, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _sheets.Add((SheetName(name), rows.ToArray()));
        return this;
    }

    /// <summary>A sheet of PNG pictures one below the other, each under its caption.</summary>
    public XlsxWorkbook AddImageSheet(string name, IEnumerable<(string Caption, byte[] Png, int Width, int Height)> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        _imageSheets.Add((SheetName(name), images.ToArray()));
        return this;
    }

    public byte[] ToBytes()
    {
        var formats = _sheets.SelectMany(s => s.Rows).SelectMany(r => r).OfType<XlsxNumber>().Select(n => n.Format).Distinct(StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles(formats);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var first = true;
                foreach (var cells in rows)
                {
                    var row = new Row();
                    foreach (var value in cells)
                    {
                        row.Append(Cell(value, first, formats));
                    }

                    data.Append(row);
                    first = false;
                }

                var worksheet = new Worksheet();
                if (rows.Count > 1)
                {
                    // The header stays in view while scrolling.
                    worksheet.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } }) { WorkbookViewId = 0U }));
                }

                if (Widths(rows) is { Count: > 0 } widths)
                {
                    worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
                }

                worksheet.Append(data);
                part.Worksheet = worksheet;
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            foreach (var (name, images) in _imageSheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var drawing = part.AddNewPart<DrawingsPart>();
                drawing.WorksheetDrawing = new Xdr.WorksheetDrawing();
                var data = new SheetData();
                var rowIndex = 0;
                uint n = 0;
                foreach (var (caption, png, width, height) in images)
                {
                    data.Append(new Row(Cell(caption, true, formats)) { RowIndex = (uint)(rowIndex + 1) });
                    var image = drawing.AddImagePart(ImagePartType.Png);
                    using (var source = new MemoryStream(png))
                    {
                        image.FeedData(source);
                    }

                    // Shown at 720 px wide (EMU: 9525 per pixel), the rows below it left empty; 20 px rows.
                    var cx = 720L * 9525;
                    var cy = cx * height / width;
                    drawing.WorksheetDrawing.Append(new Xdr.OneCellAnchor(
                        new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId((rowIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
                        new Xdr.Extent { Cx = cx, Cy = cy },
                        new Xdr.Picture(
                            new Xdr.NonVisualPictureProperties(new Xdr.NonVisualDrawingProperties { Id = ++n + 1, Name = "Chart " + n, Description = caption }, new Xdr.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                            new Xdr.BlipFill(new A.Blip { Embed = drawing.GetIdOfPart(image) }, new A.Stretch(new A.FillRectangle())),
                            new Xdr.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })),
                        new Xdr.ClientData()));
                    rowIndex += 2 + (int)Math.Ceiling(cy / 9525.0 / 20);
                }

                part.Worksheet = new Worksheet(new Columns(new Column { Min = 1U, Max = 1U, Width = 100, CustomWidth = true }), data, new Drawing { Id = part.GetIdOfPart(drawing) });
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
        }

        return stream.ToArray();
    }

    private static string SheetName(string name)
    {
        // Excel limits sheet names to 31 characters and forbids some punctuation.
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Column widths in characters from the longest text (a CJK character counts two), within 6–60.</summary>
    private static List<double> Widths(IReadOnlyList<object?[]> rows)
    {
        var widths = new List<double>();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                var text = row[i] switch
                {
                    null => string.Empty,
                    XlsxNumber { Value: { } v } x => v.ToString(x.Format.Contains('.', StringComparison.Ordinal) ? "N" + (x.Format.Length - x.Format.IndexOf('.', StringComparison.Ordinal) - 1) : "N0", System.Globalization.CultureInfo.InvariantCulture),
                    XlsxNumber => string.Empty,
                    double d => d.ToString("G6", System.Globalization.CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                };
                var width = Math.Clamp(text.Sum(c => c > 0x2E80 ? 2.1 : 1.1) + 2, 6, 60);
                while (widths.Count <= i)
                {
                    widths.Add(6);
                }

                widths[i] = Math.Max(widths[i], width);
            }
        }

        return widths;
    }

    /// <summary>Fonts: regular, bold (header). Cell formats: 0 plain, 1 header, then one per number format (ids from 164, Excel's first custom id).</summary>
    private static Stylesheet Styles(IReadOnlyList<string> formats)
    {
        var numberFormats = new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f })) { Count = (uint)formats.Count };
        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat(new Alignment { WrapText = false, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true });
        for (var i = 0; i < formats.Count; i++)
        {
            cellFormats.Append(new CellFormat { NumberFormatId = (uint)(164 + i), FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
        }

        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        var stylesheet = new Stylesheet();
        if (formats.Count > 0)
        {
            stylesheet.Append(numberFormats);
        }

        stylesheet.Append(
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE4E7EB" }) { PatternType = PatternValues.Solid })) { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1U },
            cellFormats);
        return stylesheet;
    }

    private static Cell Cell(object? value, bool header, IReadOnlyList<string> formats)
    {
        var cell = value switch
        {
            null => new Cell(),
            XlsxNumber { Value: { } v } x when double.IsFinite(v) => new Cell { CellValue = new CellValue(v), DataType = CellValues.Number, StyleIndex = (uint)(2 + Index(formats, x.Format)) },
            XlsxNumber => new Cell(),
            double d when double.IsFinite(d) => new Cell { CellValue = new CellValue(d), DataType = CellValues.Number },
            int i => new Cell { CellValue = new CellValue(i), DataType = CellValues.Number },
            long l => new Cell { CellValue = new CellValue((double)l), DataType = CellValues.Number },
            double => new Cell(),
            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)) },
        };
        if (header)
        {
            cell.StyleIndex = HeaderStyle;
        }

        return cell;
    }

    private static int Index(IReadOnlyList<string> formats, string format)
    {
        for (var i = 0; i < formats.Count; i++)
        {
            if (string.Equals(formats[i], format, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Number format '{format}' was not collected.");
    }
}
