using System.Globalization;
using PeakMonitor.Influx.LineProtocol;

namespace PeakMonitor.Influx.Tests.LineProtocol;

public sealed class LineBuilderTests
{
    private static string Line(Action<LineBuilder> build)
    {
        var b = new LineBuilder();
        build(b);
        return b.ToString();
    }

    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a b", @"a\ b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData(@"a\b", @"a\b")]
    [InlineData("\"q\"", "\"q\"")]
    [InlineData("内蒙古", "内蒙古")]
    public void Tag_SpecialCharacters_EscapedForV1Parser(string value, string expected) =>
        Assert.Equal($"m,k={expected} v=1 5\n", Line(b => b.Measurement("m").Tag("k", value).Field("v", 1.0).Timestamp(5)));

    [Fact]
    public void Measurement_CommaSpaceAndEquals_OnlyCommaAndSpaceEscaped() =>
        Assert.Equal("a\\,b\\ c=d v=1\n", Line(b => b.Measurement("a,b c=d").Field("v", 1.0).EndLine()));

    [Fact]
    public void TagKeyAndFieldKey_SpecialCharacters_Escaped() =>
        Assert.Equal("m,k\\ 1\\=x=y f\\,g=2 1\n", Line(b => b.Measurement("m").Tag("k 1=x", "y").Field("f,g", 2.0).Timestamp(1)));

    [Fact]
    public void Field_StringWithQuotesBackslashesAndNewline_QuotedAndEscaped() =>
        Assert.Equal("m s=\"say \\\"hi\\\" C:\\\\dir\nnext\" 1\n", Line(b => b.Measurement("m").Field("s", "say \"hi\" C:\\dir\nnext").Timestamp(1)));

    [Fact]
    public void Field_DoubleUnderCommaDecimalCulture_WrittenInInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("m v=1234.5,w=1E-07,x=-0.25 1\n", Line(b => b.Measurement("m").Field("v", 1234.5).Field("w", 1e-7).Field("x", -0.25).Timestamp(1)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Field_NotFinite_RejectedNamingField(double value)
    {
        var ex = Assert.Throws<LineProtocolException>(() => Line(b => b.Measurement("m").Field("value", value).Timestamp(1)));
        Assert.Contains("'value'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\tb")]
    public void Tag_LineBreakOrControl_Rejected(string value)
    {
        var ex = Assert.Throws<LineProtocolException>(() => Line(b => b.Measurement("m").Tag("region", value).Field("v", 1.0).Timestamp(1)));
        Assert.Contains("tag value", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"a\")]
    [InlineData(@"a\,b")]
    [InlineData(@"a\ b")]
    [InlineData(@"a\=b")]
    public void Tag_BackslashBeforeSpecialOrAtEnd_RejectedBecauseV1CannotStoreIt(string value) =>
        Assert.Throws<LineProtocolException>(() => Line(b => b.Measurement("m").Tag("k", value).Field("v", 1.0).Timestamp(1)));

    [Fact]
    public void Tag_Empty_Rejected() =>
        Assert.Throws<LineProtocolException>(() => Line(b => b.Measurement("m").Tag("k", string.Empty).Field("v", 1.0).Timestamp(1)));

    [Fact]
    public void Timestamp_WithoutField_Rejected() =>
        Assert.Throws<LineProtocolException>(() => Line(b => b.Measurement("m").Tag("k", "v").Timestamp(1)));

    [Fact]
    public void Builder_SeveralLines_OnePerPoint() =>
        Assert.Equal("m v=1 1\nm v=2 2\n", Line(b => b.Measurement("m").Field("v", 1.0).Timestamp(1).Measurement("m").Field("v", 2.0).Timestamp(2)));

    [Fact]
    public void Series_KeyRenderedOnce_SameBytesAsMeasurementAndTags()
    {
        var key = LineBuilder.RenderSeriesKey("m,x", ("k 1", "a=b"), ("region", "内蒙古"));

        var cached = Line(b => b.Series(key).Field("v", 1.5).Timestamp(9));
        var direct = Line(b => b.Measurement("m,x").Tag("k 1", "a=b").Tag("region", "内蒙古").Field("v", 1.5).Timestamp(9));

        Assert.Equal(direct, cached);
    }

    [Fact]
    public void RenderSeriesKey_InvalidTag_Rejected() =>
        Assert.Throws<LineProtocolException>(() => LineBuilder.RenderSeriesKey("m", ("k", "a\nb")));

    [Fact]
    public void Builder_BeyondInitialCapacity_Grows()
    {
        var b = new LineBuilder(64);
        for (var i = 0; i < 1000; i++)
        {
            b.Measurement("m").Tag("k", "值" + i.ToString(CultureInfo.InvariantCulture)).Field("v", i).Timestamp(i);
        }

        var lines = b.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1000, lines.Length);
        Assert.Equal("m,k=值999 v=999 999", lines[^1]);
    }
}
