using System.Globalization;
using System.Text;
using System.Xml;

namespace PeakMonitor.Ingestion.Import;

/// <summary>
/// The rows of an .xlsx workbook's first sheet as text cells, streamed from the sheet's XML one node at
/// a time: nothing is ever loaded as a whole element, so neither deep nesting nor a huge row costs more
/// than the limits allow (ECMA-376 part 1, §18.3 for the sheet, §18.4 for shared strings). Every limit of
/// <see cref="ImportOptions"/> that applies to workbooks is enforced here; a refusal names the row and
/// column where it was reached.
/// </summary>
internal static class XlsxRows
{
    public static IEnumerable<(int Line, string[] Cells)> Read(Stream stream, ReadLimits limits)
    {
        using var package = XlsxPackage.Open(stream, limits);
        var (sheetPart, sharedPart) = XlsxParts.Locate(package, limits);
        var shared = sharedPart is null ? [] : SharedStrings(package, sharedPart, limits);
        using var sheet = package.OpenXml(sheetPart) ?? throw new InvalidDataException($"the workbook names its first sheet {sheetPart}, which the archive does not hold");
        foreach (var row in Rows(sheet, shared, limits))
        {
            yield return row;
        }
    }

    /// <summary>The shared-string table (§18.4.8): each item's text runs, without phonetic guides (rPh).</summary>
    private static string[] SharedStrings(XlsxPackage package, string part, ReadLimits limits)
    {
        using var xml = package.OpenXml(part);
        if (xml is null)
        {
            return [];
        }

        var options = limits.Options;
        var items = new List<string>();
        long chars = 0;
        while (Next(xml, limits, 0, "-"))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
            {
                continue;
            }

            if (items.Count >= options.MaxSharedStrings)
            {
                throw limits.Refuse(0, "-", ReadLimits.Over("the number of shared strings", items.Count + 1, options.MaxSharedStrings, nameof(ImportOptions.MaxSharedStrings)) + " (already beyond it)");
            }

            var text = xml.IsEmptyElement ? string.Empty : InlineText(xml, limits, 0, "-");
            chars += text.Length;
            if (chars > options.MaxSharedStringChars)
            {
                throw limits.Refuse(0, "-", ReadLimits.Over("the characters of all shared strings", chars, options.MaxSharedStringChars, nameof(ImportOptions.MaxSharedStringChars)));
            }

            items.Add(text);
            if (items.Count % 10_000 == 0)
            {
                limits.CheckTime(0);
            }
        }

        return items.ToArray();
    }

    private static IEnumerable<(int Line, string[] Cells)> Rows(XmlReader xml, string[] shared, ReadLimits limits)
    {
        var options = limits.Options;
        var rowNumber = 0;
        long cellsRead = 0;
        var cells = new List<string>();
        while (Next(xml, limits, rowNumber, "-"))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            var number = xml.GetAttribute("r") is { } r ? RowNumber(r, rowNumber, limits) : rowNumber + 1;
            if (number > options.MaxRows)
            {
                throw limits.Refuse(number, "-", ReadLimits.Over("row number", number, options.MaxRows, nameof(ImportOptions.MaxRows)) + (number == rowNumber + 1 ? " (rows, empty ones included)" : string.Empty));
            }

            rowNumber = number;
            limits.CheckTime(rowNumber);
            cells.Clear();
            if (!xml.IsEmptyElement)
            {
                ReadCells(xml, shared, limits, rowNumber, cells);
            }

            cellsRead += cells.Count;
            if (cellsRead > options.MaxCells)
            {
                throw limits.Refuse(rowNumber, "-", ReadLimits.Over("cells in the sheet (empty ones before a row's last cell included)", cellsRead, options.MaxCells, nameof(ImportOptions.MaxCells)));
            }

            yield return (rowNumber, cells.ToArray());
        }
    }

    private static int RowNumber(string text, int previous, ReadLimits limits)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            // Too long for an int is beyond every limit; anything else is not a row number.
            if (text.Length > 0 && text.All(char.IsAsciiDigit))
            {
                throw limits.Refuse(previous + 1, "-", string.Create(CultureInfo.InvariantCulture, $"row number {Short(text)} is over the limit of {limits.Options.MaxRows:#,0} ({ImportOptions.SectionName}:{nameof(ImportOptions.MaxRows)})"));
            }

            throw new InvalidDataException($"row {previous + 1}: '{Short(text)}' is not a row number");
        }

        if (number <= previous)
        {
            throw new InvalidDataException($"row {number} comes after row {previous}: rows must be in order");
        }

        return number;
    }

    /// <summary>The cells of one row element, padded with empty text up to each cell's column.</summary>
    private static void ReadCells(XmlReader xml, string[] shared, ReadLimits limits, int row, List<string> cells)
    {
        var options = limits.Options;
        var depth = xml.Depth;
        var count = 0;
        while (Next(xml, limits, row, Column(cells.Count)) && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c" || xml.Depth != depth + 1)
            {
                continue;
            }

            if (++count > options.MaxCellsPerRow)
            {
                throw limits.Refuse(row, Column(cells.Count), ReadLimits.Over("cells in this row", count, options.MaxCellsPerRow, nameof(ImportOptions.MaxCellsPerRow)));
            }

            var column = xml.GetAttribute("r") is { } reference ? ColumnOf(reference, row, limits) : cells.Count;
            if (column >= options.MaxColumns)
            {
                throw limits.Refuse(row, Column(column), ReadLimits.Over("column", column + 1L, options.MaxColumns, nameof(ImportOptions.MaxColumns)) + " (Excel's last column is XFD, 16,384)");
            }

            if (column < cells.Count)
            {
                throw new InvalidDataException($"row {row}: cell {Column(column)}{row} comes after column {Column(cells.Count - 1)}: cells must be in column order");
            }

            var type = xml.GetAttribute("t");
            var text = xml.IsEmptyElement ? string.Empty : CellText(xml, type, shared, limits, row, Column(column));
            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(text);
        }
    }

    /// <summary>A cell's value (§18.3.1.4): its v, or its inline string; shared strings looked up; numbers in plain decimal form.</summary>
    private static string CellText(XmlReader xml, string? type, string[] shared, ReadLimits limits, int row, string column)
    {
        var depth = xml.Depth;
        string? value = null;
        string? inline = null;
        while (Next(xml, limits, row, column) && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != depth + 1)
            {
                continue;
            }

            if (xml.LocalName == "v")
            {
                value = xml.IsEmptyElement ? string.Empty : InlineText(xml, limits, row, column);
            }
            else if (xml.LocalName == "is")
            {
                inline = xml.IsEmptyElement ? string.Empty : InlineText(xml, limits, row, column);
            }
        }

        var raw = value ?? inline ?? string.Empty;
        if (type == "s")
        {
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length)
            {
                return shared[i];
            }

            throw new InvalidDataException($"row {row}, column {column}: shared string '{Short(raw)}' does not exist (the table has {shared.Length})");
        }

        if (type is null or "n")
        {
            // Excel stores numbers as invariant text, sometimes with an exponent: give the plain decimal form.
            return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.InvariantCulture) : raw;
        }

        return raw;
    }

    /// <summary>
    /// The text of the element the reader is on (a v, an is or a shared-string si): a v's own text, or the
    /// text of its t elements with phonetic guides (rPh) left out; at most <see cref="ImportOptions.MaxCellChars"/>
    /// characters, read in chunks so that a long text node is refused before it is held.
    /// </summary>
    private static string InlineText(XmlReader xml, ReadLimits limits, int row, string column)
    {
        var max = limits.Options.MaxCellChars;
        var depth = xml.Depth;
        var textDepth = xml.LocalName == "v" ? depth : -1;
        var phoneticDepth = -1;
        var text = new StringBuilder();
        char[]? chunk = null;
        while (Next(xml, limits, row, column) && xml.Depth > depth)
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "rPh" && phoneticDepth < 0 && !xml.IsEmptyElement:
                    phoneticDepth = xml.Depth;
                    break;
                case XmlNodeType.Element when xml.LocalName == "t" && phoneticDepth < 0 && textDepth < 0 && !xml.IsEmptyElement:
                    textDepth = xml.Depth;
                    break;
                case XmlNodeType.EndElement when xml.Depth == phoneticDepth:
                    phoneticDepth = -1;
                    break;
                case XmlNodeType.EndElement when xml.Depth == textDepth && textDepth != depth:
                    textDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when textDepth >= 0 && xml.Depth == textDepth + 1:
                    chunk ??= new char[4096];
                    int n;
                    while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        if (text.Length + n > max)
                        {
                            throw limits.Refuse(row, column, ReadLimits.Over("characters in one cell", text.Length + n, max, nameof(ImportOptions.MaxCellChars)) + " (already beyond it)");
                        }

                        text.Append(chunk, 0, n);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Advances the reader, refusing nesting deeper than <see cref="ImportOptions.MaxXmlDepth"/> (a hundred
    /// thousand nested elements is how the whole-element reader was driven into a stack overflow).
    /// </summary>
    internal static bool Next(XmlReader xml, ReadLimits limits, int row, string column)
    {
        if (!xml.Read())
        {
            return false;
        }

        if (xml.Depth > limits.Options.MaxXmlDepth)
        {
            throw limits.Refuse(row, column, ReadLimits.Over("XML nesting depth", xml.Depth, limits.Options.MaxXmlDepth, nameof(ImportOptions.MaxXmlDepth)));
        }

        return true;
    }

    /// <summary>Zero-based column of a reference such as "C7"; refuses letters beyond the column limit without computing them all.</summary>
    private static int ColumnOf(string reference, int row, ReadLimits limits)
    {
        var letters = 0;
        long index = 0;
        while (letters < reference.Length && reference[letters] is >= 'A' and <= 'Z')
        {
            index = (index * 26) + (reference[letters] - 'A' + 1);
            letters++;
            if (index > limits.Options.MaxColumns)
            {
                var column = Short(reference.TrimEnd("0123456789".ToCharArray()));
                throw limits.Refuse(row, column, string.Create(CultureInfo.InvariantCulture, $"column {column} is beyond the limit of {limits.Options.MaxColumns:#,0} columns ({ImportOptions.SectionName}:{nameof(ImportOptions.MaxColumns)}; Excel's last column is XFD)"));
            }
        }

        if (letters == 0 || letters == reference.Length || !reference.AsSpan(letters).ContainsOnlyDigits())
        {
            throw new InvalidDataException($"row {row}: '{Short(reference)}' is not a cell reference like C7");
        }

        return (int)index - 1;
    }

    /// <summary>Excel's letters for a zero-based column (0 → A, 16383 → XFD).</summary>
    internal static string Column(int index)
    {
        var letters = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
