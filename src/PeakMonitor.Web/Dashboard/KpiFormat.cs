using PeakMonitor.Domain.Kpis;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// How the pages write a KPI's numbers, once for every page: progress within 0–100 % (beyond it, the
/// target is passed, not "337.6 % done"), a signed change, a required rate only while there is still
/// a distance to cover.
/// </summary>
public static class KpiFormat
{
    /// <summary>"62.4"; "&gt; 100" once the target is passed; "&lt; 0" when the value moved away from it; "—" without a baseline.</summary>
    public static string Progress(double? progress, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return progress switch
        {
            null => "—",
            > 100 => "> 100",
            < 0 => "< 0",
            { } p => lang.Num(p, 1),
        };
    }

    /// <summary>"+1.22", "−0.40" (a true minus sign), "0.00"; "—" without last year's value.</summary>
    public static string Change(double? change, UiLanguage lang, int decimals = 2)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return change switch
        {
            null => "—",
            > 0 and var c => "+" + lang.Num(c, decimals),
            < 0 and var c => "−" + lang.Num(-c, decimals),
            _ => lang.Num(0, decimals),
        };
    }

    /// <summary>A required annual rate means something only while the target is still ahead: not once met or within its band.</summary>
    public static bool ShowsRequiredRate(KpiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.RequiredAnnualRate is not null && result.Status is not (KpiStatus.AchievedEarly or KpiStatus.WithinTolerance or KpiStatus.NotApplicable);
    }
}
