using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;

namespace PeakMonitor.Web.Security;

/// <summary>
/// Who may do what. Every page and API route needs a signed-in user unless it says otherwise
/// (<c>[AllowAnonymous]</c>: the sign-in page, the language switch, the health probe). Pages and forms
/// sign in with Identity's cookie; the API also takes per-user read-only tokens. Roles: viewer reads;
/// analyst also explores, exports and generates reports; admin also uploads, runs jobs and manages users.
/// </summary>
internal static class SecurityExtensions
{
    public const string AnalystPolicy = "analyst";
    public const string AdminPolicy = "admin";
    private const string SelectorScheme = "PeakMonitor";

    public static IHostApplicationBuilder AddWebSecurity(this IHostApplicationBuilder builder)
    {
        builder.AddAccounts(identity => identity.AddSignInManager().AddClaimsPrincipalFactory<PeakClaimsFactory>());
        var services = builder.Services;
        services.AddHttpContextAccessor();

        // Cookies and antiforgery tokens must stay valid across restarts and across instances behind a
        // load balancer: the key ring lives in the accounts database (the instances on one PostgreSQL
        // database read the same keys), not in memory or in a folder of one machine.
        services.AddDataProtection().SetApplicationName("PeakMonitor").PersistKeysToDbContext<AccountsDbContext>();

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.HasBearer(context) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountsOptions>>((o, accounts) =>
        {
            o.Cookie.Name = "PeakMonitor.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = accounts.Value.SessionLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.Events.OnRedirectToLogin = context => Refuse(context.HttpContext, StatusCodes.Status401Unauthorized, context.RedirectUri);
            o.Events.OnRedirectToAccessDenied = context => Refuse(context.HttpContext, StatusCodes.Status403Forbidden, null);
            SignedOutSessions.RefuseRetiredCookies(o);
        });
        services.AddSingleton<SignedOutSessions>();
        services.AddSingleton<DummyPasswordCheck>();
        // A role change or a deleted user ends existing sign-ins within a minute, not at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AnalystPolicy, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddPeakMonitorRateLimits();
        return builder;
    }

    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        app.UseRateLimiter(RateLimits.BeforeAuthentication(limits));
        app.UseAuthentication();
        app.UseRateLimiter(RateLimits.AfterAuthentication(limits));
        app.UseAuthorization();
        app.Use(RequirePasswordChange);
        app.Use(AuthorizeFormPosts);
        return app;
    }

    /// <summary>
    /// Pages answer 302 to the sign-in page (or a 403 page); the API, scripts and token users get a bare
    /// 401/403 — a redirect to an HTML form is no answer for them.
    /// </summary>
    private static async Task Refuse(HttpContext context, int status, string? loginUri)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi") || context.Request.Path.StartsWithSegments("/explore/export.csv") || context.Request.Path.StartsWithSegments("/explore/export.xlsx");
        if (status == StatusCodes.Status401Unauthorized && loginUri is not null && !isApi && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.Redirect(loginUri);
            return;
        }

        context.Response.StatusCode = status;
        if (isApi)
        {
            await Results.Problem(status == 401 ? "Sign in, or send a read-only API token as 'Authorization: Bearer …'." : "Your role does not allow this.", statusCode: status).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var (zh, en) = status == 401 ? ("请先登录。", "Please sign in.") : ("您的角色无权执行此操作。", "Your role does not allow this.");
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{status} · 碳达峰监测平台</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>" +
            $"<body><main class=\"content\"><h1 id=\"refused\">{status} {WebUtility.HtmlEncode(zh)} <span class=\"en\">{WebUtility.HtmlEncode(en)}</span></h1>" +
            "<p><a href=\"/\">返回总览 Back to the overview</a> · <a href=\"/login\">登录 Sign in</a></p></main></body></html>");
    }

    /// <summary>Until the one-time password is changed, the account page (and signing out, or in as someone else) is all there is.</summary>
    private static Task RequirePasswordChange(HttpContext context, RequestDelegate next)
    {
        if (context.User.HasClaim(PeakClaimsFactory.MustChangePasswordClaim, "1")
            && !context.Request.Path.StartsWithSegments("/account")
            && !context.Request.Path.StartsWithSegments("/login")
            && !context.Request.Path.StartsWithSegments("/lang"))
        {
            if (HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.Redirect("/account?first=1");
                return Task.CompletedTask;
            }

            return Refuse(context, StatusCodes.Status403Forbidden, null);
        }

        return next(context);
    }

    /// <summary>
    /// Form posts to pages: allowed only to the roles the page names in <see cref="FormsAuthorizeAttribute"/>,
    /// and to admins when it names none. Authorization for the page view itself ran before.
    /// </summary>
    private static async Task AuthorizeFormPosts(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
        {
            await next(context);
            return;
        }

        var rule = endpoint.Metadata.GetMetadata<FormsAuthorizeAttribute>();
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var allowed = rule switch
        {
            { Anonymous: true } => true,
            { AnySignedIn: true } => signedIn,
            { Roles.Length: > 0 } => rule.Roles.Split(',').Any(user.IsInRole),
            _ => user.IsInRole(Roles.Admin),
        };
        if (allowed)
        {
            await next(context);
        }
        else if (signedIn)
        {
            await context.ForbidAsync();
        }
        else
        {
            await context.ChallengeAsync();
        }
    }
}
