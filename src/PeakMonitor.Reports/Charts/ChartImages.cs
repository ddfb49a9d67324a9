using ScottPlot;
using SkiaSharp;

namespace PeakMonitor.Reports.Charts;

public enum ChartImageFormat
{
    Png,
    Svg,
}

/// <summary>
/// The server's renderer of a <see cref="ChartModel"/>: ScottPlot draws the same series, colours, dashes,
/// target line and labels as the browser's ECharts, as PNG or SVG. Every text element gets the font
/// "Noto Sans CJK SC" explicitly: ScottPlot's automatic font choice draws Chinese as boxes here
/// (../shared/STACK.md), and <c>Font.Set</c> alone leaves the legend and the target's label alone.
/// </summary>
public static class ChartImages
{
    public const string FontFamily = "Noto Sans CJK SC";

    public const int MinWidth = 200;
    public const int MaxWidth = 4000;
    public const int MinHeight = 150;
    public const int MaxHeight = 3000;
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 400;

    /// <summary>ECharts' default palette, so that a series without a colour of its own looks the same in both renderers.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"];

    private static readonly Lazy<bool> FontInstalled = new(() =>
    {
        using var typeface = SKFontManager.Default.MatchFamily(FontFamily);
        return typeface is not null && typeface.FamilyName == FontFamily;
    });

    /// <summary>True when the CJK font is installed (Debian package <c>fonts-noto-cjk</c>).</summary>
    public static bool FontAvailable => FontInstalled.Value;

    public static byte[] Render(ChartModel model, ChartImageFormat format, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, MinWidth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, MinHeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxHeight);
        if (!FontAvailable)
        {
            throw new InvalidOperationException($"The font \"{FontFamily}\" is not installed (apt-get install fonts-noto-cjk): without it Chinese labels would be drawn as boxes.");
        }

        var plot = Build(model, width);
        return format == ChartImageFormat.Svg
            ? System.Text.Encoding.UTF8.GetBytes(UnifiedIdeographs(plot.GetSvgXml(width, height)))
            : Png(plot, width, height);
    }

    /// <summary>
    /// Drawn on our own surface and encoded at zlib level 4: ScottPlot's PNG export compresses hardest,
    /// which on a chart of flat colours costs about half the time for a few percent of bytes.
    /// </summary>
    private static byte[] Png(Plot plot, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia could not create a {width}×{height} surface.");
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 4))
            ?? throw new InvalidOperationException("Skia could not encode the chart as PNG.");
        return data.ToArray();
    }

    public static string ContentType(ChartImageFormat format) => format == ChartImageFormat.Svg ? "image/svg+xml" : "image/png";

    private static Plot Build(ChartModel model, int width)
    {
        // Items made while rendering (legend entries) take ScottPlot's process-wide default font; every chart of ours wants this one.
        Fonts.Default = FontFamily;
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#e4e7eb");
        switch (model.Kind)
        {
            case ChartKind.Bars:
                AddBars(plot, model);
                break;
            case ChartKind.StackedArea:
                AddStack(plot, model, width);
                break;
            default:
                AddLines(plot, model, width);
                break;
        }

        if (!string.IsNullOrEmpty(model.Title))
        {
            plot.Title(model.Title);
            plot.Axes.Title.Label.FontSize = 15;
        }

        plot.Legend.FontName = FontFamily;
        plot.Legend.FontSize = 12;
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.Padding = new PixelPadding(8, 8, 6, 8);
        plot.Font.Set(FontFamily);
        return plot;
    }

    private static void AddLines(Plot plot, ChartModel model, int width)
    {
        var xs = Enumerable.Range(0, model.Categories.Count).Select(i => (double)i).ToArray();
        LegendHead(plot);

        // Bands first, so that the lines are drawn over them (the fan sits behind the data, as in the browser).
        foreach (var band in model.Bands)
        {
            var fill = Color.FromHex(band.Color).WithAlpha(band.Opacity);
            var both = band.Lower.Select((lo, k) => lo is not null && band.Upper[k] is not null ? lo : null).ToArray();
            foreach (var (start, length) in Segments(both))
            {
                var area = plot.Add.FillY(xs.Skip(start).Take(length).ToArray(), band.Lower.Skip(start).Take(length).Select(v => v!.Value).ToArray(), band.Upper.Skip(start).Take(length).Select(v => v!.Value).ToArray());
                area.FillColor = fill;
                area.LineWidth = 0;
                area.MarkerSize = 0;
            }
        }

        for (var i = 0; i < model.Series.Count; i++)
        {
            var s = model.Series[i];
            var color = Color.FromHex(s.Color ?? Palette[i % Palette.Count]);
            foreach (var (start, length) in Segments(s.Values))
            {
                var scatter = plot.Add.Scatter(xs.Skip(start).Take(length).ToArray(), s.Values.Skip(start).Take(length).Select(v => v!.Value).ToArray(), color);
                scatter.LineWidth = 2;
                scatter.LinePattern = s.Dash switch { LineDash.Dotted => LinePattern.Dotted, LineDash.Dashed => LinePattern.Dashed, _ => LinePattern.Solid };
                // An isolated value has no line to show it: give it a marker.
                scatter.MarkerSize = s.ShowSymbols || length == 1 ? 5 : 0;
            }

            // One legend entry per series, also for a series without values (as in ECharts).
            plot.Legend.ManualItems.Add(Item(s.Name, new LegendItem
            {
                LineColor = color,
                LineWidth = 2,
                LinePattern = s.Dash switch { LineDash.Dotted => LinePattern.Dotted, LineDash.Dashed => LinePattern.Dashed, _ => LinePattern.Solid },
            }));
        }

        foreach (var band in model.Bands)
        {
            plot.Legend.ManualItems.Add(Item(band.Name, new LegendItem { FillColor = Color.FromHex(band.Color).WithAlpha(band.Opacity) }));
        }

        if (model.Target is { } t)
        {
            // The label sits on the line at the right, as ECharts' markLine puts it.
            plot.Add.HorizontalLine(t.Value, 1, Color.FromHex(t.Color));
            var label = plot.Add.Text(t.Label, model.Categories.Count - 1, t.Value);
            label.LabelFontName = FontFamily;
            label.LabelFontSize = 11;
            label.LabelFontColor = Color.FromHex(t.Color);
            label.LabelAlignment = Alignment.LowerRight;
        }

        CategoryTicks(plot.Axes.Bottom, model.Categories, width);
        plot.Axes.Left.Label.Text = model.ValueAxisName;
        if (!model.ScaleValueAxis)
        {
            plot.Axes.Rules.Add(new ScottPlot.AxisRules.LockedBottom(plot.Axes.Left, 0));
        }

        plot.ShowLegend(Edge.Right);
    }

    private static void AddStack(Plot plot, ChartModel model, int width)
    {
        var n = model.Categories.Count;
        var xs = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var lower = new double[n];
        LegendHead(plot);
        for (var i = 0; i < model.Series.Count; i++)
        {
            var s = model.Series[i];
            var upper = lower.Select((b, k) => b + (s.Values[k] ?? 0)).ToArray();
            var color = Color.FromHex(s.Color ?? Palette[i % Palette.Count]);
            var fill = plot.Add.FillY(xs, lower, upper);
            fill.FillColor = color.WithAlpha(0.7);
            fill.LineColor = color;
            plot.Legend.ManualItems.Add(Item(s.Name, new LegendItem { FillColor = color.WithAlpha(0.7), LineColor = color }));
            lower = upper;
        }

        CategoryTicks(plot.Axes.Bottom, model.Categories, width);
        plot.Axes.Left.Label.Text = model.ValueAxisName;
        plot.Axes.Margins(horizontal: 0, vertical: 0.05);
        plot.Axes.Rules.Add(new ScottPlot.AxisRules.LockedBottom(plot.Axes.Left, 0));
        plot.ShowLegend(Edge.Right);
    }

    private static void AddBars(Plot plot, ChartModel model)
    {
        var s = model.Series[0];
        var n = model.Categories.Count;
        var bars = s.Values.Select((v, i) => new Bar
        {
            // Best first from the top, as in the browser's inverse category axis.
            Position = n - 1 - i,
            Value = v ?? 0,
            FillColor = Color.FromHex(s.PointColors?[i] ?? s.Color ?? Palette[0]),
            LineWidth = 0,
        }).ToArray();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < n; i++)
        {
            ticks.AddMajor(n - 1 - i, model.Categories[i]);
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = model.ValueAxisName;
        plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.02, top: 0.02);
        LegendHead(plot);
        foreach (var entry in model.Legend)
        {
            plot.Legend.ManualItems.Add(Item(entry.Label, new LegendItem { FillColor = Color.FromHex(entry.Color) }));
        }

        plot.ShowLegend(Alignment.LowerRight);
    }

    /// <summary>
    /// ScottPlot 5.1.59 clips the top of the first legend label drawn in the CJK font (its ascent is
    /// taller than the measured line): a small empty first row keeps every real label whole.
    /// </summary>
    private static void LegendHead(Plot plot) => plot.Legend.ManualItems.Add(new LegendItem { LabelText = " ", LabelFontSize = 4, LabelFontName = FontFamily });

    /// <summary>A legend entry whose label is measured and drawn in the CJK font (an automatic entry is measured in another and clipped).</summary>
    private static LegendItem Item(string text, LegendItem item)
    {
        item.LabelText = text;
        item.LabelFontName = FontFamily;
        item.LabelFontSize = 12;
        return item;
    }

    /// <summary>Category labels at their positions, thinned so that they do not overlap at this width.</summary>
    private static void CategoryTicks(IAxis axis, IReadOnlyList<string> categories, int width)
    {
        var longest = categories.Count == 0 ? 4 : categories.Max(c => c.Length);
        var fit = Math.Max(1, (width - 80) / Math.Max(36, (longest * 8) + 12));
        var step = Math.Max(1, (int)Math.Ceiling(categories.Count / (double)fit));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < categories.Count; i += step)
        {
            ticks.AddMajor(i, categories[i]);
        }

        axis.TickGenerator = ticks;
    }

    /// <summary>Runs of consecutive values: a missing value breaks the line, as ECharts' connectNulls: false does.</summary>
    private static IEnumerable<(int Start, int Length)> Segments(IReadOnlyList<double?> values)
    {
        var start = -1;
        for (var i = 0; i <= values.Count; i++)
        {
            var has = i < values.Count && values[i] is { } v && double.IsFinite(v);
            if (has && start < 0)
            {
                start = i;
            }
            else if (!has && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    /// <summary>
    /// Skia's SVG writer maps glyphs back to characters through the font's table, which for some
    /// ideographs yields the look-alike Kangxi radical (⽬ U+2F6C for 目 U+76EE): the text would look right
    /// but not search or copy right. Compatibility normalisation maps the radicals back.
    /// </summary>
    private static string UnifiedIdeographs(string svg)
    {
        if (!svg.Any(IsRadical))
        {
            return svg;
        }

        var sb = new System.Text.StringBuilder(svg.Length);
        foreach (var c in svg)
        {
            sb.Append(IsRadical(c) ? c.ToString().Normalize(System.Text.NormalizationForm.FormKC) : c.ToString());
        }

        return sb.ToString();
    }

    private static bool IsRadical(char c) => c is >= '\u2E80' and <= '\u2FDF';
}
