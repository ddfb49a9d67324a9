using System.Net;
using System.Text.RegularExpressions;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Reports.Localization;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Components;

public sealed partial class MethodologyPageTests(InfluxServerFixture influxd) : IClassFixture<InfluxServerFixture>
{
    [GeneratedRegex("""<article class="card kpi-method" id="kpi-([a-z0-9_]+)" """)]
    private static partial Regex KpiSection();

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(IReadOnlyDictionary<string, string?>? settings = null, bool english = false)
    {
        var database = (await influxd.NewDatabaseAsync()).Database;
        await using var factory = new PeakMonitorWebFactory(influxd.Url, database, settings);
        using var http = await factory.CreateSignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/methodology", UriKind.Relative));
        if (english)
        {
            request.Headers.Add("Cookie", "pm-lang=en");
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Methodology_PolicyEventsOfTheEventsFileListedWithDocumentAndSource()
    {
        var (status, html) = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        var events = await PeakMonitor.Ingestion.Events.PolicyEventsReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "events", "events.csv"), CancellationToken.None);
        Assert.Equal(events.Count, html.Split("<tr data-event=", StringSplitOptions.None).Length - 1);
        Assert.Contains("<tr data-event=\"2021-10\"><td>2021-10</td>", html, StringComparison.Ordinal);
        Assert.Contains("国发〔2021〕23号", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Methodology_DecompositionMethodWithEffectIdsSourceAndNoSectorEffect()
    {
        var (status, html) = await GetAsync();
        var (_, english) = await GetAsync(english: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var section = html[html.IndexOf("id=\"decomposition\"", StringComparison.Ordinal)..];
        foreach (var id in new[] { "population", "affluence", "energy_intensity", "carbon_intensity_of_energy" })
        {
            Assert.Contains($"<code>{id}</code>", section, StringComparison.Ordinal);
        }

        Assert.Contains("L(a, b) = (a − b) / (ln a − ln b)", section, StringComparison.Ordinal);
        Assert.Contains("Energy Policy</em> 33 (2005) 867–871", section, StringComparison.Ordinal);
        Assert.Contains("id=\"no-sector-structure\"", section, StringComparison.Ordinal);
        Assert.Contains("No sector-structure effect yet", english, StringComparison.Ordinal);
    }

    private static string Section(string html, string kpi)
    {
        var start = html.IndexOf($"id=\"kpi-{kpi}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section of {kpi}");
        var end = html.IndexOf("</article>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [Fact]
    public async Task Get_Methodology_ScopeDefinitionsNaturesAndThePeakDeadline()
    {
        var (_, html) = await GetAsync();

        Assert.Contains("id=\"scope-rules\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"definition-rules\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"peak-deadline\"", html, StringComparison.Ordinal);
        var energy = Section(html, "energy_intensity_reduction");

        // The formula text comes from the formula objects, one per track.
        Assert.Contains(EnergyIntensityText(), energy, StringComparison.Ordinal);
        Assert.Contains("data-track-formula=\"gross\"", energy, StringComparison.Ordinal);
        Assert.Contains("data-field=\"nature\">约束性", energy, StringComparison.Ordinal);
        Assert.Contains("参考轨道，不计入考核", energy, StringComparison.Ordinal);
        Assert.Contains("data-field=\"nature\">未明确（不作否决）", Section(html, "nonfossil_share"), StringComparison.Ordinal);
        Assert.Contains("各省（全国不评价）", Section(html, "peak_load_response"), StringComparison.Ordinal);
        Assert.Contains("全国（省份不适用）", Section(html, "wind_solar_capacity"), StringComparison.Ordinal);
    }

    private static string EnergyIntensityText() =>
        System.Net.WebUtility.HtmlEncode(PeakMonitor.Domain.Kpis.Formulas.EnergyIntensityReductionFormula.InForce.DescriptionZh)[..20];

    [Fact]
    public async Task Get_Methodology_EveryCatalogueKpiInCatalogueOrder()
    {
        var (status, html) = await GetAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(KpiCatalog.All.Select(k => k.Id), KpiSection().Matches(html).Select(m => m.Groups[1].Value));
        foreach (var kpi in KpiCatalog.All)
        {
            var section = WebUtility.HtmlDecode(Section(html, kpi.Id));
            Assert.Contains(kpi.NameZh, section, StringComparison.Ordinal);
            Assert.Contains(kpi.NameEn, section, StringComparison.Ordinal);
            Assert.Contains($"data-field=\"plan\">{kpi.PlanSection} ", section, StringComparison.Ordinal);
            Assert.Contains(kpi.PlanLines, section, StringComparison.Ordinal);
            Assert.Equal(kpi.Targets.Count, Regex.Count(section, "<tr data-track="));
            Assert.Equal(!kpi.HasDataSource, section.Contains("data-field=\"no-source\"", StringComparison.Ordinal));
            foreach (var input in kpi.Inputs.Select(IndicatorCatalog.Get))
            {
                Assert.Contains($"<code>{input.Id}</code> {input.NameZh} <span class=\"muted\">({KpiText.Unit(input.CanonicalUnit, new UiLanguage())})</span>", section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Get_Methodology_TargetPairsWithModalityWords()
    {
        var (_, html) = await GetAsync();

        var carbon = Section(html, "carbon_intensity_reduction");
        Assert.Contains("<tr data-track=\"vs2020\">", carbon, StringComparison.Ordinal);
        Assert.Contains("<tr data-track=\"vs2005\">", carbon, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2005</td>", carbon, StringComparison.Ordinal);
        Assert.Contains("data-field=\"target\">65 ", carbon, StringComparison.Ordinal);
        Assert.Contains("<td data-field=\"modality\">以上</td>", carbon, StringComparison.Ordinal);
        Assert.Contains("几何", carbon, StringComparison.Ordinal);
        Assert.Contains("<td data-field=\"modality\">左右</td>", Section(html, "nonfossil_share"), StringComparison.Ordinal);
        Assert.Contains("data-field=\"target\">1,200 ", Section(html, "wind_solar_capacity"), StringComparison.Ordinal);
        Assert.Contains("data-field=\"target\">2030 ", Section(html, "co2_peak"), StringComparison.Ordinal);
        Assert.Contains("<td data-field=\"modality\">力争</td>", Section(html, "rooftop_pv_coverage_new"), StringComparison.Ordinal);
        Assert.Contains("data-field=\"scope\">输电通道", Section(html, "new_channel_re_share"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Methodology_DefaultThresholdsStatusWordsAndGrades()
    {
        var (_, html) = await GetAsync();

        Assert.Contains("id=\"about-tolerance-points\" data-option=\"AboutTolerancePoints\">0.5<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"about-tolerance-relative\" data-option=\"AboutToleranceRelative\">2.5<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"recent-rate-years\" data-option=\"RecentRateYears\">3<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"at-risk-multiple\" data-option=\"AtRiskRateMultiple\">1.5<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"full-score-progress\" data-option=\"FullScoreOverachievement\">125<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"peak-min-years\" data-option=\"PeakMinYears\">5<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"peak-confirmation-years\" data-option=\"PeakConfirmationYears\">2<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"peak-min-decline\" data-option=\"PeakMinDecline\">1<", html, StringComparison.Ordinal);
        foreach (var status in Enum.GetValues<KpiStatus>())
        {
            Assert.Contains($"<tr data-status=\"{status.Id()}\">", html, StringComparison.Ordinal);
            Assert.Contains(status.Zh(), html, StringComparison.Ordinal);
            Assert.Contains($"class=\"status-chip", html, StringComparison.Ordinal);
        }

        foreach (var grade in Enum.GetValues<AssessmentGrade>())
        {
            Assert.Contains($"<tr data-grade=\"{grade.Id()}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("<td class=\"num\" data-field=\"score\">≥ 95</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-field=\"score\">≥ 60</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Methodology_ConfiguredThresholds_PageShowsTheConfiguredValues()
    {
        var (status, html) = await GetAsync(new Dictionary<string, string?>
        {
            ["Kpi:AboutTolerancePoints"] = "0.3",
            ["Kpi:AtRiskRateMultiple"] = "2",
            ["Kpi:ExceededScore"] = "97",
            ["Kpi:PeakMinDecline"] = "0.025",
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"about-tolerance-points\" data-option=\"AboutTolerancePoints\">0.3<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">0.5<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"at-risk-multiple\" data-option=\"AtRiskRateMultiple\">2<", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" data-field=\"score\">≥ 97</td>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"peak-min-decline\" data-option=\"PeakMinDecline\">2.5<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MethodologyInEnglish_EnglishLabelsAndStatusWords()
    {
        var (_, html) = await GetAsync(english: true);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Methodology</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Judgement rules and thresholds", html, StringComparison.Ordinal);
        Assert.Contains(KpiStatus.OffTrack.En(), html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"zh-CN\">以上</span> · at least", Section(html, "wind_solar_capacity"), StringComparison.Ordinal);
    }
}
