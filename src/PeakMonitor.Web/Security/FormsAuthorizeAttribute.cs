namespace PeakMonitor.Web.Security;

/// <summary>
/// Who may submit a page's forms (POST to a Razor component page). Without this attribute only
/// admins may: a page that gains a form is closed until someone decides who may use it. Page
/// views are governed separately, by <c>[Authorize]</c> and the sign-in-by-default policy.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FormsAuthorizeAttribute : Attribute
{
    /// <summary>Comma-separated roles that may submit; empty with <see cref="AnySignedIn"/> or <see cref="Anonymous"/>.</summary>
    public string Roles { get; init; } = string.Empty;

    /// <summary>Self-service forms (own password, own tokens): any signed-in user, acting on their own account only.</summary>
    public bool AnySignedIn { get; init; }

    /// <summary>The sign-in form itself.</summary>
    public bool Anonymous { get; init; }
}
