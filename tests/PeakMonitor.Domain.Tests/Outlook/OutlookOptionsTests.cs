using PeakMonitor.Domain.Outlook;

namespace PeakMonitor.Domain.Tests.Outlook;

public sealed class OutlookOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblem()
    {
        Assert.Empty(new OutlookOptions().Validate());
    }

    [Fact]
    public void Validate_SeveralBadValues_ReportsEveryProblemAtOnce()
    {
        var problems = new OutlookOptions { WindowYears = 1, BlockLength = 0, Draws = 5, MinChanges = 1 }.Validate().ToArray();

        Assert.Contains(problems, p => p.Contains("WindowYears", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("BlockLength", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Draws", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MinChanges", StringComparison.Ordinal));
    }

    [Fact]
    public void OutlookModel_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OutlookModel(new OutlookOptions { Draws = 1 }));
    }
}
