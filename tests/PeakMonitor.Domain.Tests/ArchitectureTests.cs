using System.Reflection;
using System.Xml.Linq;

namespace PeakMonitor.Domain.Tests;

/// <summary>Dependencies point toward Domain (STYLE.md, "A layout that shows the architecture").</summary>
public sealed class ArchitectureTests
{
    private static readonly string SrcDirectory = Path.Combine(PeakMonitor.TestKit.Repository.Root, "src");

    public static TheoryData<string, string[]> AllowedProjectReferences => new()
    {
        { "PeakMonitor.Domain", [] },
        { "PeakMonitor.Influx", ["PeakMonitor.Domain"] },
        { "PeakMonitor.Ingestion", ["PeakMonitor.Domain"] },
        { "PeakMonitor.Reports", ["PeakMonitor.Domain"] },
        // Users, tokens and the audit log know nothing of carbon: no project reference at all.
        { "PeakMonitor.Accounts", [] },
        { "PeakMonitor.Web", ["PeakMonitor.Domain", "PeakMonitor.Influx", "PeakMonitor.Ingestion", "PeakMonitor.Reports", "PeakMonitor.Accounts"] },
        { "PeakMonitor.Cli", ["PeakMonitor.Domain", "PeakMonitor.Influx", "PeakMonitor.Ingestion", "PeakMonitor.Reports", "PeakMonitor.Accounts"] },
    };

    [Theory]
    [MemberData(nameof(AllowedProjectReferences))]
    public void ProjectReferences_EachProject_OnlyTowardDomain(string project, string[] allowed)
    {
        var references = ProjectReferences(project);

        Assert.All(references, r => Assert.Contains(r, allowed));
    }

    [Fact]
    public void Projects_InSrc_AllCoveredByTheRule()
    {
        var projects = Directory.GetDirectories(SrcDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(AllowedProjectReferences.Select(row => (string)row[0]).Order(StringComparer.Ordinal), projects);
    }

    [Fact]
    public void Domain_Project_HasNoPackages()
    {
        var csproj = XDocument.Load(Path.Combine(SrcDirectory, "PeakMonitor.Domain", "PeakMonitor.Domain.csproj"));

        Assert.Empty(csproj.Descendants("PackageReference"));
    }

    [Theory]
    [InlineData(typeof(PeakMonitor.Domain.Regions.RegionCode), new string[0])]
    [InlineData(typeof(PeakMonitor.Influx.InfluxOptions), new[] { "PeakMonitor.Domain" })]
    [InlineData(typeof(PeakMonitor.Ingestion.FileIngestor), new[] { "PeakMonitor.Domain" })]
    [InlineData(typeof(PeakMonitor.Reports.ReportsOptions), new[] { "PeakMonitor.Domain" })]
    public void AssemblyReferences_Libraries_OnlyTowardDomain(Type marker, string[] allowed)
    {
        var ours = marker.Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("PeakMonitor.", StringComparison.Ordinal));

        Assert.All(ours, name => Assert.Contains(name, allowed));
    }

    private static string[] ProjectReferences(string project) =>
        XDocument.Load(Path.Combine(SrcDirectory, project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();
}
