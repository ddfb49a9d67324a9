namespace PeakMonitor.TestKit;

/// <summary>The checkout the tests run from: the folder holding PeakMonitor.sln above the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeakMonitor.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PeakMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
