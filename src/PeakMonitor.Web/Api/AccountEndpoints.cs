using Microsoft.AspNetCore.Identity;
using PeakMonitor.Accounts;
using PeakMonitor.Web.Security;

namespace PeakMonitor.Web;

/// <summary>Signing out: a POST with the form's antiforgery token (a link would let any page sign a user out).</summary>
internal static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<PeakUser> signIn) =>
            {
                if (await context.RejectForgedFormAsync() is { } forged)
                {
                    return forged;
                }

                await context.AuditAsync(AuditActions.SignOut, context.Actor(), "ok");
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/login");
            })
            .DisableAntiforgery() // validated explicitly, with a readable 400
            .WithMetadata(new FormsAuthorizeAttribute { AnySignedIn = true })
            .ExcludeFromDescription();
        return app;
    }
}
