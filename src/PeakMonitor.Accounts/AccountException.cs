namespace PeakMonitor.Accounts;

/// <summary>An account operation that cannot be done, with a message for the person who asked.</summary>
public sealed class AccountException(string message) : Exception(message);
