using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Reports.Charts;
using PeakMonitor.Reports.Localization;
using SkiaSharp;

namespace PeakMonitor.Reports.Tests.Charts;

/// <summary>Server-drawn chart images, read back as pixels: the series are there, Chinese is drawn with real glyphs, sizes are kept.</summary>
public sealed class ChartImagesTests
{
    private static readonly UiLanguage Zh = new();

    private static IReadOnlyList<KpiResult> Series()
    {
        var kpi = KpiCatalog.Get("nonfossil_share");
        return Enumerable.Range(2020, 5).Select(y => new KpiResult
        {
            Kpi = kpi.Id, Region = RegionCode.National, Year = y, Track = "main", Unit = "%", BaselineYear = 2020, BaselineValue = 15.9,
            TargetYear = 2025, Target = 20, Value = 15.9 + ((y - 2020) * 0.7), Projected = y == 2024 ? 19.9 : null, Status = KpiStatus.OnTrack,
        }).ToArray();
    }

    /// <summary>An outlook to 2030 whose bands widen each year (input data, as the outlook model would give).</summary>
    internal static Domain.Outlook.KpiOutlook Outlook() => new()
    {
        Kpi = "nonfossil_share", Region = RegionCode.National, Track = "main", AsOfYear = 2024, BaselineYear = 2020, Deadline = 2030, Target = 25, Unit = "%",
        Direction = KpiDirection.HigherIsBetter, Latest = 18.7, Probability = 0.4, ChangesUsed = 4, Scale = Domain.Outlook.ChangeScale.Additive, Method = "test",
        Quantiles = Enumerable.Range(1, 6).Select(h => new Domain.Outlook.YearQuantiles(2024 + h, 18.7 + (0.2 * h), 18.7 + (0.5 * h), 18.7 + (0.7 * h), 18.7 + (0.9 * h), 18.7 + (1.2 * h))).ToArray(),
    };

    private static ChartModel Trajectory(UiLanguage lang) => ChartModels.Trajectory(KpiCatalog.Get("nonfossil_share"), Series(), lang, lang.T("非化石能源消费比重", "Non-fossil share"));

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");

    /// <summary>Pixels within a small distance of a colour (antialiasing blends edges).</summary>
    private static int CountNear(SKBitmap bitmap, string hex, int tolerance = 24)
    {
        var c = SKColor.Parse(hex);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - c.Red) <= tolerance && Math.Abs(p.Green - c.Green) <= tolerance && Math.Abs(p.Blue - c.Blue) <= tolerance)
                {
                    count++;
                }
            }
        }

        return count;
    }

    [Fact]
    public void Render_Trajectory_EverySeriesColourIsDrawn()
    {
        using var bitmap = Decode(ChartImages.Render(Trajectory(Zh), ChartImageFormat.Png));

        Assert.True(CountNear(bitmap, ChartModels.ActualColor) > 200, "the actual values' line is drawn");
        Assert.True(CountNear(bitmap, ChartModels.PathColor, 16) > 100, "the target path is drawn");
        Assert.True(CountNear(bitmap, ChartModels.ProjectionColor) > 50, "the projection is drawn");
        // A one-pixel line is antialiased over two rows: count the pixels where red clearly dominates.
        Assert.True(Count(bitmap, p => p.Red > p.Green + 60 && p.Red > p.Blue + 60) > 400, "the target line is drawn");
    }

    [Fact]
    public void Render_TrajectoryWithOutlook_BothBandsDrawnWhereTheImageWithoutHasNone()
    {
        var kpi = KpiCatalog.Get("nonfossil_share");
        var withFan = ChartModels.Trajectory(kpi, Series(), Zh, "非化石能源消费比重", Outlook());
        var without = ChartModels.Trajectory(kpi, Series(), Zh, "非化石能源消费比重");

        using var fan = Decode(ChartImages.Render(withFan, ChartImageFormat.Png));
        using var plain = Decode(ChartImages.Render(without, ChartImageFormat.Png));

        // The outer band alone (10–25%, 75–90%) shows the projection colour at 12% over white; the inner band lies on top of it at 22%.
        var outer = OverWhite(ChartModels.ProjectionColor, 0.12);
        var inner = Over(outer, ChartModels.ProjectionColor, 0.22);
        Assert.True(CountNear(fan, outer, 6) > 1000, "the 10–90% band is drawn");
        Assert.True(CountNear(fan, inner, 6) > 1000, "the 25–75% band is drawn");
        Assert.True(CountNear(plain, outer, 6) < 50, "no band without an outlook");
        Assert.True(CountNear(plain, inner, 6) < 50, "no band without an outlook");
        Assert.True(CountNear(fan, ChartModels.ActualColor) > 200, "the lines are still drawn over the fan");
    }

    [Fact]
    public void Render_TrajectoryWithoutOutlook_PngOfTheAskedSize()
    {
        var model = ChartModels.Trajectory(KpiCatalog.Get("nonfossil_share"), Series(), Zh, outlook: null);

        using var bitmap = Decode(ChartImages.Render(model, ChartImageFormat.Png, 640, 320));

        Assert.Empty(model.Bands);
        Assert.Equal((640, 320), (bitmap.Width, bitmap.Height));
        Assert.True(CountNear(bitmap, ChartModels.ActualColor) > 100);
    }

    [Fact]
    public void Render_NoSeries_PlotAreaStaysBackground()
    {
        var empty = Trajectory(Zh) with { Series = [], Target = null };

        using var blank = Decode(ChartImages.Render(empty, ChartImageFormat.Png));
        using var drawn = Decode(ChartImages.Render(Trajectory(Zh), ChartImageFormat.Png));

        Assert.Equal(0, CountNear(blank, ChartModels.ActualColor));
        Assert.True(CountNear(drawn, ChartModels.ActualColor) > 200);
    }

    [Theory]
    [InlineData(200, 150)]
    [InlineData(640, 260)]
    [InlineData(1600, 900)]
    public void Render_Size_ImageHasThatSize(int width, int height)
    {
        using var bitmap = Decode(ChartImages.Render(Trajectory(Zh), ChartImageFormat.Png, width, height));

        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    [Theory]
    [InlineData(199, 400)]
    [InlineData(4001, 400)]
    [InlineData(800, 149)]
    [InlineData(800, 3001)]
    public void Render_SizeOutOfBounds_Throws(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartImages.Render(Trajectory(Zh), ChartImageFormat.Png, width, height));
    }

    [Fact]
    public void Render_Svg_NamesTheCjkFontAndHasTheLabels()
    {
        var svg = System.Text.Encoding.UTF8.GetString(ChartImages.Render(Trajectory(Zh), ChartImageFormat.Svg, 640, 320));

        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("width=\"640\"", svg, StringComparison.Ordinal);
        Assert.Contains("height=\"320\"", svg, StringComparison.Ordinal);
        Assert.Contains(ChartImages.FontFamily, svg, StringComparison.Ordinal);
        Assert.Contains("目标路径", svg, StringComparison.Ordinal);
        Assert.Contains("#0B6E4F", svg.ToUpperInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public void FontFamily_ChineseLabels_EveryCharacterHasAGlyph()
    {
        using var typeface = SKFontManager.Default.MatchFamily(ChartImages.FontFamily);

        Assert.NotNull(typeface);
        Assert.Equal(ChartImages.FontFamily, typeface.FamilyName);
        var labels = string.Concat(Trajectory(Zh).Series.Select(s => s.Name)) + "非化石能源消费比重目标十分严峻比较严峻基本顺利已提前完成";
        Assert.True(typeface.ContainsGlyphs(labels), "every character of the Chinese labels is in the font");
    }

    /// <summary>
    /// The title drawn in Chinese differs from the same chart with the title replaced by missing-glyph
    /// boxes (U+FFFF has no glyph in any font: it draws as the .notdef box, "tofu"): real glyphs were used.
    /// </summary>
    [Fact]
    public void Render_ChineseTitle_DrawnWithGlyphsNotBoxes()
    {
        var title = "非化石能源消费比重";
        using var chinese = Decode(ChartImages.Render(Trajectory(Zh) with { Title = title }, ChartImageFormat.Png));
        using var tofu = Decode(ChartImages.Render(Trajectory(Zh) with { Title = new string('\uffff', title.Length) }, ChartImageFormat.Png));
        using var again = Decode(ChartImages.Render(Trajectory(Zh) with { Title = title }, ChartImageFormat.Png));

        var titleBand = new SKRectI(0, 0, chinese.Width, 40);
        Assert.True(Differing(chinese, tofu, titleBand) > 100, "the Chinese title is not drawn as boxes");
        Assert.Equal(0, Differing(chinese, again, titleBand));
        Assert.True(Dark(chinese, titleBand) > 200, "the title band has ink");
    }

    [Fact]
    public void Render_Ranking_BarsInStatusColours()
    {
        var kpi = KpiCatalog.Get("nonfossil_share");
        var rows = RegionCatalog.Provinces.Select((p, i) => (p.Code, (KpiResult?)new KpiResult
        {
            Kpi = kpi.Id, Region = p.Code, Year = 2024, Track = "main", Unit = "%", Value = 10 + i, Status = i % 2 == 0 ? KpiStatus.OnTrack : KpiStatus.OffTrack,
        })).ToArray();

        using var bitmap = Decode(ChartImages.Render(ChartModels.Ranking(kpi, rows, Zh), ChartImageFormat.Png, 800, 700));

        Assert.True(CountNear(bitmap, StatusColors.Of(KpiStatus.OnTrack), 8) > 2000, "on-track bars are drawn");
        Assert.True(CountNear(bitmap, StatusColors.Of(KpiStatus.OffTrack), 8) > 2000, "off-track bars are drawn");
    }

    [Fact]
    public void Render_StackedArea_PartsInPaletteColours()
    {
        var model = ChartModels.StackedArea([2020, 2021, 2022], [("工业", [5.0, 6, 7]), ("建筑业", [1.0, 1, 1.5])], "万吨标准煤");

        using var bitmap = Decode(ChartImages.Render(model, ChartImageFormat.Png));

        Assert.True(CountNear(bitmap, OverWhite(ChartImages.Palette[0], 0.7), 12) > 2000, "the first part is filled");
        Assert.True(CountNear(bitmap, OverWhite(ChartImages.Palette[1], 0.7), 12) > 500, "the second part is filled");
    }

    private static int Count(SKBitmap bitmap, Func<SKColor, bool> match)
    {
        var n = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                if (match(bitmap.GetPixel(x, y)))
                {
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>The colour a translucent fill shows on the white background.</summary>
    private static string OverWhite(string hex, double alpha)
    {
        var c = SKColor.Parse(hex);
        byte Mix(byte v) => (byte)Math.Round((v * alpha) + (255 * (1 - alpha)));
        return $"#{Mix(c.Red):x2}{Mix(c.Green):x2}{Mix(c.Blue):x2}";
    }

    /// <summary>The colour a translucent fill shows over another colour.</summary>
    private static string Over(string under, string hex, double alpha)
    {
        var b = SKColor.Parse(under);
        var c = SKColor.Parse(hex);
        byte Mix(byte v, byte w) => (byte)Math.Round((v * alpha) + (w * (1 - alpha)));
        return $"#{Mix(c.Red, b.Red):x2}{Mix(c.Green, b.Green):x2}{Mix(c.Blue, b.Blue):x2}";
    }

    private static int Differing(SKBitmap a, SKBitmap b, SKRectI area)
    {
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                if (a.GetPixel(x, y) != b.GetPixel(x, y))
                {
                    n++;
                }
            }
        }

        return n;
    }

    private static int Dark(SKBitmap bitmap, SKRectI area)
    {
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                if (bitmap.GetPixel(x, y).Red < 128)
                {
                    n++;
                }
            }
        }

        return n;
    }
}
