using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Accounts;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Security;

/// <summary>The sign-in form, lockout, the one-time password, signing out — and what the audit log says about each.</summary>
public sealed class SignInTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    /// <summary>The one message for an unknown user, a wrong password and a locked account.</summary>
    private const string WrongOrLocked = "用户名或密码不正确，或账户因多次登录失败已暂时锁定。";

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(PeakMonitorWebFactory factory, string action) =>
        await factory.Services.GetRequiredService<AuditLog>().ListAsync(action, null, null, 100, CancellationToken.None);

    /// <summary>Where a redirect goes, asserting that it stays on this site.</summary>
    private static string Local(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        Assert.NotNull(location);
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient http, string current, string next) =>
        PeakMonitorWebFactory.SubmitFormAsync(http, "/account", "password", new Dictionary<string, string>
        {
            ["Password.Current"] = current,
            ["Password.New"] = next,
            ["Password.Confirm"] = next,
        });

    [Fact]
    public async Task Get_Page_Anonymous_RedirectedToSignInWithReturnUrl()
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri("/provinces/44", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fprovinces%2F44", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_LandsOnReturnUrlAndAudited()
    {
        await using var factory = seeded.Factory();
        var (name, password) = await factory.AddUserAsync(Roles.Viewer);
        using var http = factory.CreateClient();

        using var response = await PeakMonitorWebFactory.SignInAsync(http, name, password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/account", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($">{name}</a>", html, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(factory, AuditActions.SignIn));
        Assert.Equal((name, name, "ok"), (entry.Actor, entry.Target, entry.Result));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_WrongPasswordOrUnknownUser_SameMessage401AndAudited(bool knownUser)
    {
        await using var factory = seeded.Factory();
        var (name, _) = await factory.AddUserAsync(Roles.Viewer);
        var tried = knownUser ? name : "nobody";
        using var http = factory.CreateClient();

        using var response = await PeakMonitorWebFactory.SignInAsync(http, tried, "Wrong-password-123");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(WrongOrLocked, html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"logout-form\"", html, StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(factory, AuditActions.SignIn));
        Assert.Equal(("anonymous", tried), (entry.Actor, entry.Target));
        Assert.Equal(knownUser ? "failed: wrong password" : "failed: unknown user", entry.Result);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockedOutEvenWithTheRightPassword()
    {
        await using var factory = seeded.Factory();
        var (name, password) = await factory.AddUserAsync(Roles.Admin);
        using var http = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            (await PeakMonitorWebFactory.SignInAsync(http, name, "Wrong-password-" + i)).Dispose();
        }

        using var response = await PeakMonitorWebFactory.SignInAsync(http, name, password);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(WrongOrLocked, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var entries = await AuditAsync(factory, AuditActions.SignIn);
        Assert.Equal("refused: locked out", entries[0].Result);
        Assert.Equal("failed: wrong password; account now locked", entries[1].Result);
        Assert.Equal(4, entries.Count(e => e.Result == "failed: wrong password"));
        var summary = (await factory.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(CancellationToken.None)).Single(u => u.Name == name);
        Assert.NotNull(summary.LockedUntil);
    }

    [Fact]
    public async Task SignIn_OneTimePassword_MustBeChangedBeforeAnythingElse()
    {
        await using var factory = seeded.Factory();
        var (name, oneTime) = await factory.AddUserAsync(Roles.Analyst, mustChangePassword: true);
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await PeakMonitorWebFactory.SignInAsync(http, name, oneTime, returnUrl: "/provinces");
        Assert.Equal("/account?first=1", Local(signIn));

        using var page = await http.GetAsync(new Uri("/provinces", UriKind.Relative));
        using var api = await http.GetAsync(new Uri("/api/kpis", UriKind.Relative));
        var account = await http.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal("/account?first=1", Local(page));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("id=\"must-change\"", account, StringComparison.Ordinal);

        const string mine = "My-own-Passw0rd-2026";
        using var change = await ChangePasswordAsync(http, oneTime, mine);
        // The first password set: on to the Overview, not back to the account page.
        Assert.Equal(HttpStatusCode.Found, change.StatusCode);
        Assert.Equal("/", Local(change));

        using var after = await http.GetAsync(new Uri("/provinces", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var fresh = factory.CreateClient();
        using var again = await PeakMonitorWebFactory.SignInAsync(fresh, name, mine);
        Assert.Equal("/account", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(await AuditAsync(factory, AuditActions.PasswordChange), e => e.Actor == name && e.Result == "ok");
    }

    [Fact]
    public async Task ChangePassword_TooShort_RefusedWithIdentitysReason()
    {
        await using var factory = seeded.Factory();
        var (name, password) = await factory.AddUserAsync(Roles.Viewer);
        using var http = factory.CreateClient();
        (await PeakMonitorWebFactory.SignInAsync(http, name, password)).Dispose();

        using var change = await ChangePasswordAsync(http, password, "Short1a");

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("密码至少需要 12 个字符", await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSessionAndAudited()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Roles.Viewer);
        var page = await http.GetStringAsync(new Uri("/account", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PeakMonitorWebFactory.AntiforgeryToken(page) });

        using var response = await http.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

        Assert.Equal("/login", response.RequestMessage!.RequestUri!.AbsolutePath);
        using var after = await http.GetAsync(new Uri("/api/kpis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Single(await AuditAsync(factory, AuditActions.SignOut));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_ForeignReturnUrl_LandsOnOverviewInstead(string returnUrl)
    {
        await using var factory = seeded.Factory();
        var (name, password) = await factory.AddUserAsync(Roles.Viewer);
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await PeakMonitorWebFactory.SignInAsync(http, name, password, returnUrl);

        Assert.Equal("/", Local(response));
    }

    [Fact]
    public async Task SignIn_LockedAccountUnknownUserAndWrongPassword_OneAnswer()
    {
        await using var factory = seeded.Factory(new Dictionary<string, string?> { ["Accounts:MaxFailedSignIns"] = "1" });
        var (locked, _) = await factory.AddUserAsync(Roles.Viewer);
        var (other, _) = await factory.AddUserAsync(Roles.Viewer);
        using var http = factory.CreateClient();
        (await PeakMonitorWebFactory.SignInAsync(http, locked, "Wrong-password-1")).Dispose();

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (name, password) in new[] { (locked, "Wrong-password-2"), ("nobody-at-all", "Wrong-password-2"), (other, "Wrong-password-2") })
        {
            using var response = await PeakMonitorWebFactory.SignInAsync(http, name, password);
            var html = await response.Content.ReadAsStringAsync();
            answers.Add((response.StatusCode, html[html.IndexOf("id=\"login-error\"", StringComparison.Ordinal)..].Split("</p>")[0]));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Item1);
        var results = (await AuditAsync(factory, AuditActions.SignIn)).Take(3).Select(e => e.Result).Reverse();
        Assert.Equal(["refused: locked out", "failed: unknown user", "failed: wrong password; account now locked"], results);
    }

    [Fact]
    public async Task SignOut_SavedCookieReplayedAfterwards_Refused()
    {
        await using var factory = seeded.Factory();
        var (name, password) = await factory.AddUserAsync(Roles.Viewer);
        var jar = new System.Net.CookieContainer();
        using var http = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieHandler(jar));
        (await PeakMonitorWebFactory.SignInAsync(http, name, password)).Dispose();
        var saved = jar.GetCookieHeader(new Uri("http://localhost/"));
        Assert.Contains("PeakMonitor.Auth=", saved, StringComparison.Ordinal);
        var page = await http.GetStringAsync(new Uri("/account", UriKind.Relative));
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PeakMonitorWebFactory.AntiforgeryToken(page) }))
        {
            (await http.PostAsync(new Uri("/account/logout", UriKind.Relative), form)).Dispose();
        }

        using var replay = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/kpis?region=CN", UriKind.Relative));
        request.Headers.Add("Cookie", saved);
        using var response = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var again = await PeakMonitorWebFactory.SignInAsync(factory.CreateClient(), name, password);
        Assert.Equal("/account", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("Password1234", "该密码过于常见")]
    [InlineData("P@ssw0rd-2026", "该密码过于常见")]
    [InlineData("Qwertyuiop12", "该密码过于常见")]
    [InlineData("Woaini1314520", "该密码过于常见")]
    [InlineData("{name}-Secret-77", "密码不得包含用户名")]
    public async Task ChangePassword_CommonOrContainingTheUserName_Refused(string next, string reason)
    {
        await using var factory = seeded.Factory();
        var (name, password) = await factory.AddUserAsync(Roles.Viewer);
        using var http = factory.CreateClient();
        (await PeakMonitorWebFactory.SignInAsync(http, name, password)).Dispose();

        using var change = await ChangePasswordAsync(http, password, next.Replace("{name}", name.ToUpperInvariant(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains(reason, await change.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Keeps cookies in a container the test can read (the factory's own cookie handling hides them).</summary>
    private sealed class CookieHandler(System.Net.CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = jar.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    jar.SetCookies(request.RequestUri!, cookie);
                }
            }

            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location)
            {
                response.Dispose();
                return await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location)), cancellationToken);
            }

            return response;
        }
    }
}
