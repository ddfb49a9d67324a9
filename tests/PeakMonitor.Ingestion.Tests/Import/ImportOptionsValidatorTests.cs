using PeakMonitor.Ingestion.Import;

namespace PeakMonitor.Ingestion.Tests.Import;

public sealed class ImportOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new ImportOptionsValidator().Validate(null, new ImportOptions()).Succeeded);

    [Fact]
    public void Validate_SeveralProblems_ReportsAllOfThem()
    {
        var options = new ImportOptions
        {
            MaxColumns = 20_000,
            MaxRows = 0,
            MaxCompressionRatio = 0.5,
            MaxReadTime = TimeSpan.Zero,
            RetryDelay = TimeSpan.FromSeconds(-1),
            MaxSharedStringChars = -1,
        };

        var failures = new ImportOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Equal(6, failures.Length);
        Assert.Contains("Ingestion:Import:MaxColumns must be at most 16384 (Excel's column XFD; is 20000).", failures);
        Assert.Contains(failures, f => f.StartsWith("Ingestion:Import:MaxRows must be positive", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingestion:Import:MaxCompressionRatio must be at least 1", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingestion:Import:MaxReadTime must be positive", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingestion:Import:RetryDelay must not be negative", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ingestion:Import:MaxSharedStringChars must be positive", StringComparison.Ordinal));
    }
}
