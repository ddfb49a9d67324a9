using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PeakMonitor.Accounts;
using PeakMonitor.Web.Security;
using PeakMonitor.Web.Tests.Shared;

namespace PeakMonitor.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps, found at run time (so a new endpoint is covered without editing this
/// file): anonymous requests are refused everywhere except the few public routes named here, and
/// viewers are refused on every state-changing endpoint except the self-service ones named here.
/// </summary>
public sealed class EndpointAuthorizationTests(SeededInflux seeded) : IClassFixture<SeededInflux>
{
    /// <summary>Routes anyone may use without signing in. Adding one is a decision: this list must change with it.</summary>
    private static readonly string[] PublicRoutes = ["/login", "/healthz", "/lang/{code}", "/error", "/not-found"];

    /// <summary>State-changing endpoints every signed-in user may use, on their own account only.</summary>
    private static readonly string[] SelfServiceRoutes = ["/login", "/account", "/account/logout"];

    private static readonly string[] ReadMethods = ["GET", "HEAD"];

    /// <summary>
    /// Blazor's circuit hub (negotiate, connect, disconnect, initializers), open to every signed-in user for
    /// the interactive pages (/scenarios): it changes nothing stored, and each component it runs checks its
    /// own authorization. Anonymous requests to it are refused like everywhere else.
    /// </summary>
    private static bool IsCircuitHub(Target target) => target.Route.StartsWith("/_blazor", StringComparison.Ordinal);

    private sealed record Target(string Route, string Method, string Path, bool Public, bool SelfService, bool AdminOnly);

    private static List<Target> Enumerate(IServiceProvider services)
    {
        var targets = new List<Target>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var forms = endpoint.Metadata.GetMetadata<FormsAuthorizeAttribute>();
            var selfService = forms is { AnySignedIn: true } or { Anonymous: true };
            var adminOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == SecurityExtensions.AdminPolicy || a.Roles == Roles.Admin);
            // A page's forms are admin-only unless the page says otherwise; viewing it is another matter.
            var adminOnlyForms = (forms is null || forms.Roles == Roles.Admin) && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;
            foreach (var method in methods)
            {
                targets.Add(new Target(route, method, Sample(endpoint.RoutePattern), isPublic, selfService, adminOnly || (adminOnlyForms && !ReadMethods.Contains(method))));
            }
        }

        Assert.True(targets.Count >= 30, $"the app maps its endpoints ({targets.Count} found)");
        return targets;
    }

    /// <summary>A concrete path for a route pattern: every parameter filled with a plausible value.</summary>
    private static string Sample(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var path = "/" + (pattern.RawText ?? string.Empty).TrimStart('/');
        foreach (var parameter in pattern.Parameters)
        {
            var value = parameter.Name switch
            {
                "code" => "44",
                "documentName" => "v1",
                "name" => "peakmonitor-assessment-2024-CN-zh.pdf",
                _ => "0123456789abcdef",
            };
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{\\*?\\*?" + parameter.Name + "[^}]*\\}", value);
        }

        return path;
    }

    private static HttpRequestMessage Request(Target target, string? antiforgeryToken) =>
        new(new HttpMethod(target.Method), new Uri(target.Path, UriKind.Relative))
        {
            Content = ReadMethods.Contains(target.Method) ? null : new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = antiforgeryToken ?? string.Empty,
                ["_handler"] = "upload",
                ["year"] = "2024",
                ["scope"] = "CN",
                ["Job"] = "inbox",
            }),
        };

    [Fact]
    public async Task Endpoints_Anonymous_RefusedExceptThePublicRoutes()
    {
        await using var factory = seeded.Factory();
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var targets = Enumerate(factory.Services);

        Assert.Equal(PublicRoutes.Order(), targets.Where(t => t.Public).Select(t => t.Route).Distinct().Order());
        foreach (var target in targets.Where(t => !t.Public && !(t.SelfService && t.Route == "/login")))
        {
            using var request = Request(target, antiforgeryToken: null);
            using var response = await http.SendAsync(request);

            var refused = response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/login", StringComparison.Ordinal) == true)
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/login");
            Assert.True(refused, $"anonymous {target.Method} {target.Path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task StateChangingEndpoints_ViewerWithValidToken_RefusedExceptSelfService()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Roles.Viewer);
        var token = PeakMonitorWebFactory.AntiforgeryToken(await http.GetStringAsync(new Uri("/account", UriKind.Relative)));
        var changing = Enumerate(factory.Services).Where(t => !ReadMethods.Contains(t.Method)).ToList();

        Assert.Equal(SelfServiceRoutes.Order(), changing.Where(t => t.SelfService).Select(t => t.Route).Distinct().Order());
        Assert.Contains(changing, t => t.Route == "/api/imports");
        Assert.Contains(changing, t => t.Route == "/api/reports");
        await AssertAllForbiddenAsync(http, token, changing.Where(t => !t.SelfService && !t.Public && !IsCircuitHub(t)), "viewer");
    }

    /// <summary>Each request sent with a valid antiforgery token, so that only the role check can refuse it.</summary>
    private static async Task AssertAllForbiddenAsync(HttpClient http, string token, IEnumerable<Target> targets, string who)
    {
        foreach (var target in targets)
        {
            using var request = Request(target, token);
            using var response = await http.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{who} {target.Method} {target.Path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task AdminOnlyEndpoints_Analyst_Refused()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Roles.Analyst);
        var token = PeakMonitorWebFactory.AntiforgeryToken(await http.GetStringAsync(new Uri("/account", UriKind.Relative)));
        var adminOnly = Enumerate(factory.Services).Where(t => t.AdminOnly && !t.Public && !t.SelfService).ToList();

        Assert.Contains(adminOnly, t => t.Route == "/admin/users");
        Assert.Contains(adminOnly, t => t.Route == "/api/imports" && t.Method == "POST");
        Assert.Contains(adminOnly, t => t.Route == "/data" && t.Method == "POST");
        await AssertAllForbiddenAsync(http, token, adminOnly, "analyst");
    }

    [Fact]
    public async Task SelfServiceEndpoints_WithoutAntiforgeryToken_400()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Roles.Viewer);

        foreach (var path in SelfServiceRoutes)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = path == "/login" ? "login" : "create-token", ["TokenName"] = "forged" });
            using var response = await http.PostAsync(new Uri(path, UriKind.Relative), form);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without token: {(int)response.StatusCode}");
        }

        var html = await http.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.DoesNotContain("forged", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/explore")]
    [InlineData("/explore/export.csv?ind=cap_wind&region=CN")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/api/imports/0123456789abcdef")]
    public async Task RestrictedReads_Viewer_403(string path)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Roles.Viewer);

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/", Roles.Viewer)]
    [InlineData("/provinces/44", Roles.Viewer)]
    [InlineData("/reports", Roles.Viewer)]
    [InlineData("/data", Roles.Viewer)]
    [InlineData("/api/kpis?region=CN", Roles.Viewer)]
    [InlineData("/explore?ind=cap_wind&region=CN", Roles.Analyst)]
    [InlineData("/explore/export.csv?ind=cap_wind&region=CN", Roles.Analyst)]
    [InlineData("/admin/audit", Roles.Admin)]
    public async Task Reads_AllowedRole_200(string path, string role)
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(role);

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Pages_Viewer_NoFormsItMayNotUse()
    {
        await using var factory = seeded.Factory();
        using var http = await factory.CreateSignedInClientAsync(Roles.Viewer);

        var data = await http.GetStringAsync(new Uri("/data", UriKind.Relative));
        var reports = await http.GetStringAsync(new Uri("/reports", UriKind.Relative));
        var overview = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("id=\"upload-form\"", data, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"job-form\"", data, StringComparison.Ordinal);
        Assert.Contains("id=\"upload-restricted\"", data, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-form\"", reports, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/explore\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/users\"", overview, StringComparison.Ordinal);
        Assert.Contains("id=\"logout-form\"", overview, StringComparison.Ordinal);
    }
}
