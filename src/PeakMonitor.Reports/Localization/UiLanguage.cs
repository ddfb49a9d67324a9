using System.Globalization;

namespace PeakMonitor.Reports.Localization;

/// <summary>
/// The language of this request: Chinese by default, English by the visible switch, remembered in a
/// cookie. Every label goes through <see cref="T"/>; numbers are formatted for the language.
/// </summary>
public sealed class UiLanguage
{
    public const string CookieName = "pm-lang";

    public bool English { get; set; }

    public string Code => English ? "en" : "zh";

    public string HtmlLang => English ? "en" : "zh-CN";

    public CultureInfo Culture => English ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The label in the current language.</summary>
    public string T(string zh, string en) => English ? en : zh;

    /// <summary>The time zone times are shown in (setting <c>Dashboard:TimeZone</c>; China Standard Time by default).</summary>
    public TimeZoneInfo TimeZone { get; set; } = ChinaStandardTime;

    /// <summary>Asia/Shanghai, or UTC+8 where the system has no time-zone database.</summary>
    public static TimeZoneInfo ChinaStandardTime { get; } = FindZone("Asia/Shanghai") ?? TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    /// <summary>A moment for display, in the reader's time zone and saying which: "2026-12-02 15:49 北京时间".</summary>
    public string Time(DateTimeOffset moment, bool seconds = false)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZone);
        var zone = TimeZone.Id is "Asia/Shanghai" or "UTC+8" ? T("北京时间", "Beijing time") : TimeZone.Id;
        return local.ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone;
    }

    /// <summary>A stored UTC time (databases hand it back without its kind) for display.</summary>
    public string Time(DateTime utc, bool seconds = false) =>
        Time(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), seconds);

    public static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>A number for display; an em dash for no value (never 0).</summary>
    public string Num(double? value, int decimals = 1) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture) : "—";
}
