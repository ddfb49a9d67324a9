using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Computes and judges KPIs for regions and years from an <see cref="IndicatorPanel"/>: value,
/// expected path, progress, gap, required and actual rates, projection, 晴雨表 status and 考核
/// grade (action-plan-kpis.md §5.3; anchors.md §12d–e). Pure and deterministic.
/// </summary>
public sealed class KpiEngine
{
    private readonly KpiJudgementOptions _options;
    private readonly Dictionary<(string Kpi, RegionCode Region), List<KpiTarget>> _provincial = [];

    public KpiEngine(KpiJudgementOptions? options = null, IEnumerable<ProvincialTarget>? provincialTargets = null)
    {
        _options = options ?? new KpiJudgementOptions();
        var problems = _options.Validate().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        foreach (var p in provincialTargets ?? [])
        {
            if (!_provincial.TryGetValue((p.Kpi, p.Region), out var list))
            {
                _provincial[(p.Kpi, p.Region)] = list = [];
            }

            list.Add(p.Target with { Origin = TargetOrigin.Provincial });
        }
    }

    /// <summary>Every (KPI, region, year, track) of the request, in that order.</summary>
    public IReadOnlyList<KpiResult> Compute(IndicatorPanel panel, IEnumerable<KpiDefinition> kpis, IEnumerable<RegionCode> regions, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var yearList = years.ToArray();
        var results = new List<KpiResult>();
        foreach (var kpi in kpis)
        {
            foreach (var region in regions)
            {
                var values = new KpiValues(panel, region);
                var tracks = TargetsFor(kpi, region)
                    .GroupBy(t => t.Track)
                    .Select(g => g.OrderBy(t => t.TargetYear).ToArray())
                    .ToArray();
                foreach (var year in yearList)
                {
                    foreach (var track in tracks)
                    {
                        results.Add(Judge(kpi, region, year, ActiveTarget(track, year), values));
                    }
                }
            }
        }

        return results;
    }

    /// <summary>The region's targets: its own when known, else the national ones, marked as applied.</summary>
    public IReadOnlyList<KpiTarget> TargetsFor(KpiDefinition kpi, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        if (region.IsNational)
        {
            return kpi.Targets;
        }

        return _provincial.TryGetValue((kpi.Id, region), out var own)
            ? own
            : kpi.Targets.Select(t => t with { Origin = TargetOrigin.NationalApplied, Source = t.Source + " — national target applied" }).ToArray();
    }

    /// <summary>On one track (ordered by target year), the milestone that governs a year: the first whose target year is not past; after the last, the last.</summary>
    private static KpiTarget ActiveTarget(KpiTarget[] track, int year)
    {
        foreach (var target in track)
        {
            if (target.TargetYear >= year)
            {
                return target;
            }
        }

        return track[^1];
    }

    private KpiResult Judge(KpiDefinition kpi, RegionCode region, int year, KpiTarget target, KpiValues values)
    {
        var noSource = kpi.Formula == KpiFormula.NoDataSource;
        var result = new KpiResult
        {
            Kpi = kpi.Id,
            Region = region,
            Year = year,
            Track = target.Track,
            Unit = kpi.Unit,
            BaselineYear = target.BaselineYear,
            TargetYear = target.TargetYear,
            Target = target.Modality == TargetModality.Qualitative ? null : target.Value,
            Modality = target.Modality,
            Binding = target.Binding,
            TargetOrigin = target.Origin,
            TargetSource = target.Source,
            Status = noSource ? KpiStatus.NoData : null,
            Note = noSource ? "no data source yet: the product does not collect this KPI's raw data" : null,
        };

        return kpi.Formula switch
        {
            KpiFormula.NoDataSource => result,
            KpiFormula.Co2Peak => KpiSpecialRules.Peak(result, values, year, target, _options),
            KpiFormula.CoalConsumptionTrend => KpiSpecialRules.CoalTrend(result, values, year, target, _options),
            _ => JudgeOnPath(kpi, result, values, year, target),
        };
    }

    private KpiResult JudgeOnPath(KpiDefinition kpi, KpiResult result, KpiValues values, int year, KpiTarget target)
    {
        // Every exit copies the result once: this runs ~30,000 times for all KPIs × regions × years.
        var y0 = target.BaselineYear;
        var yT = target.TargetYear;
        var value = values.Value(kpi.Formula, year, y0);
        var baseline = values.Value(kpi.Formula, y0, y0);
        var intensity = kpi.PathShape == PathShape.Geometric;
        var rateUnit = intensity ? "% per year (intensity decline)" : kpi.Formula == KpiFormula.HydroAdditions ? "GW per year" : "% per year (growth)";
        if (value is null || baseline is null)
        {
            return result with
            {
                Value = value,
                BaselineValue = baseline,
                RateUnit = rateUnit,
                Status = KpiStatus.NoData,
                Note = value is null ? "no data for this year" : $"no baseline: {y0} is missing",
            };
        }

        var a = value.Value;
        var b = baseline.Value;
        var t = target.Value;
        var (required, actual) = Rates(kpi, values, year, target, a);
        var projected = Project(kpi, values, year, target);
        if (year < y0)
        {
            return result with
            {
                Value = value,
                BaselineValue = baseline,
                RateUnit = rateUnit,
                RequiredAnnualRate = required,
                ActualAnnualRate = actual,
                Projected = projected,
                Note = $"before the baseline year {y0}: shown, not judged",
            };
        }

        var sign = kpi.Direction == KpiDirection.HigherIsBetter ? 1 : -1;
        var tolerance = target.Modality == TargetModality.About ? Tolerance(kpi, t) : 0;

        // A target already met in the baseline year has no distance to cover: the path is the target itself.
        var metAtBaseline = sign * (b - t) >= 0;
        var expected = metAtBaseline ? t
            : intensity ? Trajectory.GeometricReduction(t, y0, yT, year)
            : Trajectory.Linear(b, t, y0, yT, year);
        var gap = sign * (a - expected);
        var withinBand = gap >= -tolerance - 1e-9;
        var met = sign * (a - t) >= -tolerance - 1e-9;
        KpiStatus status;
        if (target.Modality == TargetModality.AtMost || year >= yT)
        {
            status = met ? KpiStatus.OnTrack : KpiStatus.OffTrack;
        }
        else if (met && year > y0)
        {
            status = KpiStatus.AchievedEarly;
        }
        else if (withinBand)
        {
            status = KpiStatus.OnTrack;
        }
        else
        {
            // Behind the path: at risk while the required rate is within reach of the recent rate.
            status = required is { } r && actual is { } act && (act <= 0 || r > act * _options.AtRiskRateMultiple) ? KpiStatus.OffTrack : KpiStatus.AtRisk;
        }

        var (score, grade) = Grade(sign, a, metAtBaseline ? t : b, expected, target, status, met, withinBand);
        return result with
        {
            Value = value,
            BaselineValue = baseline,
            RateUnit = rateUnit,
            RequiredAnnualRate = required,
            ActualAnnualRate = actual,
            Projected = projected,
            Expected = expected,
            Gap = gap,
            Progress = metAtBaseline ? null : Trajectory.Progress(a, b, t),
            Status = status,
            Score = score,
            Grade = grade,
            Note = metAtBaseline ? $"target already met in the baseline year {y0}" : null,
        };
    }

    /// <summary>The required rate to reach the target from this year, and the actual recent rate, in the KPI's rate unit.</summary>
    private (double? Required, double? Actual) Rates(KpiDefinition kpi, KpiValues values, int year, KpiTarget target, double a)
    {
        var yearsLeft = target.TargetYear - year;
        var n = _options.RecentRateYears;
        var past = values.Underlying(kpi.Formula, year - n, target.BaselineYear);
        var now = values.Underlying(kpi.Formula, year, target.BaselineYear);
        if (kpi.PathShape == PathShape.Geometric)
        {
            double? actualDecline = past is { } p && now is { } c && p > 0 && c > 0 ? (1 - Math.Pow(c / p, 1.0 / n)) * 100 : null;
            return (Trajectory.RequiredAnnualDecline(a, target.Value, yearsLeft), actualDecline);
        }

        if (kpi.Formula == KpiFormula.HydroAdditions)
        {
            double? actualAdded = past is { } p && now is { } c ? (c - p) / n : null;
            return (yearsLeft > 0 ? (target.Value - a) / yearsLeft : null, actualAdded);
        }

        var required = yearsLeft > 0 ? Trajectory.CompoundGrowth(a, target.Value, yearsLeft) : null;
        var actual = past is { } from && now is { } to ? Trajectory.CompoundGrowth(from, to, n) : null;
        return (required, actual);
    }

    /// <summary>
    /// The value projected to the target year. Intensity reductions: the recent annual intensity
    /// decline continued geometrically. Other KPIs: a least-squares line through the last
    /// <see cref="KpiJudgementOptions.ProjectionTrendYears"/> years (shares kept within 0–100).
    /// </summary>
    private double? Project(KpiDefinition kpi, KpiValues values, int year, KpiTarget target)
    {
        var yT = target.TargetYear;
        if (year >= yT)
        {
            return null;
        }

        var y0 = target.BaselineYear;
        if (kpi.PathShape == PathShape.Geometric)
        {
            var n = _options.RecentRateYears;
            if (values.Underlying(kpi.Formula, year, y0) is not { } now || values.Underlying(kpi.Formula, year - n, y0) is not { } past
                || values.Underlying(kpi.Formula, y0, y0) is not { } baseIntensity || past <= 0 || baseIntensity <= 0)
            {
                return null;
            }

            var projectedIntensity = now * Math.Pow(now / past, (double)(yT - year) / n);
            return (1 - (projectedIntensity / baseIntensity)) * 100;
        }

        var points = new List<(int Year, double Value)>(_options.ProjectionTrendYears);
        for (var y = year - _options.ProjectionTrendYears + 1; y <= year; y++)
        {
            if (values.Value(kpi.Formula, y, y0) is { } v)
            {
                points.Add((y, v));
            }
        }

        var projected = Trajectory.LinearTrend(points, yT);
        return kpi.Unit == "%" && projected is { } pct ? Math.Clamp(pct, 0, 100) : projected;
    }

    private double Tolerance(KpiDefinition kpi, double target) =>
        kpi.Unit == "%" ? _options.AboutTolerancePoints : Math.Abs(target) * _options.AboutToleranceRelative;

    /// <summary>
    /// 考核 attainment score: q = (A − B)/(E − B), the share of this year's expected distance covered.
    /// On the path (q = 1) scores 80 (完成); every 1% of q below that costs 0.8 points; beyond the
    /// path the score rises to 100 at q = 1 + <see cref="KpiJudgementOptions.FullScoreOverachievement"/>.
    /// Inside the band of a 左右 target the score is at least 80. Veto (否决): a binding target that is
    /// off track or missed at its year is 未完成 whatever the score.
    /// </summary>
    private (double? Score, AssessmentGrade? Grade) Grade(int sign, double a, double b, double expected, KpiTarget target, KpiStatus status, bool met, bool withinBand)
    {
        double? score;
        if (target.Modality == TargetModality.AtMost)
        {
            score = met ? _options.CompletedScore : 0;
        }
        else if (expected == b)
        {
            // No distance expected (the baseline year, or a target met from the start): attainment is
            // read against the target itself.
            double? q = sign > 0 ? (expected > 0 ? a / expected : null) : (a > 0 ? expected / a : null);
            score = q is { } ratio ? Score(ratio) : null;
        }
        else
        {
            score = Score((a - b) / (expected - b));
        }

        // Inside the tolerance band of a 左右 target the year's target counts as met.
        if (withinBand && score < _options.CompletedScore)
        {
            score = _options.CompletedScore;
        }

        var veto = target.Binding && status == KpiStatus.OffTrack;
        if (veto)
        {
            return (score, AssessmentGrade.NotCompleted);
        }

        if (score is not { } s)
        {
            return (null, null);
        }

        var grade = s >= _options.ExceededScore ? AssessmentGrade.Exceeded
            : s >= _options.CompletedScore ? AssessmentGrade.Completed
            : s >= _options.BasicallyCompletedScore ? AssessmentGrade.BasicallyCompleted
            : AssessmentGrade.NotCompleted;
        return (s, grade);
    }

    private double Score(double q) =>
        q >= 1
            ? Math.Min(100, _options.CompletedScore + ((100 - _options.CompletedScore) * (q - 1) / _options.FullScoreOverachievement))
            : Math.Max(0, _options.CompletedScore * q);
}
