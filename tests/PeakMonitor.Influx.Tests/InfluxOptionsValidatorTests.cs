namespace PeakMonitor.Influx.Tests;

public sealed class InfluxOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new InfluxOptionsValidator().Validate(null, new InfluxOptions()).Succeeded);

    [Fact]
    public void Validate_SeveralProblems_ReportsAllOfThem()
    {
        var options = new InfluxOptions
        {
            Url = "ftp://example",
            Database = "bad name\"; DROP",
            Username = "admin",
            BatchSize = 0,
            WriteParallelism = 0,
            RequestTimeout = TimeSpan.Zero,
        };

        var result = new InfluxOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        var failures = result.Failures!.ToArray();
        Assert.Contains(failures, f => f.Contains("Influx:Url", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Influx:Database", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Influx:Password", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Influx:BatchSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Influx:WriteParallelism", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Influx:RequestTimeout", StringComparison.Ordinal));
    }
}
