using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Web.Security;

/// <summary>Section <c>RateLimits</c>: how much one user, one API token or one address may ask of the app.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>API reads (JSON API, OpenAPI, explorer exports, report downloads) in progress at once per user or token.</summary>
    public int ApiConcurrency { get; set; } = 4;

    /// <summary>API reads waiting for one of those places; beyond them a read is refused at once.</summary>
    public int ApiQueue { get; set; } = 4;

    /// <summary>API reads per minute per user or token (a bucket refilled every second).</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;

    /// <summary>Uploads and job runs (the upload API and the Data page's forms) per hour per user.</summary>
    public int UploadsPerHour { get; set; } = 60;

    /// <summary>Report generation requests per hour per user.</summary>
    public int ReportRequestsPerHour { get; set; } = 30;

    /// <summary>Report generations one user may have queued or running at once.</summary>
    public int MaxQueuedReportsPerUser { get; set; } = 3;

    /// <summary>Sign-in attempts per minute per client address (behind a proxy, forward the client's address).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
}

/// <summary>Reports every invalid rate-limit setting at once.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (setting, value, min) in new[]
        {
            (nameof(options.ApiConcurrency), options.ApiConcurrency, 1),
            (nameof(options.ApiQueue), options.ApiQueue, 0),
            (nameof(options.ApiRequestsPerMinute), options.ApiRequestsPerMinute, 1),
            (nameof(options.UploadsPerHour), options.UploadsPerHour, 1),
            (nameof(options.ReportRequestsPerHour), options.ReportRequestsPerHour, 1),
            (nameof(options.MaxQueuedReportsPerUser), options.MaxQueuedReportsPerUser, 1),
            (nameof(options.SignInAttemptsPerMinute), options.SignInAttemptsPerMinute, 1),
        })
        {
            if (value < min)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{RateLimitOptions.SectionName}:{setting} must be at least {min} (is {value})."));
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>
/// ASP.NET Core's rate limiting, partitioned by who asks: an API token by the hash of its secret, a
/// signed-in user by their id, the sign-in form by the client's address. API reads are limited in
/// concurrency (a heavy reader cannot take every thread) and in rate; uploads, report requests and
/// sign-in attempts in rate. A refused request gets 429 with <c>Retry-After</c>; pages and the health
/// probe are not limited. Token requests and sign-ins are limited before authentication, so that
/// refusing a flood costs a hash, not a database lookup per request; cookie users after it, by user.
/// </summary>
internal static class RateLimits
{
    private enum Kind
    {
        None,
        Api,
        Upload,
        Report,
        SignIn,
    }

    public static IServiceCollection AddPeakMonitorRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Token requests and sign-in attempts, before authentication.</summary>
    public static RateLimiterOptions BeforeAuthentication(RateLimitOptions l) => Options(
        PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context.Request) == Kind.Api && Token(context) is { } token
            ? RateLimitPartition.GetConcurrencyLimiter("api:" + token, _ => new ConcurrencyLimiterOptions { PermitLimit = l.ApiConcurrency, QueueLimit = l.ApiQueue })
            : RateLimitPartition.GetNoLimiter(string.Empty)),
        PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context.Request) switch
        {
            Kind.Api when Token(context) is { } token => Bucket("api:" + token, l.ApiRequestsPerMinute, TimeSpan.FromMinutes(1)),
            Kind.SignIn => Bucket("sign-in:" + Address(context), l.SignInAttemptsPerMinute, TimeSpan.FromMinutes(1)),
            _ => RateLimitPartition.GetNoLimiter(string.Empty),
        }));

    /// <summary>Signed-in users' API reads, uploads and report requests, after authentication (a request with a token was limited before).</summary>
    public static RateLimiterOptions AfterAuthentication(RateLimitOptions l) => Options(
        PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context.Request) == Kind.Api && Token(context) is null
            ? RateLimitPartition.GetConcurrencyLimiter("api:" + User(context), _ => new ConcurrencyLimiterOptions { PermitLimit = l.ApiConcurrency, QueueLimit = l.ApiQueue })
            : RateLimitPartition.GetNoLimiter(string.Empty)),
        PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context.Request) switch
        {
            Kind.Api when Token(context) is null => Bucket("api:" + User(context), l.ApiRequestsPerMinute, TimeSpan.FromMinutes(1)),
            Kind.Upload => Bucket("upload:" + User(context), l.UploadsPerHour, TimeSpan.FromHours(1)),
            Kind.Report => Bucket("report:" + User(context), l.ReportRequestsPerHour, TimeSpan.FromHours(1)),
            _ => RateLimitPartition.GetNoLimiter(string.Empty),
        }));

    /// <summary>Concurrency first: a read refused for concurrency does not also spend a token of the rate bucket.</summary>
    private static RateLimiterOptions Options(PartitionedRateLimiter<HttpContext> concurrency, PartitionedRateLimiter<HttpContext> rate) => new()
    {
        RejectionStatusCode = StatusCodes.Status429TooManyRequests,
        OnRejected = RejectAsync,
        GlobalLimiter = PartitionedRateLimiter.CreateChained(concurrency, rate),
    };

    /// <summary>
    /// A bucket of <paramref name="limit"/> requests per <paramref name="period"/>, refilled in small steps (so a
    /// refusal can say when to retry) and full to begin with (a burst of a whole period is allowed).
    /// </summary>
    private static RateLimitPartition<string> Bucket(string key, int limit, TimeSpan period)
    {
        // One token every period/limit; the partitioned limiter replenishes at most every 100 ms, so faster rates add several a step.
        var every = period / limit;
        var tokens = 1;
        if (every < TimeSpan.FromMilliseconds(100))
        {
            tokens = (int)Math.Ceiling(TimeSpan.FromMilliseconds(100) / every);
            every *= tokens;
        }

        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = every,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static Kind KindOf(HttpRequest request)
    {
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        if (post && path.Equals("/login", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.SignIn;
        }

        if (post && (path.StartsWithSegments("/api/imports") || path.Equals("/data", StringComparison.OrdinalIgnoreCase)))
        {
            return Kind.Upload;
        }

        if (post && path.StartsWithSegments("/api/reports"))
        {
            return Kind.Report;
        }

        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/reports/files") || path.StartsWithSegments("/explore/export.csv") || path.StartsWithSegments("/explore/export.xlsx"))
            ? Kind.Api
            : Kind.None;
    }

    /// <summary>
    /// A bearer token's identity: the SHA-256 of its secret (what the accounts store keeps), computed without a
    /// lookup. A forged token is refused by authentication after this, within its own budget.
    /// </summary>
    private static string? Token(HttpContext context) =>
        ApiTokenAuthenticationHandler.HasBearer(context)
            ? "token:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim())))
            : null;

    /// <summary>The signed-in user, else the address.</summary>
    private static string User(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "user:" + id : "address:" + Address(context);

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        // Not audited: a flood of refused requests must not become a flood of audit writes.
        var kind = KindOf(context.Request);
        if (kind is (Kind.SignIn or Kind.Upload) && !context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var (zh, en) = kind == Kind.SignIn ? ("登录尝试过于频繁", "Too many sign-in attempts") : ("操作过于频繁", "Too many requests");
            await context.Response.WriteAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>429 · 碳达峰监测平台</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><main class=\"content\"><h1 id=\"refused\">429 {WebUtility.HtmlEncode(zh)} <span class=\"en\">{WebUtility.HtmlEncode(en)}</span></h1><p>请 {seconds} 秒后再试。 <span class=\"en\">Try again in {seconds} s.</span></p></main></body></html>"),
                cancellationToken);
            return;
        }

        await Results.Problem(
            title: "Too many requests",
            detail: string.Create(CultureInfo.InvariantCulture, $"This {(kind == Kind.Api ? "user or API token has too many reads in progress or in the last minute" : "user has made too many of these requests")}; try again in {seconds} s."),
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}
