namespace PeakMonitor.Accounts;

/// <summary>One line of the audit log: who did what, when, and with which result.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The user name, <c>anonymous</c> for a failed sign-in's attempt (the name tried is in <see cref="Target"/>), or <c>cli:&lt;os user&gt;</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: a user name, a file name, a job, a report scope.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary><c>ok</c>, <c>failed: …</c>, <c>refused: …</c>, or <c>started</c> for work that finishes later.</summary>
    public required string Result { get; set; }

    public string? RemoteAddress { get; set; }
}

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string PasswordChange = "password-change";
    public const string Upload = "upload";
    public const string JobStart = "job-start";
    public const string ReportGenerate = "report-generate";
    public const string UserAdd = "user-add";
    public const string UserRole = "user-role";
    public const string UserPasswordReset = "user-password-reset";
    public const string UserUnlock = "user-unlock";
    public const string UserDelete = "user-delete";
    public const string TokenCreate = "token-create";
    public const string TokenRevoke = "token-revoke";
    public const string EventAdd = "event-add";
    public const string EventDelete = "event-delete";

    public static IReadOnlyList<string> All { get; } =
        [SignIn, SignOut, PasswordChange, Upload, JobStart, ReportGenerate, UserAdd, UserRole, UserPasswordReset, UserUnlock, UserDelete, TokenCreate, TokenRevoke, EventAdd, EventDelete];
}
