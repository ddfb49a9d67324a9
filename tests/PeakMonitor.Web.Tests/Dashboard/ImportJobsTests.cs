using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using PeakMonitor.Ingestion.Csv;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.TestKit;
using PeakMonitor.Web.Dashboard;

namespace PeakMonitor.Web.Tests.Dashboard;

/// <summary>The upload's status as read from a real (SQLite) job store, without a job server running the jobs.</summary>
public sealed class ImportJobsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly SQLiteStorage _storage;

    public ImportJobsTests() => _storage = new SQLiteStorage(Path.Combine(_dir.Path, "jobs.db"));

    public void Dispose()
    {
        _storage.Dispose();
        _dir.Dispose();
    }

    private string Create(IState state) =>
        new BackgroundJobClient(_storage).Create(Job.FromExpression<FileImportJob>(j => j.RunAsync("upload", "/data/uploads/1/wind.csv", 0, "alice", null, CancellationToken.None)), state);

    private void SetParameter(string id, string name, object value)
    {
        using var connection = _storage.GetConnection();
        connection.SetJobParameter(id, name, SerializationHelper.Serialize(value));
    }

    /// <summary>Hangfire 1.8 keeps ProcessingState's constructor internal (only a worker enters the state), so the tests make one as a worker would.</summary>
    private static ProcessingState Processing() =>
        (ProcessingState)Activator.CreateInstance(typeof(ProcessingState), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, ["server", "worker"], null)!;

    private static ImportJobOutcome Succeeded(long written) => new(7, "succeeded", written, written, 0, 3, null, Array.Empty<CsvRowError>(), 0);

    [Fact]
    public void Get_AttemptFailedWithRetryScheduled_RetryingNotFailed()
    {
        var first = Create(Processing());
        var retry = Create(new ScheduledState(TimeSpan.FromSeconds(30)));
        SetParameter(first, FileImportJob.RetryParameter, retry);

        var status = new ImportJobs(_storage, TimeProvider.System).Get(first)!;

        Assert.Equal("running", status.Status);
        Assert.Equal("retrying", status.Phase);
        Assert.Equal("wind.csv", status.File);
        Assert.Null(status.Outcome);
    }

    [Fact]
    public void Get_RetrySucceeded_TheRetrysOutcome()
    {
        var first = Create(Processing());
        var retry = Create(Processing());
        SetParameter(first, FileImportJob.RetryParameter, retry);
        SetParameter(retry, FileImportJob.OutcomeParameter, Succeeded(2));

        var status = new ImportJobs(_storage, TimeProvider.System).Get(first)!;

        Assert.Equal("succeeded", status.Status);
        Assert.Equal(2, status.Written);
        Assert.Equal(retry, status.Id);
    }

    [Fact]
    public void Get_NoRetry_ItsOwnOutcome()
    {
        var id = Create(Processing());
        SetParameter(id, FileImportJob.OutcomeParameter, Succeeded(5));

        var status = new ImportJobs(_storage, TimeProvider.System).Get(id)!;

        Assert.Equal(("succeeded", 5L, id), (status.Status, status.Written, status.Id));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999")]
    [InlineData("")]
    public void Get_NotAnImportJob_Null(string id) =>
        Assert.Null(new ImportJobs(_storage, TimeProvider.System).Get(id));
}
