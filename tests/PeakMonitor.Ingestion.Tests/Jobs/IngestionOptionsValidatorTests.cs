using Microsoft.Extensions.Configuration;
using PeakMonitor.Ingestion.Jobs;

namespace PeakMonitor.Ingestion.Tests.Jobs;

public sealed class IngestionOptionsValidatorTests
{
    private static IConfiguration Jobs(string? connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Jobs"] = connectionString }).Build();

    [Fact]
    public void Validate_Defaults_Success()
    {
        Assert.True(new IngestionOptionsValidator(Jobs(null)).Validate(null, new IngestionOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EveryProblem_AllReportedAtOnceNamingTheSettings()
    {
        var options = new IngestionOptions { DataDirectory = " ", InboxCron = "every minute", SyntheticFeedCron = "* * *", WorkerCount = 0, RequeueAfter = TimeSpan.FromSeconds(1), QueuePollInterval = TimeSpan.Zero, StoreRetryDelays = "00:00:30, soon" };

        var result = new IngestionOptionsValidator(Jobs("Database=x")).Validate(null, options);

        Assert.Equal(
            [
                "Ingestion:DataDirectory must be set.",
                "Ingestion:InboxCron 'every minute' is not a cron expression (5 fields, or 6 with seconds first).",
                "Ingestion:SyntheticFeedCron '* * *' is not a cron expression (5 fields, or 6 with seconds first).",
                "Ingestion:WorkerCount must be 1–100 (is 0).",
                "Ingestion:RequeueAfter must be at least 5 seconds (is 00:00:01).",
                "Ingestion:QueuePollInterval must be positive.",
                "Ingestion:StoreRetryDelays: 'soon' is not a delay (hh:mm:ss).",
                "ConnectionStrings:Jobs names no PostgreSQL server (Host=…); leave it empty for the embedded SQLite store. (Parameter 'connectionString')",
            ],
            result.Failures);
    }

    [Theory]
    [InlineData("*/30 * * * * *")]
    [InlineData("0/30 * * * * ?")]
    [InlineData("0 * * * *")]
    [InlineData("0 8 * * MON-FRI")]
    public void IsValidCron_FiveOrSixFields_True(string cron) => Assert.True(JobsRegistration.IsValidCron(cron));

    [Fact]
    public void From_PostgresConnectionString_PostgresStore()
    {
        var database = JobsDatabase.From("Host=db;Database=pm;Username=pm", new IngestionOptions());

        Assert.True(database.IsPostgres);
        Assert.Contains("Host=db", database.PostgresConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void From_Empty_SqliteFilesInTheIngestionFolder()
    {
        var database = JobsDatabase.From(string.Empty, new IngestionOptions { DataDirectory = "/srv/pm" });

        Assert.False(database.IsPostgres);
        Assert.Equal(("/srv/pm/ingestion.db", "/srv/pm/jobs.db"), (database.SqlitePath, database.HangfireSqlitePath));
    }
}
