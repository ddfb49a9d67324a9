namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// One (baseline year, target year, target value) pair of a KPI, with whom it judges, whether it is
/// binding, and the document that sets it. Pairs on the same <see cref="Track"/> are successive
/// milestones of one path (non-fossil share 20% in 2025, then 25% in 2030); pairs on different tracks
/// are judged side by side (carbon intensity −18% vs 2020 by 2025, and more than −65% vs 2005 by 2030).
/// </summary>
public sealed record KpiTarget
{
    public KpiTarget(int baselineYear, int targetYear, double value, TargetModality modality, string track = KpiTracks.Main)
    {
        if (targetYear <= baselineYear)
        {
            throw new ArgumentException($"Target year {targetYear} must come after baseline year {baselineYear}.", nameof(targetYear));
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A target must be a finite number.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(track);
        BaselineYear = baselineYear;
        TargetYear = targetYear;
        Value = value;
        Modality = modality;
        Track = track;
    }

    public int BaselineYear { get; }

    public int TargetYear { get; }

    /// <summary>In the KPI's unit (a percent number for shares and reductions: 18 means 18%).</summary>
    public double Value { get; }

    public TargetModality Modality { get; }

    public string Track { get; }

    public TargetOrigin Origin { get; init; } = TargetOrigin.NationalPlan;

    /// <summary>Whom the target judges: the nation (default), each province, or one province.</summary>
    public TargetSubject Subject { get; init; } = TargetSubject.Nation;

    /// <summary>约束性 / 预期性, as <see cref="NatureSource"/> says; unspecified when no document says.</summary>
    public TargetNature Nature { get; init; } = TargetNature.Unspecified;

    /// <summary>The document that states the target's nature (约束性/预期性), with its address.</summary>
    public string? NatureSource { get; init; }

    /// <summary>
    /// False for reference tracks (the gross energy-intensity definition, the published official
    /// rates, a province's 激励目标): judged and shown beside the graded track, never graded or a veto.
    /// </summary>
    public bool Graded { get; init; } = true;

    /// <summary>The document the target comes from (title, issuer, document number).</summary>
    public string Source { get; init; } = "2030年前碳达峰行动方案（国发〔2021〕23号）";

    /// <summary>Where the document's text was found.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The same target on another track (a reference track reads the province's own target, ungraded).</summary>
    public KpiTarget OnTrack(string track, bool graded) => new(BaselineYear, TargetYear, Value, Modality, track)
    {
        Origin = Origin, Subject = Subject, Nature = Nature, NatureSource = NatureSource, Graded = graded, Source = Source, SourceUrl = SourceUrl,
    };

    /// <summary>Only a graded, binding target can veto a 考核 grade; 力争 never does.</summary>
    public bool Binding => Graded && Nature == TargetNature.Binding && Modality != TargetModality.Aspirational;
}

/// <summary>The track ids and their names.</summary>
public static class KpiTracks
{
    public const string Main = "main";

    /// <summary>Carbon intensity against 2020 (the 2025 target).</summary>
    public const string Vs2020 = "vs2020";

    /// <summary>Carbon intensity against 2005 (the 2030 target).</summary>
    public const string Vs2005 = "vs2005";

    /// <summary>Energy intensity on the gross definition (total energy consumption), shown beside the definition in force.</summary>
    public const string Gross = "gross";

    /// <summary>The statistics office's published rates, chained: the reconciliation track.</summary>
    public const string Official = "official";

    /// <summary>A province's 激励目标 (incentive target), beyond its basic target.</summary>
    public const string Incentive = "incentive";

    public static string Zh(string track) => track switch
    {
        Vs2020 => "比2020年",
        Vs2005 => "比2005年",
        Gross => "旧口径（能源消费总量）",
        Official => "官方公布",
        Incentive => "激励目标",
        _ => string.Empty,
    };

    public static string En(string track) => track switch
    {
        Vs2020 => "vs 2020",
        Vs2005 => "vs 2005",
        Gross => "gross definition",
        Official => "as published",
        Incentive => "incentive target",
        _ => string.Empty,
    };
}
