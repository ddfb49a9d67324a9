using System.Text.RegularExpressions;
using PeakMonitor.TestKit;

namespace PeakMonitor.Web.Tests;

/// <summary>
/// docker-compose.yml and its nginx config cannot be run here (no Docker engine): what can be checked
/// without one is that they name settings the app has and services the file defines.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static string Compose => File.ReadAllText(Path.Combine(Repository.Root, "docker-compose.yml"));

    [GeneratedRegex(@"^ {4}(?<key>[A-Za-z]+(?:__[A-Za-z]+)+):", RegexOptions.Multiline)]
    private static partial Regex SettingKey();

    [GeneratedRegex(@"^  (?<name>[a-z][a-z0-9-]*):\n    <<: \*peakmonitor$", RegexOptions.Multiline)]
    private static partial Regex AppService();

    [GeneratedRegex(@"^\s*server (?<host>[a-z0-9-]+):8080\b", RegexOptions.Multiline)]
    private static partial Regex Upstream();

    [Fact]
    public void Compose_AppEnvironment_EverySettingInTheReadmeConfiguration()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var keys = SettingKey().Matches(Compose).Select(m => m.Groups["key"].Value).Where(k => !k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToArray();

        Assert.Contains("ConnectionStrings__Accounts", keys);
        Assert.Contains("ConnectionStrings__Jobs", keys);
        Assert.All(keys, key => Assert.Contains($"`{key}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_Proxy_SendsToEveryAppInstanceAndNothingElse()
    {
        var apps = AppService().Matches(Compose.ReplaceLineEndings("\n")).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToArray();
        var nginx = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "nginx.conf"));
        var upstreams = Upstream().Matches(nginx).Select(m => m.Groups["host"].Value).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["app-a", "app-b"], apps);
        Assert.Equal(apps, upstreams);
        Assert.Contains("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf", Compose, StringComparison.Ordinal);
    }
}
