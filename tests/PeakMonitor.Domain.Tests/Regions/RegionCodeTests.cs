using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Tests.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("CN")]
    [InlineData("11")]
    [InlineData("65")]
    [InlineData(" 44 ")]
    public void TryParse_CataloguedCode_Accepted(string text) =>
        Assert.True(RegionCode.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("cn")]
    [InlineData("10")]
    [InlineData("71")]
    [InlineData("81")]
    [InlineData("110000")]
    [InlineData("11' OR '1'='1")]
    public void TryParse_UnknownOrOutsideThePlan_Rejected(string? text) =>
        Assert.False(RegionCode.TryParse(text, out _));

    [Fact]
    public void Catalog_NationAnd31Divisions_WithNames()
    {
        Assert.Equal(32, RegionCatalog.All.Count);
        Assert.Equal(31, RegionCatalog.Provinces.Count);
        Assert.True(RegionCatalog.All[0].Code.IsNational);
        Assert.Equal("内蒙古", RegionCatalog.Get(RegionCode.Parse("15")).ShortNameZh);
        Assert.Equal(5, RegionCatalog.Provinces.Count(r => r.Kind == RegionKind.AutonomousRegion));
        Assert.Equal(4, RegionCatalog.Provinces.Count(r => r.Kind == RegionKind.Municipality));
    }

    [Fact]
    public void Parse_Unknown_ErrorExplainsFormat() =>
        Assert.Contains("GB/T 2260", Assert.Throws<FormatException>(() => RegionCode.Parse("99")).Message, StringComparison.Ordinal);
}
