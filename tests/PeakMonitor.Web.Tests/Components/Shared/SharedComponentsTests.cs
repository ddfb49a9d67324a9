using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Reports.Localization;
using PeakMonitor.Web.Components.Shared;

namespace PeakMonitor.Web.Tests.Components.Shared;

/// <summary>The small shared components, rendered alone with bUnit: their words in both languages and their markers.</summary>
public sealed class SharedComponentsTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly UiLanguage _lang = new();

    public SharedComponentsTests() => _context.Services.AddSingleton(_lang);

    public void Dispose() => _context.Dispose();

    [Theory]
    [InlineData(KpiStatus.OffTrack, "status-off", "✕", "一级 十分严峻")]
    [InlineData(KpiStatus.AchievedEarly, "status-early", null, "已提前完成")]
    [InlineData(null, "status-unjudged", null, null)]
    public void StatusChip_Status_ClassIconAndWordsOfTheStatus(KpiStatus? status, string css, string? icon, string? zh)
    {
        var chip = _context.Render<StatusChip>(p => p.Add(c => c.Status, status)).Find(".status-chip");

        Assert.Contains(css, chip.ClassList);
        Assert.Equal(status?.Id() ?? "unjudged", chip.GetAttribute("data-status"));
        Assert.Equal(icon ?? Web.Dashboard.StatusStyle.Icon(status), chip.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.EndsWith(zh ?? KpiText.Status(status, _lang), chip.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void StatusChip_English_EnglishWordsOnly()
    {
        _lang.English = true;

        var chip = _context.Render<StatusChip>(p => p.Add(c => c.Status, KpiStatus.AtRisk)).Find(".status-chip");

        Assert.Contains(KpiStatus.AtRisk.En(), chip.TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", chip.TextContent);
    }

    [Fact]
    public void DataBadges_SyntheticEstimateOfficial_OneBadgeEachWithItsExplanation()
    {
        var badges = _context.Render<DataBadges>(p => p
            .Add(c => c.Synthetic, true)
            .Add(c => c.Quality, ObservationQuality.Estimate)
            .Add(c => c.Official, true)).FindAll("[data-badge]");

        Assert.Equal(["synthetic", "estimate", "official"], badges.Select(b => b.GetAttribute("data-badge")));
        Assert.Equal(["合成", "估算", "官方公布值"], badges.Select(b => b.TextContent));
        Assert.All(badges, b => Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("title"))));
    }

    [Fact]
    public void DataBadges_ReportedOfficialData_NoBadge()
    {
        var cut = _context.Render<DataBadges>(p => p.Add(c => c.Quality, ObservationQuality.Reported));

        Assert.Empty(cut.FindAll("[data-badge]"));
    }

    [Fact]
    public void TrajectoryTable_Series_OneRowPerYearWithDataThenTheProjection()
    {
        KpiResult Year(int y, double? value, double? expected) => new()
        {
            Kpi = "nonfossil_share", Region = RegionCode.National, Year = y, Track = "main", Unit = "%", Value = value, Expected = expected,
            Target = 20, TargetYear = 2025, Status = value is null ? null : KpiStatus.OnTrack, Projected = y == 2023 ? 20.4 : null,
        };
        IReadOnlyList<KpiResult> series = [Year(2019, null, null), Year(2021, 16.6, 16.7), Year(2022, 17.5, 17.5), Year(2023, 17.9, 18.3)];

        var rows = _context.Render<TrajectoryTable>(p => p.Add(c => c.Series, series)).FindAll("tbody tr");

        Assert.Equal(4, rows.Count);
        Assert.Equal(["2021", "2022", "2023"], rows.Take(3).Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Equal(_lang.Num(17.9, 2), rows[2].QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("三级 基本顺利", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2025", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("（预测）", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Equal(_lang.Num(20.4, 2), rows[3].QuerySelectorAll("td")[1].TextContent);
    }
}
