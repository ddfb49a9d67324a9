using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PeakMonitor.Domain.Kpis;
using PeakMonitor.Ingestion.Import;
using PeakMonitor.Ingestion.Jobs;
using PeakMonitor.Influx;
using PeakMonitor.Ingestion;
using PeakMonitor.Reports;

namespace PeakMonitor.Cli;

/// <summary>
/// Options every verb takes. Each has a configuration equivalent (appsettings.json in the working
/// directory, or environment variables <c>Influx__Url</c>, <c>Influx__Database</c>); the option wins.
/// </summary>
internal sealed class GlobalOptions
{
    public Option<string?> Influx { get; } = new("--influx")
    {
        Description = "InfluxDB v1 API base URL (config Influx:Url). Default: start or reuse a local influxd in ./data/influxdb.",
        Recursive = true,
    };

    public Option<string?> Database { get; } = new("--database")
    {
        Description = "InfluxDB database name (config Influx:Database, default peakmonitor).",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Influx);
        root.Options.Add(Database);
    }

    /// <summary>
    /// The judgement thresholds (section <c>Kpi</c> of appsettings.json in the working directory, or
    /// environment variables such as <c>Kpi__AboutTolerancePoints</c>), validated.
    /// </summary>
    public static KpiJudgementOptions KpiOptions()
    {
        var options = Configuration().GetSection("Kpi").Get<KpiJudgementOptions>() ?? new KpiJudgementOptions();
        var problems = options.Validate().ToArray();
        return problems.Length == 0 ? options : throw new ArgumentException(string.Join(" ", problems));
    }

    /// <summary>The outlook model's settings (section <c>Outlook</c>, e.g. <c>Outlook__Draws</c>), validated; options given on the command line win.</summary>
    public static Domain.Outlook.OutlookOptions OutlookOptions() =>
        (Configuration().GetSection(Domain.Outlook.OutlookOptions.SectionName).Get<Domain.Outlook.OutlookOptions>() ?? new Domain.Outlook.OutlookOptions()).Validated();

    /// <summary>KPI results settings (section <c>Kpi</c>: the provincial targets file), as the web app reads them.</summary>
    public static Ingestion.Kpis.KpiOptions KpiResultsOptions() =>
        Configuration().GetSection("Kpi").Get<Ingestion.Kpis.KpiOptions>() ?? new Ingestion.Kpis.KpiOptions();

    /// <summary>The one year parser (<see cref="Domain.Series.Period.TryParseYear"/>) for year options.</summary>
    public static int? Year(string? text, string option) =>
        text is null ? null
        : Domain.Series.Period.TryParseYear(text, out var year) ? year
        : throw new ArgumentException($"{option} '{text}' is not {Domain.Series.Period.YearRule}.");

    /// <summary>A date option (<c>--published</c>, <c>--as-of</c>): YYYY-MM-DD, from 1949-01-01 up to today (China Standard Time).</summary>
    public static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : Domain.Series.PublishedDate.TryParse(text, Domain.Series.PublishedDate.Today(TimeProvider.System), out var date) is { } problem
            ? throw new ArgumentException($"{option} '{(text.Length > 40 ? text[..40] + "…" : text)}': {problem}.")
            : date;

    /// <summary>Ingestion settings (folders, run history) as the web app reads them.</summary>
    public static IngestionOptions IngestionOptions() =>
        Configuration().GetSection(Ingestion.Jobs.IngestionOptions.SectionName).Get<IngestionOptions>() ?? new IngestionOptions();

    /// <summary>The import limits (section <c>Ingestion:Import</c>), as the web app reads them; validated.</summary>
    public static ImportOptions ImportOptions()
    {
        var options = Configuration().GetSection(Ingestion.Import.ImportOptions.SectionName).Get<ImportOptions>() ?? new ImportOptions();
        var result = new ImportOptionsValidator().Validate(null, options);
        return result.Failed ? throw new Microsoft.Extensions.Options.OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(ImportOptions), result.Failures) : options;
    }

    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>A host with the same services as the web app's, configured from this command line.</summary>
    public IHost BuildHost(ParseResult parsed, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        // The CLI runs jobs on demand; the scheduler belongs to the web app.
        var overrides = new Dictionary<string, string?> { ["Ingestion:SchedulerEnabled"] = "false" };
        if (parsed.GetValue(Influx) is { } url)
        {
            overrides["Influx:Url"] = url;
        }

        if (parsed.GetValue(Database) is { } database)
        {
            overrides["Influx:Database"] = database;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);

        // stdout is for results; diagnostics go to stderr, and only when they matter.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.AddInflux();
        builder.AddIngestion();
        builder.AddReports();
        return builder.Build();
    }
}
