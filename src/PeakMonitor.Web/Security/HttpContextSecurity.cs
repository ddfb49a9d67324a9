using Microsoft.AspNetCore.Antiforgery;
using PeakMonitor.Accounts;

namespace PeakMonitor.Web.Security;

internal static class HttpContextSecurity
{
    /// <summary>The signed-in user's name for the audit log.</summary>
    public static string Actor(this HttpContext context) => context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "unknown" : "anonymous";

    /// <summary>An audit entry for this request, by its signed-in user.</summary>
    public static Task AuditAsync(this HttpContext context, string action, string target, string result) =>
        context.AuditAsync(context.Actor(), action, target, result);

    /// <summary>An audit entry for this request by <paramref name="actor"/> (a sign-in names the user before the request carries it).</summary>
    public static Task AuditAsync(this HttpContext context, string actor, string action, string target, string result) =>
        context.RequestServices.GetRequiredService<AuditLog>().WriteAsync(actor, action, target, result, context.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);

    /// <summary>
    /// Validates the antiforgery token of a form posted to an endpoint that reads its own form (large
    /// uploads are read after this check, not before); null when valid, else a 400 problem.
    /// </summary>
    public static async Task<IResult?> RejectForgedFormAsync(this HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem("The form's antiforgery token is missing or invalid: reload the page.", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException ex)
        {
            // Reading the form failed, e.g. a body without a declared length that runs past the limit (413).
            return Results.Problem(ex.Message, statusCode: ex.StatusCode);
        }
    }

    /// <summary>A local path to go back to (never another site: "//host" and "/\host" are refused), or "/".</summary>
    public static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(char.IsControl) ? url : "/";
}
