using PeakMonitor.Web.Security;

namespace PeakMonitor.Web.Tests.Security;

public sealed class RateLimitOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions()).Succeeded);

    [Fact]
    public void Validate_SeveralProblems_ReportsAllOfThem()
    {
        var options = new RateLimitOptions { ApiConcurrency = 0, ApiQueue = -1, SignInAttemptsPerMinute = 0, MaxQueuedReportsPerUser = 0 };

        var failures = new RateLimitOptionsValidator().Validate(null, options).Failures!.ToArray();

        Assert.Equal(
            [
                "RateLimits:ApiConcurrency must be at least 1 (is 0).",
                "RateLimits:ApiQueue must be at least 0 (is -1).",
                "RateLimits:MaxQueuedReportsPerUser must be at least 1 (is 0).",
                "RateLimits:SignInAttemptsPerMinute must be at least 1 (is 0).",
            ],
            failures);
    }
}
