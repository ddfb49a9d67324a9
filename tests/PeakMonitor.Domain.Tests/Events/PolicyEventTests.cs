using PeakMonitor.Domain.Events;

namespace PeakMonitor.Domain.Tests.Events;

public sealed class PolicyEventTests
{
    private static readonly Uri Source = new("https://example.org/doc");

    [Fact]
    public void Constructor_ValidEvent_TrimmedAndDated()
    {
        var e = new PolicyEvent(new DateOnly(2021, 10, 1), " 行动方案 ", "Action plan ", PolicyEventKind.Plan, Source, " 国发〔2021〕23号 ", monthOnly: true);

        Assert.Equal(("行动方案", "Action plan", "国发〔2021〕23号", "2021-10"), (e.TitleZh, e.TitleEn, e.Document, e.DateText));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/x")]
    [InlineData("file:///etc/passwd")]
    public void Constructor_SourceNotHttp_Refused(string source) =>
        Assert.Throws<ArgumentException>(() => new PolicyEvent(new DateOnly(2022, 1, 1), "甲", "A", PolicyEventKind.Rule, new Uri(source)));

    [Theory]
    [InlineData("", "A")]
    [InlineData("甲", "  ")]
    [InlineData("甲\n乙", "A")]
    public void Constructor_MissingOrControlTitle_Refused(string zh, string en) =>
        Assert.Throws<ArgumentException>(() => new PolicyEvent(new DateOnly(2022, 1, 1), zh, en, PolicyEventKind.Rule, Source));

    [Fact]
    public void Constructor_MonthOnlyNotFirstOfMonth_Refused() =>
        Assert.Throws<ArgumentException>(() => new PolicyEvent(new DateOnly(2021, 10, 24), "甲", "A", PolicyEventKind.Plan, Source, monthOnly: true));

    [Fact]
    public void Constructor_YearOutsideTheProductsRange_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolicyEvent(new DateOnly(1900, 1, 1), "甲", "A", PolicyEventKind.Plan, Source));

    [Fact]
    public void Kinds_IdsRoundTrip()
    {
        foreach (var kind in Enum.GetValues<PolicyEventKind>())
        {
            Assert.True(PolicyEventKinds.TryParse(kind.Id(), out var back));
            Assert.Equal(kind, back);
        }

        Assert.False(PolicyEventKinds.TryParse("Rule", out _));
    }
}
