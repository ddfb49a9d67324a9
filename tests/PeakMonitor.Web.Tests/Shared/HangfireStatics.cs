using System.Runtime.CompilerServices;

namespace PeakMonitor.Web.Tests.Shared;

/// <summary>
/// Many app hosts live and die in this one test process, and Hangfire's log provider is process-wide: it
/// points at the logger factory of the host that configured Hangfire last. Hangfire.Storage.SQLite's
/// distributed lock takes its logger in a static initializer, so if its first use comes after that host
/// was disposed the initializer throws and the type is broken for every later test (TypeInitializationException,
/// ObjectDisposedException 'LoggerFactory'). Running the initializer before any host exists avoids that; a
/// server runs one host, where this cannot happen.
/// </summary>
internal static class HangfireStatics
{
#pragma warning disable CA2255 // A test assembly's process-wide set-up; there is no other hook before xunit's first test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void InitializeBeforeAnyHost() =>
        RuntimeHelpers.RunClassConstructor(Type.GetType("Hangfire.Storage.SQLite.SQLiteDistributedLock, Hangfire.Storage.SQLite", throwOnError: true)!.TypeHandle);
}
