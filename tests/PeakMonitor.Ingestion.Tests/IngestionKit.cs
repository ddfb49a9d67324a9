using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Influx.Http;
using PeakMonitor.Influx.Storage;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Ingestion.Kpis;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests;

/// <summary>The ingestion services wired by hand against a real influxd database, with fast retries.</summary>
internal sealed class IngestionKit
{
    public IngestionKit(InfluxClient client, TempDirectory dir, int writeAttempts = 3, int chunkSize = 50_000, Action<ImportOptions>? limits = null)
    {
        var import = new ImportOptions { WriteAttempts = writeAttempts, RetryDelay = TimeSpan.FromMilliseconds(300), WriteChunkSize = chunkSize };
        limits?.Invoke(import);
        Client = client;
        Store = new InfluxTimeSeriesStore(client);
        Options = new IngestionOptions { DataDirectory = Path.Combine(dir.Path, "ingestion"), InboxSettleTime = TimeSpan.Zero };
        Importer = new FileImporter(Store, Microsoft.Extensions.Options.Options.Create(import), TimeProvider.System);
        History = RunHistory.For(Options, TimeProvider.System);
        Kpis = new KpiResults(Store, Microsoft.Extensions.Options.Options.Create(new KpiJudgementOptions()), Microsoft.Extensions.Options.Options.Create(new KpiOptions { ProvincialTargetsFile = null }), TimeProvider.System, NullLogger<KpiResults>.Instance);
        Runner = new ImportRunner(Importer, Kpis, History);
        Files = FilesWith(null);
        Inbox = new InboxImportJob(Files, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLogger<InboxImportJob>.Instance);
        Recovery = new IngestionRecovery(History, JobsDatabase.From(null, Options), Microsoft.Extensions.Options.Options.Create(Options), NullLogger<IngestionRecovery>.Instance);
        Options.EnsureFolders();
    }

    public InfluxClient Client { get; }

    public InfluxTimeSeriesStore Store { get; }

    public IngestionOptions Options { get; }

    public FileImporter Importer { get; }

    public RunHistory History { get; }

    public KpiResults Kpis { get; }

    public ImportRunner Runner { get; }

    public FileImportJob Files { get; }

    public InboxImportJob Inbox { get; }

    /// <summary>The file import job with a job client (store failures are then retried as scheduled jobs).</summary>
    public FileImportJob FilesWith(Hangfire.IBackgroundJobClient? jobs) =>
        new(Runner, History, new ImportSlots(), Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, [], jobs, NullLogger<FileImportJob>.Instance);

    /// <summary>Claims a file as the inbox scan does: <c>inbox/.working/ID/NAME</c>; returns its path.</summary>
    public string Claimed(string name, string content)
    {
        var folder = Path.Combine(Options.Working, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The run history's name for a claimed file (its place in the data folder).</summary>
    public string ClaimOf(string path) => Path.GetRelativePath(Path.GetFullPath(Options.DataDirectory), Path.GetFullPath(path));

    public IngestionRecovery Recovery { get; }

    public async Task<long> CountAsync(string measurement = "observation")
    {
        var result = await Client.QueryAsync(new InfluxQuery($"SELECT count(\"value\") FROM \"{measurement}\""), CancellationToken.None);
        return result.SelectMany(r => r.Series).SelectMany(s => s.Values).Select(row => row[1] is double d ? (long)d : 0).Sum();
    }

    public async Task<double> SumAsync()
    {
        var result = await Client.QueryAsync(new InfluxQuery("SELECT sum(\"value\") FROM \"observation\""), CancellationToken.None);
        return result.SelectMany(r => r.Series).SelectMany(s => s.Values).Select(row => row[1] is double d ? d : 0).Sum();
    }
}
