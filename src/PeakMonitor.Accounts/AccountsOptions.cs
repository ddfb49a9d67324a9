using System.ComponentModel.DataAnnotations;

namespace PeakMonitor.Accounts;

/// <summary>Section <c>Accounts</c>: where users, tokens and the audit log live, and the sign-in rules.</summary>
public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>The SQLite file (created with its folder on first start); unused when <c>ConnectionStrings:Accounts</c> names a PostgreSQL server.</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/accounts.db";

    /// <summary>
    /// Where the keys that protect sign-in cookies and forms were kept before they moved into the accounts
    /// database: read once, at the first start of this version, so that earlier sign-ins stay valid.
    /// </summary>
    [Required]
    public string KeysDirectory { get; set; } = "data/keys";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>
    /// A failed sign-in is answered no sooner than this after it arrived: a wrong password costs a database
    /// write that an unknown user does not, and the difference would tell which user names exist.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan FailedSignInMinimumTime { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
