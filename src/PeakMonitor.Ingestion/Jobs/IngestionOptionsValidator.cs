using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Ingestion.Jobs;

/// <summary>Every problem of the <c>Ingestion</c> settings and of <c>ConnectionStrings:Jobs</c> at once.</summary>
public sealed class IngestionOptionsValidator(IConfiguration configuration) : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("Ingestion:DataDirectory must be set.");
        }

        if (!JobsRegistration.IsValidCron(options.InboxCron))
        {
            errors.Add($"Ingestion:InboxCron '{options.InboxCron}' is not a cron expression (5 fields, or 6 with seconds first).");
        }

        if (!JobsRegistration.IsValidCron(options.SyntheticFeedCron))
        {
            errors.Add($"Ingestion:SyntheticFeedCron '{options.SyntheticFeedCron}' is not a cron expression (5 fields, or 6 with seconds first).");
        }

        if (options.WorkerCount is < 1 or > 100)
        {
            errors.Add($"Ingestion:WorkerCount must be 1–100 (is {options.WorkerCount}).");
        }

        if (options.RequeueAfter < TimeSpan.FromSeconds(5))
        {
            errors.Add($"Ingestion:RequeueAfter must be at least 5 seconds (is {options.RequeueAfter}).");
        }

        if (options.QueuePollInterval <= TimeSpan.Zero)
        {
            errors.Add("Ingestion:QueuePollInterval must be positive.");
        }

        try
        {
            _ = options.RetryDelays();
        }
        catch (FormatException ex)
        {
            errors.Add(ex.Message);
        }

        if (JobsDatabase.Problem(configuration?.GetConnectionString("Jobs")) is { } problem)
        {
            errors.Add(problem);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
