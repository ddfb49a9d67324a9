namespace PeakMonitor.Domain.Ports;

/// <summary>
/// The store failed (unreachable, refused, broke off). Callers retry whole operations on it: writes
/// are idempotent, so writing again after a partial failure leaves the store equal to the input.
/// </summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);
