namespace PeakMonitor.Accounts;

/// <summary>
/// The three roles, each including the rights of the one before: a viewer reads; an analyst also
/// explores, exports and generates reports; an admin also uploads data, starts jobs and manages users.
/// A user has exactly one of them.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    /// <summary>Role names for <c>[Authorize(Roles = …)]</c>: who may explore, export and generate reports.</summary>
    public const string AnalystOrAdmin = Analyst + "," + Admin;

    public static IReadOnlyList<string> All { get; } = [Viewer, Analyst, Admin];

    public static bool IsRole(string? name) => name is Viewer or Analyst or Admin;
}
