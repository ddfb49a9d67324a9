using PeakMonitor.Accounts;
using PeakMonitor.Reports.Localization;

namespace PeakMonitor.Web.Dashboard;

/// <summary>
/// The words a page shows for the app's own ids: roles, audit actions and outcomes, languages. One
/// place, both languages; the ids themselves stay as they are in the database and the API.
/// </summary>
public static partial class DisplayNames
{
    public static string Role(string? role, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return role switch
        {
            Roles.Admin => lang.T("管理员", "Administrator"),
            Roles.Analyst => lang.T("分析员", "Analyst"),
            Roles.Viewer => lang.T("查看者", "Viewer"),
            _ => lang.T("无角色", "No role"),
        };
    }

    public static string AuditAction(string action, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return action switch
        {
            AuditActions.SignIn => lang.T("登录", "Sign-in"),
            AuditActions.SignOut => lang.T("退出", "Sign-out"),
            AuditActions.PasswordChange => lang.T("修改密码", "Password change"),
            AuditActions.Upload => lang.T("上传数据", "Upload"),
            AuditActions.JobStart => lang.T("启动任务", "Job start"),
            AuditActions.ReportGenerate => lang.T("生成报告", "Report generation"),
            AuditActions.UserAdd => lang.T("新增用户", "User added"),
            AuditActions.UserRole => lang.T("修改角色", "Role changed"),
            AuditActions.UserPasswordReset => lang.T("重置密码", "Password reset"),
            AuditActions.UserUnlock => lang.T("解除锁定", "User unlocked"),
            AuditActions.UserDelete => lang.T("删除用户", "User deleted"),
            AuditActions.TokenCreate => lang.T("创建令牌", "Token created"),
            AuditActions.TokenRevoke => lang.T("吊销令牌", "Token revoked"),
            AuditActions.EventAdd => lang.T("新增政策节点", "Policy event added"),
            AuditActions.EventDelete => lang.T("删除政策节点", "Policy event deleted"),
            _ => action,
        };
    }

    /// <summary>
    /// An audit outcome ("ok", "failed: …", "refused: …") as its word in the reader's language and the
    /// recorded detail after it, which stays as written (a record, shown as data).
    /// </summary>
    public static (string Word, string Detail) AuditResult(string? result, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        var text = result ?? string.Empty;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var head = (colon >= 0 ? text[..colon] : text).Trim();
        var detail = colon >= 0 ? text[(colon + 1)..].Trim() : string.Empty;
        var word = head switch
        {
            "ok" or "succeeded" => lang.T("成功", "succeeded"),
            "failed" => lang.T("失败", "failed"),
            "refused" => lang.T("拒绝", "refused"),
            "rejected" => lang.T("拒收", "rejected"),
            "started" => lang.T("已开始", "started"),
            "locked out" or "locked-out" => lang.T("已锁定", "locked out"),
            "interrupted" => lang.T("中断", "interrupted"),
            "skipped" => lang.T("跳过", "skipped"),
            _ => null,
        };
        return word is null ? (string.Empty, text) : (word, detail);
    }

    /// <summary>Why a password was refused, in the reader's language (ASP.NET Identity describes it in English).</summary>
    public static string PasswordError(string code, int minLength, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return code switch
        {
            "PasswordTooShort" => lang.T($"密码至少需要 {minLength} 个字符。", $"Passwords need at least {minLength} characters."),
            "PasswordRequiresDigit" => lang.T("密码需要至少一个数字。", "Passwords need at least one digit."),
            "PasswordRequiresLower" => lang.T("密码需要至少一个小写字母。", "Passwords need at least one lower-case letter."),
            "PasswordRequiresUpper" => lang.T("密码需要至少一个大写字母。", "Passwords need at least one upper-case letter."),
            "PasswordRequiresNonAlphanumeric" => lang.T("密码需要至少一个符号。", "Passwords need at least one symbol."),
            "PasswordRequiresUniqueChars" => lang.T("密码中不同的字符太少。", "Passwords need more different characters."),
            "PasswordMismatch" => lang.T("当前密码不正确。", "The current password is wrong."),
            "PasswordContainsUserName" => lang.T("密码不得包含用户名。", "Passwords must not contain the user name."),
            "PasswordTooCommon" => lang.T("该密码过于常见（或只是在常见密码前后加了数字或符号），请另选一个。", "This password is one of the most common ones (or one of them with digits or symbols added): choose another."),
            _ => lang.T("密码不符合要求。", "The password does not meet the requirements."),
        };
    }

    public static string Language(string? code, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return code switch
        {
            "zh" => lang.T("中文", "Chinese"),
            "en" => lang.T("英文", "English"),
            _ => code ?? "—",
        };
    }

    /// <summary>
    /// A stored source for display: the generator's "synthetic" marker in the page's language; official
    /// sources as stored (they are citations, quoted as the data carry them).
    /// </summary>
    public static string Source(string source, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return source == Domain.Kpis.IndicatorPanel.SyntheticSource ? lang.T("合成数据（演示用，非官方统计）", "synthetic (demonstration data, not official statistics)") : source;
    }

    /// <summary>The job a run came from, in the reader's language (the run history keeps the id).</summary>
    public static string Job(string? job, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return job switch
        {
            "inbox" => lang.T("收件箱导入", "Inbox import"),
            "synthetic" => lang.T("合成数据源", "Synthetic feed"),
            "upload" => lang.T("上传", "Upload"),
            "cli" => lang.T("命令行", "Command line"),
            null or "" => "—",
            _ => job,
        };
    }

    /// <summary>The kind of a policy event in the reader's language (the file and the API keep the id).</summary>
    public static string EventKind(Domain.Events.PolicyEventKind kind, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return kind switch
        {
            Domain.Events.PolicyEventKind.Announcement => lang.T("宣示", "Announcement"),
            Domain.Events.PolicyEventKind.Plan => lang.T("规划方案", "Plan"),
            _ => lang.T("核算与管控规则", "Counting or control rule"),
        };
    }

    /// <summary>
    /// English text that quotes the plan's own Chinese terms (左右, 二级, 考核): each Chinese run is marked
    /// <c>lang="zh-CN"</c>, so readers and screen readers know it is a quoted term, not untranslated text.
    /// Chinese text is returned encoded and unchanged.
    /// </summary>
    public static Microsoft.AspNetCore.Components.MarkupString Glossed(string text, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lang);
        var encoded = Encoder.Encode(text);
        return new(lang.English ? ChineseRun().Replace(encoded, "<span lang=\"zh-CN\">$0</span>") : encoded);
    }

    /// <summary>A section number of the plan ("三(二)") in the page's language: Arabic numerals in English ("3(2)").</summary>
    public static string PlanSection(string section, UiLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(lang);
        return lang.English ? ChineseNumeral().Replace(section, m => ChineseNumber(m.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)) : section;
    }

    // 一 … 九十九: the plan's sections and items never go beyond that.
    private static int ChineseNumber(string numeral)
    {
        const string digits = "零一二三四五六七八九";
        var ten = numeral.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return digits.IndexOf(numeral[0], StringComparison.Ordinal);
        }

        var tens = ten == 0 ? 1 : digits.IndexOf(numeral[0], StringComparison.Ordinal);
        var ones = ten == numeral.Length - 1 ? 0 : digits.IndexOf(numeral[^1], StringComparison.Ordinal);
        return tens * 10 + ones;
    }

    // As the pages' own encoder (WebExtensions): characters stay characters, only markup is escaped.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    [System.Text.RegularExpressions.GeneratedRegex("[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]")]
    private static partial System.Text.RegularExpressions.Regex ChineseNumeral();

    [System.Text.RegularExpressions.GeneratedRegex(@"[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]+(?:[\d.%]+[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]+)*")]
    private static partial System.Text.RegularExpressions.Regex ChineseRun();
}
