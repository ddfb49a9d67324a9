using Microsoft.AspNetCore.Identity;

namespace PeakMonitor.Accounts;

/// <summary>
/// What Identity's length and character rules let through but an attacker tries first (NIST SP 800-63B
/// §5.1.1.2: compare against commonly used passwords): a common password, also with digits or symbols
/// added around it or letters swapped for look-alike digits (Password1234, P@ssw0rd!), and any password
/// containing the user name. The list ships with the app (<c>Resources/common-passwords.txt</c>).
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<PeakUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PeakUser> manager, PeakUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = "密码不得包含用户名。Passwords must not contain the user name." });
        }

        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "该密码过于常见（或只是在常见密码前后加了数字或符号），请另选一个。This password is one of the most commonly used ones (or one of them with digits or symbols added); choose another." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>Whether the password is on the list as it is, without what was added around it, or with look-alike digits read as letters.</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        foreach (var candidate in new[] { lower, Unleet(lower) })
        {
            var core = candidate.Trim("0123456789!@#$%^&*()-_=+.,;:?/\\|~`'\" ".ToCharArray());
            if (Common.Value.Contains(candidate) || (core.Length >= 4 && Common.Value.Contains(core)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Unleet(string text) => string.Concat(text.Select(c => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => c,
    }));

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicyValidator).Assembly.GetManifestResourceStream("PeakMonitor.Accounts.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in PeakMonitor.Accounts.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
