using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PeakMonitor.Accounts;

namespace PeakMonitor.Web.Security;

/// <summary>
/// <c>Authorization: Bearer pmt_…</c>: a user's read-only API token. It authenticates only GET/HEAD
/// requests to the JSON API and its OpenAPI document, and always as a viewer, whatever its user's
/// role: a leaked token can read what a viewer reads, and change nothing.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenClaim = "pm:token";

    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static bool IsReadOnlyApiRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi"));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Context))
        {
            return AuthenticateResult.NoResult();
        }

        if (!IsReadOnlyApiRequest(Request))
        {
            return AuthenticateResult.Fail("API tokens are read-only: they work for GET requests to /api/… only.");
        }

        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (await tokens.VerifyAsync(secret, Context.RequestAborted) is not { } token)
        {
            return AuthenticateResult.Fail("The API token is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, token.UserId),
                new Claim(ClaimTypes.Name, token.UserName),
                new Claim(ClaimTypes.Role, Roles.Viewer),
                new Claim(TokenClaim, token.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"PeakMonitor API\"";
        return Task.CompletedTask;
    }
}
