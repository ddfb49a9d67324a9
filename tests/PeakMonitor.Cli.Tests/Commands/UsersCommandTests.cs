using System.Text.RegularExpressions;
using PeakMonitor.TestKit;

namespace PeakMonitor.Cli.Tests.Commands;

/// <summary><c>peakmonitor users …</c> and <c>tokens …</c> against a real accounts file (configured through the environment, as run.sh does).</summary>
[Collection(CliCollection.Name)]
public sealed partial class UsersCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public UsersCommandTests() => Environment.SetEnvironmentVariable("Accounts__DatabasePath", Path.Combine(_dir.Path, "accounts.db"));

    [GeneratedRegex("^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Accounts__DatabasePath", null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task UsersAdd_IfNoAdmin_CreatesOnceAndPrintsTheOneTimePasswordOnce()
    {
        var first = await Cli.RunAsync("users", "add", "admin", "--role", "admin", "--if-no-admin");
        var second = await Cli.RunAsync("users", "add", "admin", "--role", "admin", "--if-no-admin");
        var list = await Cli.RunAsync("users", "list");

        Assert.True(first.Exit == 0, first.Err);
        Assert.Contains("User 'admin' (admin) created", first.Out, StringComparison.Ordinal);
        Assert.Single(PasswordLine().Matches(first.Out));
        Assert.Equal(0, second.Exit);
        Assert.Contains("An admin exists already", second.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(PasswordLine(), second.Out);
        Assert.Matches("admin +admin +0 +0  must change password", list.Out);
    }

    [Theory]
    [InlineData("users", "add", "bob", "--role", "root")]
    [InlineData("users", "add", "bad name")]
    [InlineData("users", "set-role", "nobody", "viewer")]
    [InlineData("users", "delete", "nobody")]
    [InlineData("tokens", "create", "nobody", "script")]
    public async Task Users_BadInput_NonZeroExitWithReason(params string[] args)
    {
        var (exit, _, err) = await Cli.RunAsync(args);

        Assert.NotEqual(0, exit);
        Assert.False(string.IsNullOrWhiteSpace(err));
    }

    [Fact]
    public async Task Users_LastAdmin_CannotBeDeletedOrDemoted()
    {
        await Cli.RunAsync("users", "add", "root", "--role", "admin");

        var delete = await Cli.RunAsync("users", "delete", "root");
        var demote = await Cli.RunAsync("users", "set-role", "root", "viewer");

        Assert.Equal(2, delete.Exit);
        Assert.Contains("only admin", delete.Err, StringComparison.Ordinal);
        Assert.Equal(2, demote.Exit);
        Assert.Matches("root +admin ", (await Cli.RunAsync("users", "list")).Out);
    }

    [Fact]
    public async Task Tokens_CreateListRevoke_SecretShownOnceNeverListed()
    {
        await Cli.RunAsync("users", "add", "reader", "--role", "viewer");

        var created = await Cli.RunAsync("tokens", "create", "reader", "nightly export");
        var secret = Regex.Match(created.Out, "pmt_[A-Za-z0-9_-]{32}").Value;
        var listed = await Cli.RunAsync("tokens", "list", "reader");
        var revoked = await Cli.RunAsync("tokens", "revoke", "reader", "1");
        var after = await Cli.RunAsync("tokens", "list", "reader");

        Assert.True(created.Exit == 0, created.Err);
        Assert.Equal(36, secret.Length);
        Assert.DoesNotContain(secret, listed.Out, StringComparison.Ordinal);
        Assert.Contains(secret[..8] + "…", listed.Out, StringComparison.Ordinal);
        Assert.Contains("active   nightly export", listed.Out, StringComparison.Ordinal);
        Assert.Equal(0, revoked.Exit);
        Assert.Contains("revoked  nightly export", after.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersResetPassword_PrintsANewOneTimePassword()
    {
        var added = await Cli.RunAsync("users", "add", "li", "--role", "analyst");
        var reset = await Cli.RunAsync("users", "reset-password", "li");

        Assert.Equal(0, reset.Exit);
        var before = PasswordLine().Match(added.Out).Value;
        var after = PasswordLine().Match(reset.Out).Value;
        Assert.NotEqual(before, after);
        Assert.Matches(PasswordLine(), after);
    }
}
