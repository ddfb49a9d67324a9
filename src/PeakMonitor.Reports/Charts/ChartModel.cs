namespace PeakMonitor.Reports.Charts;

/// <summary>What a chart shows, independent of who draws it.</summary>
public enum ChartKind
{
    /// <summary>Lines over categories (years, periods); gaps where a value is missing.</summary>
    Lines,

    /// <summary>Parts of a total stacked as areas over the years.</summary>
    StackedArea,

    /// <summary>One horizontal bar per category (a province), each in its own colour (its status).</summary>
    Bars,
}

public enum LineDash
{
    Solid,
    Dotted,
    Dashed,
}

/// <summary>One series: a value (or none) per category. No colour means the renderer's palette, by position.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values)
{
    public string? Color { get; init; }

    public LineDash Dash { get; init; } = LineDash.Solid;

    public bool ShowSymbols { get; init; } = true;

    /// <summary>Per-category colours (bars coloured by status); null for one colour.</summary>
    public IReadOnlyList<string>? PointColors { get; init; }
}

/// <summary>
/// A shaded band between two values per category (a quantile range of the outlook's fan), drawn
/// behind the lines; a category where either bound is missing leaves a gap.
/// </summary>
public sealed record ChartBand(string Name, IReadOnlyList<double?> Lower, IReadOnlyList<double?> Upper, string Color, double Opacity);

/// <summary>A horizontal line across the plot (the target), with its label.</summary>
public sealed record ChartMarkLine(double Value, string Label, string Color);

/// <summary>A legend entry that is not a series (a status colour of a bar chart).</summary>
public sealed record ChartLegendEntry(string Label, string Color);

/// <summary>
/// One chart description with two renderers: <see cref="ChartOptions"/> turns it into ECharts option
/// JSON for the browser, <see cref="ChartImages"/> into PNG or SVG with ScottPlot on the server (API,
/// Word and Excel). Both read the same data, colours and labels, in the language it was built in.
/// </summary>
public sealed record ChartModel
{
    public required ChartKind Kind { get; init; }

    /// <summary>Category labels along the x axis (along the y axis for bars).</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>True when the categories are years: ECharts gets them as numbers, as before.</summary>
    public bool NumericCategories { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>The value axis' name: the unit in the reader's language.</summary>
    public string ValueAxisName { get; init; } = string.Empty;

    /// <summary>The value axis fits the data rather than starting at zero.</summary>
    public bool ScaleValueAxis { get; init; }

    public ChartMarkLine? Target { get; init; }

    /// <summary>
    /// Bands behind the lines, widest first (the outlook's 10–90% and 25–75% fan). Drawn by
    /// <see cref="ChartImages"/>; the browser's option gets its fan from <see cref="ChartOptions.Trajectory"/>,
    /// which builds it as stacked areas (ECharts has no band series).
    /// </summary>
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>Legend entries beyond the series' names (status colours of bars).</summary>
    public IReadOnlyList<ChartLegendEntry> Legend { get; init; } = [];

    /// <summary>The legend lists exactly the series' names in order (trajectories), rather than whatever ECharts finds.</summary>
    public bool ExplicitLegend { get; init; }

    /// <summary>A short title, used where the image stands alone (downloads, documents).</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>What the chart is of, for the ECharts layout: "trajectory", "lines", "stack", "ranking".</summary>
    public required string Name { get; init; }
}
