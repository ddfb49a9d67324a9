namespace PeakMonitor.Cli.Tests;

/// <summary>CLI tests set process-wide environment variables (configuration), so they never run in parallel.</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection
{
    public const string Name = "cli-environment";
}
