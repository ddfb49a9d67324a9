using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PeakMonitor.Accounts;
using PeakMonitor.Web.Security;

namespace PeakMonitor.Web;

/// <summary>
/// Signing out: a POST with the form's antiforgery token (a link would let any page sign a user out). It
/// renews the user's security stamp, so a saved copy of the cookie stops working: at once on this
/// instance, within the stamp check interval elsewhere.
/// </summary>
internal static class AccountEndpoints
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<PeakUser> signIn, SignedOutSessions sessions) =>
            {
                if (await context.RejectForgedFormAsync() is { } forged)
                {
                    return forged;
                }

                await context.AuditAsync(AuditActions.SignOut, context.Actor(), "ok");
                if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
                {
                    sessions.Retire(user.Id, context.User.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType));
                    await signIn.UserManager.UpdateSecurityStampAsync(user);
                }

                await signIn.SignOutAsync();
                return Results.LocalRedirect("/login");
            })
            .DisableAntiforgery() // validated explicitly, with a readable 400
            .WithMetadata(new FormsAuthorizeAttribute { AnySignedIn = true })
            .ExcludeFromDescription();
        return app;
    }
}
