using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace PeakMonitor.Reports.Word;

/// <summary>
/// A .docx in a 公文-like layout (GB/T 9704-2012 in spirit): A4 with 37/35/28/26 mm margins, title in
/// 小标宋 二号, headings 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold, body in 仿宋 三号 with a fixed 28 pt
/// line, page numbers "— n —" in the footer, a contents field Word fills on opening. The fonts are the
/// ones Chinese offices have; where a machine lacks them Word substitutes, the layout stays. Everything
/// is plain paragraphs and tables with styles, so the narrative stays editable.
/// </summary>
public sealed class DocxBuilder
{
    private const int PointsToHalfPoints = 2;
    private readonly bool _english;
    private readonly List<OpenXmlElement> _body = [];
    private readonly List<(string Id, byte[] Png)> _images = [];
    private uint _drawingId;

    public DocxBuilder(bool english) => _english = english;

    private string BodyFont => _english ? "Times New Roman" : "仿宋_GB2312";

    public void Title(string text) =>
        _body.Add(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Title" }, new Justification { Val = JustificationValues.Center }),
            Run(text)));

    /// <summary>A heading (level 1–3) in the contents; the caller writes its 一、 （一） 1. numbering, so it stays as typed when edited.</summary>
    public void Heading(int level, string text) =>
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + level.ToString(System.Globalization.CultureInfo.InvariantCulture) }), Run(text)));

    public void Body(string text, bool center = false, bool small = false)
    {
        var properties = new ParagraphProperties(new ParagraphStyleId { Val = small ? "Note" : "BodyText" });
        if (center)
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
        }

        _body.Add(new Paragraph(properties, Run(text)));
    }

    /// <summary>The contents: a TOC field over the three heading levels, filled by Word when the document opens (settings: updateFields).</summary>
    public void Contents(string heading, string placeholder)
    {
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ContentsHeading" }, new Justification { Val = JustificationValues.Center }), Run(heading)));
        _body.Add(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "BodyText" }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
            new Run(new FieldCode(" TOC \\o \"1-3\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Run(placeholder),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        PageBreak();
    }

    public void PageBreak() => _body.Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));

    /// <summary>A table with a repeated header row; numbers right-aligned, status words never wrapped.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyCollection<int>? numericColumns = null, IReadOnlyCollection<int>? noWrapColumns = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 8 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 8 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableStyle { Val = "ReportTable" }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border, new TableLayout { Type = TableLayoutValues.Autofit }));
        table.Append(new TableGrid(header.Select(_ => new GridColumn()).ToArray()));
        table.Append(Row(header, true, numericColumns, noWrapColumns));
        foreach (var row in rows)
        {
            table.Append(Row(row, false, numericColumns, noWrapColumns));
        }

        _body.Add(table);
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Note" })));
    }

    /// <summary>A PNG as an inline picture <paramref name="widthCm"/> wide, with its caption below.</summary>
    public void Image(byte[] png, int pixelWidth, int pixelHeight, double widthCm, string caption)
    {
        ArgumentNullException.ThrowIfNull(png);
        var id = "rIdImage" + (_images.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _images.Add((id, png));
        var cx = (long)(widthCm * 360000);
        var cy = cx * pixelHeight / pixelWidth;
        var n = ++_drawingId;
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = n, Name = "Chart " + n, Description = caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart{n}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Figure" }, new Justification { Val = JustificationValues.Center }), new Run(drawing)));
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new Justification { Val = JustificationValues.Center }), Run(caption)));
    }

    public byte[] ToBytes(string footerPrefix)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main);
            foreach (var (id, png) in _images)
            {
                var part = main.AddImagePart(ImagePartType.Png, id);
                using var image = new MemoryStream(png);
                part.FeedData(image);
            }

            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = "FooterText" }, new Justification { Val = JustificationValues.Center }),
                Run(footerPrefix + "— "),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                Run("1"),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                Run(" —")));

            var settings = main.AddNewPart<DocumentSettingsPart>();
            // Word fills the contents field (and page numbers in it) when the document is opened.
            settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });

            var body = main.Document.Body!;
            foreach (var element in _body)
            {
                body.Append(element);
            }

            // GB/T 9704: A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (twentieths of a point).
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static TableRow Row(IReadOnlyList<string> cells, bool header, IReadOnlyCollection<int>? numeric, IReadOnlyCollection<int>? noWrap)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var cellProperties = new TableCellProperties();
            if (noWrap?.Contains(i) == true)
            {
                cellProperties.Append(new NoWrap());
            }

            var paragraph = new Paragraph(
                new ParagraphProperties(
                    new ParagraphStyleId { Val = header ? "TableHeader" : "TableText" },
                    new Justification { Val = !header && numeric?.Contains(i) == true ? JustificationValues.Right : JustificationValues.Left }),
                Run(cells[i]));
            row.Append(new TableCell(cellProperties, paragraph));
        }

        return row;
    }

    private void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var latin = "Times New Roman";
        Style Paragraph(string id, string name, string eastAsia, int points, bool bold = false, int? outline = null, int lineTwips = 560, int before = 0, int after = 0, int firstLineChars = 0)
        {
            var runProperties = new StyleRunProperties(
                new RunFonts { Ascii = latin, HighAnsi = latin, EastAsia = eastAsia, ComplexScript = latin },
                new FontSize { Val = (points * PointsToHalfPoints).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = (points * PointsToHalfPoints).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (bold)
            {
                runProperties.InsertAfter(new Bold(), runProperties.GetFirstChild<RunFonts>());
            }

            var paragraph = new StyleParagraphProperties(
                new SpacingBetweenLines { Line = lineTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (firstLineChars > 0)
            {
                paragraph.Append(new Indentation { FirstLineChars = firstLineChars });
            }

            if (outline is { } level)
            {
                paragraph.PrependChild(new KeepNext());
                paragraph.Append(new OutlineLevel { Val = level });
            }

            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), paragraph, runProperties) { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = !name.StartsWith("heading", StringComparison.Ordinal) && name != "Title" };
        }

        var body = BodyFont;
        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(new RunFonts { Ascii = latin, HighAnsi = latin, EastAsia = body, ComplexScript = latin }, new FontSize { Val = "32" }, new Languages { Val = _english ? "en-US" : "zh-CN", EastAsia = "zh-CN" }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        styles.Styles = new Styles(
            normal,
            Paragraph("Title", "Title", _english ? latin : "方正小标宋简体", 22, bold: _english, lineTwips: 700, before: 0, after: 560),
            Paragraph("Heading1", "heading 1", _english ? latin : "黑体", 16, bold: _english, outline: 0),
            Paragraph("Heading2", "heading 2", _english ? latin : "楷体_GB2312", 16, bold: _english, outline: 1),
            Paragraph("Heading3", "heading 3", body, 16, bold: true, outline: 2),
            Paragraph("BodyText", "PeakMonitor Body", body, 16, firstLineChars: 200),
            Paragraph("ContentsHeading", "PeakMonitor Contents Heading", _english ? latin : "黑体", 16, bold: _english, after: 280),
            Paragraph("Note", "PeakMonitor Note", body, 12, lineTwips: 360),
            Paragraph("Caption", "PeakMonitor Caption", _english ? latin : "楷体_GB2312", 12, lineTwips: 360, after: 200),
            Paragraph("Figure", "PeakMonitor Figure", body, 12, lineTwips: 240),
            Paragraph("TableHeader", "PeakMonitor Table Header", _english ? latin : "黑体", 11, bold: _english, lineTwips: 300),
            Paragraph("TableText", "PeakMonitor Table Text", body, 11, lineTwips: 300),
            Paragraph("FooterText", "PeakMonitor Footer", latin, 14, lineTwips: 300));
        // Picture paragraphs need an automatic line height, or a fixed 12 pt line would crop the image.
        var figure = styles.Styles.Elements<Style>().First(s => s.StyleId == "Figure");
        figure.StyleParagraphProperties!.SpacingBetweenLines!.LineRule = LineSpacingRuleValues.Auto;
    }
}
