using PeakMonitor.Domain.Outlook;

namespace PeakMonitor.Domain.Tests.Outlook;

public sealed class BlockBootstrapTests
{
    [Fact]
    public void Paths_ConstantChanges_EveryPathTheSameStraightLine()
    {
        var paths = BlockBootstrap.Paths(10, [2.0, 2.0, 2.0], ChangeScale.Additive, horizon: 4, blockLength: 2, draws: 50, new Random(1));

        Assert.All(paths, p => Assert.Equal([12.0, 14.0, 16.0, 18.0], p));
    }

    [Fact]
    public void Paths_LogScale_CompoundsTheRate()
    {
        var paths = BlockBootstrap.Paths(100, [Math.Log(0.9)], ChangeScale.Log, horizon: 2, blockLength: 1, draws: 3, new Random(1));

        Assert.All(paths, p =>
        {
            Assert.Equal(90, p[0], 9);
            Assert.Equal(81, p[1], 9);
        });
    }

    [Fact]
    public void Paths_SameSeed_SamePaths()
    {
        double[] changes = [1, -2, 3, 0.5, -1];

        var a = BlockBootstrap.Paths(0, changes, ChangeScale.Additive, 6, 2, 20, new Random(42));
        var b = BlockBootstrap.Paths(0, changes, ChangeScale.Additive, 6, 2, 20, new Random(42));
        var c = BlockBootstrap.Paths(0, changes, ChangeScale.Additive, 6, 2, 20, new Random(43));

        Assert.Equal(a.Select(p => string.Join(",", p)), b.Select(p => string.Join(",", p)));
        Assert.NotEqual(a.Select(p => string.Join(",", p)), c.Select(p => string.Join(",", p)));
    }

    [Fact]
    public void Paths_BlocksOfTwo_OnlyObservedPairsFollowEachOther()
    {
        // Changes 1, 10, 100: blocks of two are (1, 10) or (10, 100), so the first two steps add 11 or 110.
        var paths = BlockBootstrap.Paths(0, [1.0, 10.0, 100.0], ChangeScale.Additive, 2, 2, 200, new Random(7));

        Assert.All(paths, p => Assert.Contains(p[1], new[] { 11.0, 110.0 }));
        Assert.Contains(paths, p => p[1] == 11);
        Assert.Contains(paths, p => p[1] == 110);
    }

    [Fact]
    public void Paths_BlockLongerThanSample_TheSampleAsOneBlock()
    {
        var paths = BlockBootstrap.Paths(0, [1.0, 2.0], ChangeScale.Additive, 4, 5, 5, new Random(3));

        Assert.All(paths, p => Assert.Equal([1.0, 3.0, 4.0, 6.0], p));
    }

    [Fact]
    public void Changes_GapInYears_BreaksTheChain()
    {
        var changes = BlockBootstrap.Changes([(2018, 1.0), (2019, 3.0), (2021, 4.0), (2022, 8.0)], ChangeScale.Additive);

        Assert.Equal([2.0, 4.0], changes);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(1.0, 4.0)]
    public void Quantile_FourValues_InterpolatesOrderStatistics(double q, double expected)
    {
        Assert.Equal(expected, BlockBootstrap.Quantile([1.0, 2.0, 3.0, 4.0], q), 12);
    }
}
