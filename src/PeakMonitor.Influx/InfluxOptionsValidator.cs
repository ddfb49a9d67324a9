using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace PeakMonitor.Influx;

/// <summary>Checks every Influx setting and reports all problems at once, at startup.</summary>
public sealed partial class InfluxOptionsValidator : IValidateOptions<InfluxOptions>
{
    public ValidateOptionsResult Validate(string? name, InfluxOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Url)
            && (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"Influx:Url '{options.Url}' is not an absolute http(s) URL.");
        }

        // The database name is spliced into CREATE DATABASE (InfluxQL cannot bind identifiers), so it is
        // restricted to characters that need no quoting.
        if (string.IsNullOrEmpty(options.Database) || !DatabaseName().IsMatch(options.Database))
        {
            errors.Add($"Influx:Database '{options.Database}' must be 1–64 letters, digits, '_' or '-'.");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add("Influx:Username and Influx:Password go together: set both or neither.");
        }

        Range(errors, "Influx:BatchSize", options.BatchSize, 1, 100_000);
        Range(errors, "Influx:WriteParallelism", options.WriteParallelism, 1, 64);
        Range(errors, "Influx:MaxRetries", options.MaxRetries, 0, 20);
        Range(errors, "Influx:QueryChunkSize", options.QueryChunkSize, 1, 1_000_000);
        Range(errors, "Influx:ShardDurationWeeks", options.ShardDurationWeeks, 1, 5200);
        Range(errors, "Influx:Managed:HttpPort", options.Managed.HttpPort, 0, 65535);
        Positive(errors, "Influx:RetryBaseDelay", options.RetryBaseDelay);
        Positive(errors, "Influx:RequestTimeout", options.RequestTimeout);
        Positive(errors, "Influx:Managed:StartTimeout", options.Managed.StartTimeout);
        if (string.IsNullOrWhiteSpace(options.Managed.DataDirectory))
        {
            errors.Add("Influx:Managed:DataDirectory must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Managed.Executable))
        {
            errors.Add("Influx:Managed:Executable must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} is {value}; it must be between {min} and {max}.");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DatabaseName();
}
