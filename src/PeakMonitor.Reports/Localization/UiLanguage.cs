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

    /// <summary>A number for display; an em dash for no value (never 0).</summary>
    public string Num(double? value, int decimals = 1) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture) : "—";
}
