using System.CommandLine;
using PeakMonitor.Cli.Commands;

namespace PeakMonitor.Cli;

/// <summary>The <c>peakmonitor</c> command line: a second composition root beside the web app.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("碳达峰监测平台 PeakMonitor — command line: ingest data, compute KPIs");
        globals.AddTo(root);
        root.Subcommands.Add(IngestCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(KpiCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(DecomposeCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(RevisionsCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(OutlookCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(PeakCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(WhatIfCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(JobsCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(ReportCommand.Create(globals, stdout, stderr));
        root.Subcommands.Add(UsersCommand.Create(stdout, stderr));
        root.Subcommands.Add(UsersCommand.CreateTokens(stdout, stderr));

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
    }
}
