using PeakMonitor.Domain.Kpis.Formulas;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// Computes and judges KPIs for regions and years from an <see cref="IndicatorPanel"/>: value,
/// expected path, progress, gap, required and actual rates, projection, 晴雨表 status and 考核
/// grade (action-plan-kpis.md §5.3; anchors.md §12d–e). Pure and deterministic.
/// <para>
/// Whom a target judges: a national target judges the nation; a per-province target (省级电网 …
/// 5%以上) each province; a province's own target (targets file) that province. A province under a
/// national absolute total is <see cref="KpiStatus.NotApplicable"/> (its value, its share of the
/// national total and its contribution to the national change are shown); a province under a national
/// rate or event target without a target of its own is <see cref="KpiStatus.NoTarget"/>, with the
/// national path as a reference only. Nothing national is ever applied to a province as its target.
/// </para>
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

            list.Add(p.Target with { Origin = TargetOrigin.Provincial, Subject = TargetSubject.Province });
        }
    }

    public KpiJudgementOptions Options => _options;

    /// <summary>Every (KPI, region, year, track) of the request, in that order.</summary>
    public IReadOnlyList<KpiResult> Compute(IndicatorPanel panel, IEnumerable<KpiDefinition> kpis, IEnumerable<RegionCode> regions, IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var yearList = years.ToArray();
        var regionList = regions.ToArray();
        var national = new KpiInputs(panel, RegionCode.National);
        var inputs = regionList.Select(r => r.IsNational ? national : new KpiInputs(panel, r)).ToArray();
        var results = new List<KpiResult>();
        foreach (var kpi in kpis)
        {
            for (var i = 0; i < regionList.Length; i++)
            {
                var tracks = Plan(kpi, regionList[i]);

                // A baseline does not change with the year judged: computed once per milestone and region.
                var baselines = new Dictionary<KpiTarget, (double?, bool)>(ReferenceEqualityComparer.Instance);
                foreach (var year in yearList)
                {
                    foreach (var track in tracks)
                    {
                        results.Add(Judge(kpi, regionList[i], year, track, inputs[i], national, baselines));
                    }
                }
            }
        }

        return results;
    }

    /// <summary>The targets that judge a region (its own, or the plan's where the plan names each province); none means the region is not judged on that KPI.</summary>
    public IReadOnlyList<KpiTarget> TargetsFor(KpiDefinition kpi, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return Plan(kpi, region).Where(t => t.Kind == TrackKind.Judged).SelectMany(t => t.Milestones).ToArray();
    }

    private enum TrackKind
    {
        Judged,
        NotApplicable,
        NoTarget,
    }

    /// <param name="Milestones">The targets on the track, by target year (for NotApplicable/NoTarget: the national ones, as reference).</param>
    private sealed record TrackPlan(string Track, TrackKind Kind, KpiTarget[] Milestones);

    private List<TrackPlan> Plan(KpiDefinition kpi, RegionCode region)
    {
        var plans = new List<TrackPlan>();
        foreach (var group in kpi.Targets.GroupBy(t => t.Track))
        {
            var national = group.OrderBy(t => t.TargetYear).ToArray();
            if (region.IsNational)
            {
                // A target for each provincial grid does not judge the nation's aggregate.
                plans.Add(new TrackPlan(group.Key, national.All(t => t.Subject == TargetSubject.EachProvince) ? TrackKind.NotApplicable : TrackKind.Judged, national));
                continue;
            }

            var own = Own(kpi, region, group.Key);
            if (own.Length > 0)
            {
                plans.Add(new TrackPlan(group.Key, TrackKind.Judged, own));
            }
            else if (national.Any(t => t.Subject == TargetSubject.EachProvince))
            {
                plans.Add(new TrackPlan(group.Key, TrackKind.Judged, national.Where(t => t.Subject == TargetSubject.EachProvince).ToArray()));
            }
            else if (!national[0].Graded && Own(kpi, region, kpi.MainTrack) is { Length: > 0 } main)
            {
                // A reference track (gross definition, published rates) is read against the province's own target, ungraded.
                plans.Add(new TrackPlan(group.Key, TrackKind.Judged, main.Select(t => t.OnTrack(group.Key, graded: false)).ToArray()));
            }
            else
            {
                plans.Add(new TrackPlan(group.Key, kpi.Measure == KpiMeasure.Total ? TrackKind.NotApplicable : TrackKind.NoTarget, national));
            }
        }

        // The province's own tracks the plan does not have (a 激励目标).
        if (!region.IsNational && _provincial.TryGetValue((kpi.Id, region), out var mine))
        {
            foreach (var group in mine.GroupBy(t => t.Track).Where(g => plans.All(p => p.Track != g.Key)))
            {
                plans.Add(new TrackPlan(group.Key, TrackKind.Judged, group.OrderBy(t => t.TargetYear).ToArray()));
            }
        }

        return plans;
    }

    private KpiTarget[] Own(KpiDefinition kpi, RegionCode region, string track) =>
        _provincial.TryGetValue((kpi.Id, region), out var own) ? own.Where(t => t.Track == track).OrderBy(t => t.TargetYear).ToArray() : [];

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

    private KpiResult Judge(KpiDefinition kpi, RegionCode region, int year, TrackPlan plan, KpiInputs inputs, KpiInputs national, Dictionary<KpiTarget, (double?, bool)> baselines)
    {
        var target = ActiveTarget(plan.Milestones, year);
        var formula = kpi.FormulaFor(plan.Track);
        if (plan.Kind != TrackKind.Judged)
        {
            return Unjudged(kpi, formula, region, year, plan, target, inputs, national);
        }

        var result = new KpiResult
        {
            Kpi = kpi.Id,
            Region = region,
            Year = year,
            Track = plan.Track,
            Unit = kpi.Unit,
            BaselineYear = target.BaselineYear,
            TargetYear = target.TargetYear,
            Target = target.Modality == TargetModality.Qualitative ? null : target.Value,
            Modality = target.Modality,
            Binding = target.Binding,
            Nature = target.Nature,
            NatureSource = target.NatureSource,
            Graded = target.Graded,
            TargetOrigin = target.Origin,
            TargetSource = target.Source,
            TargetSourceUrl = target.SourceUrl,
            RateKind = formula.RateKind,
        };

        if (!formula.HasDataSource)
        {
            return result with { Status = KpiStatus.NoData, Note = "no data source yet: the product does not collect this KPI's raw data" };
        }

        return formula.Judgement switch
        {
            KpiJudgement.Peak => KpiSpecialRules.Peak(result, inputs, year, target, _options),
            KpiJudgement.Direction => KpiSpecialRules.CoalTrend(result, formula, inputs, year, target, _options),
            _ => JudgeOnPath(kpi, formula, result, inputs, year, target, baselines),
        };
    }

    /// <summary>
    /// A region the track's targets do not judge: its value is shown; under a national total, with its
    /// share of the national value and of the national change since the baseline; under a national
    /// rate, with the national path as a reference.
    /// </summary>
    private KpiResult Unjudged(KpiDefinition kpi, KpiFormula formula, RegionCode region, int year, TrackPlan plan, KpiTarget reference, KpiInputs inputs, KpiInputs national)
    {
        var y0 = reference.BaselineYear;
        var result = new KpiResult
        {
            Kpi = kpi.Id,
            Region = region,
            Year = year,
            Track = plan.Track,
            Unit = kpi.Unit,
            Value = formula.Value(inputs, year, y0),
            RateKind = formula.RateKind,
            Status = !formula.HasDataSource ? KpiStatus.NoData : plan.Kind == TrackKind.NotApplicable ? KpiStatus.NotApplicable : KpiStatus.NoTarget,
            ReferenceTarget = reference.Modality == TargetModality.Qualitative ? null : reference.Value,
            ReferenceTargetYear = reference.TargetYear,
        };

        if (formula.Judgement == KpiJudgement.Peak)
        {
            var outlook = PeakOutlook.Evaluate(inputs.History(Co2PeakFormula.Emissions, year), _options);
            result = result with { Value = outlook.PeakYear, Peak = outlook, ActualAnnualRate = outlook.RecentGrowth, Projected = outlook.ProjectedPeakYear };
        }

        if (plan.Kind == TrackKind.NotApplicable)
        {
            double? share = null, contribution = null;
            if (!region.IsNational && formula.Total(inputs, year) is { } mine && formula.Total(national, year) is { } all && all > 0)
            {
                share = mine / all * 100;
                if (formula.Total(inputs, y0) is { } mine0 && formula.Total(national, y0) is { } all0 && Math.Abs(all - all0) > 1e-9 * Math.Abs(all))
                {
                    contribution = (mine - mine0) / (all - all0) * 100;
                }
            }

            return result with
            {
                ShareOfNational = share,
                ContributionToNationalChange = contribution,
                Note = region.IsNational
                    ? "the target applies to each province (provincial grids), not to the national aggregate"
                    : "a national total target: it does not judge a province",
            };
        }

        // The national path in this year, drawn beside the province's own values as a reference.
        double? referenceExpected = null;
        if (kpi.PathShape == PathShape.Geometric && reference.Modality != TargetModality.Qualitative && year >= y0)
        {
            referenceExpected = Trajectory.GeometricReduction(reference.Value, y0, reference.TargetYear, year);
        }
        else if (formula.Judgement == KpiJudgement.Path && year >= y0 && Baseline(formula, national, y0).Value is { } nationalBaseline)
        {
            referenceExpected = Trajectory.Linear(nationalBaseline, reference.Value, y0, reference.TargetYear, year);
        }

        return result with { ReferenceExpected = referenceExpected, Note = "no provincial target: the national target is a reference, not this province's target" };
    }

    /// <summary>The baseline value; for stocks and inventory levels, interpolated when the year itself has no observation.</summary>
    private (double? Value, bool Estimated) Baseline(KpiFormula formula, KpiInputs inputs, int y0)
    {
        if (formula.Value(inputs, y0, y0) is { } observed)
        {
            return (observed, false);
        }

        if (!formula.BaselineMayBeInterpolated || _options.MaxBaselineGapYears < 2)
        {
            return (null, false);
        }

        for (var before = y0 - 1; before > y0 - _options.MaxBaselineGapYears; before--)
        {
            if (formula.Value(inputs, before, before) is not { } b)
            {
                continue;
            }

            for (var after = y0 + 1; after - before <= _options.MaxBaselineGapYears; after++)
            {
                if (formula.Value(inputs, after, after) is { } a)
                {
                    return (b + ((a - b) * (y0 - before) / (after - before)), true);
                }
            }

            break;
        }

        return (null, false);
    }

    private KpiResult JudgeOnPath(KpiDefinition kpi, KpiFormula formula, KpiResult result, KpiInputs inputs, int year, KpiTarget target, Dictionary<KpiTarget, (double?, bool)> baselines)
    {
        // Every exit copies the result once: this runs ~30,000 times for all KPIs × regions × years.
        var y0 = target.BaselineYear;
        var yT = target.TargetYear;
        var value = formula.Value(inputs, year, y0);
        if (!baselines.TryGetValue(target, out var known))
        {
            baselines[target] = known = Baseline(formula, inputs, y0);
        }

        var (baseline, estimated) = known;
        var noGrade = result.Binding ? AssessmentGrade.NotAssessable : (AssessmentGrade?)null;
        if (value is not { } a)
        {
            return result with { OfficialFigure = formula.IsOfficial(inputs, year, y0), BaselineValue = baseline, BaselineEstimated = estimated, Status = KpiStatus.NoData, Grade = noGrade, Note = "no data for this year" };
        }

        var t = target.Value;
        var sign = kpi.Direction == KpiDirection.HigherIsBetter ? 1 : -1;
        var tolerance = target.Modality == TargetModality.About ? Tolerance(kpi, t) : 0;
        var nominalMet = sign * (a - t) >= -1e-9;
        var withinBand = !nominalMet && tolerance > 0 && sign * (a - t) >= -tolerance - 1e-9;
        var (required, actual) = Rates(kpi, formula, inputs, year, target, a);
        if (nominalMet)
        {
            required = null; // Nothing is required of a target already met.
        }

        var projected = Project(kpi, formula, inputs, year, target);
        if (baseline is not { } b)
        {
            // Without a baseline there is no path; a value at or past the target is still a fact.
            if (nominalMet && year >= y0 && target.Modality != TargetModality.AtMost)
            {
                var (metScore, metGrade) = result.Graded ? Grade(sign, a, t, t, target, KpiStatus.OnTrack, onPathBand: true) : (null, null);
                return result with
                {
                    Value = value, ActualAnnualRate = actual, Status = year < yT ? KpiStatus.AchievedEarly : KpiStatus.OnTrack, Score = metScore, Grade = metGrade,
                    Note = $"no baseline ({y0} is missing), but the value already meets the target",
                };
            }

            return result with { Value = value, ActualAnnualRate = actual, Status = KpiStatus.NoData, Grade = noGrade, Note = $"no baseline: {y0} is missing" };
        }

        if (year < y0)
        {
            return result with
            {
                Value = value, BaselineValue = b, BaselineEstimated = estimated, RequiredAnnualRate = required, ActualAnnualRate = actual, Projected = projected,
                Note = $"before the baseline year {y0}: shown, not judged",
            };
        }

        var intensity = kpi.PathShape == PathShape.Geometric;

        // A target already met in the baseline year has no distance to cover: the path is the target itself.
        var metAtBaseline = sign * (b - t) >= 0;
        var expected = metAtBaseline ? t
            : intensity ? Trajectory.GeometricReduction(t, y0, yT, year)
            : Trajectory.Linear(b, t, y0, yT, year);
        var gap = sign * (a - expected);
        var onPathBand = gap >= -tolerance - 1e-9;
        KpiStatus status;
        if (target.Modality == TargetModality.AtMost)
        {
            status = nominalMet ? KpiStatus.OnTrack : KpiStatus.OffTrack;
        }
        else if (nominalMet)
        {
            status = year > y0 && year < yT ? KpiStatus.AchievedEarly : KpiStatus.OnTrack;
        }
        else if (withinBand)
        {
            status = KpiStatus.WithinTolerance;
        }
        else if (year >= yT)
        {
            status = KpiStatus.OffTrack;
        }
        else if (onPathBand)
        {
            status = KpiStatus.OnTrack;
        }
        else
        {
            // Behind the path: at risk while the required rate is within reach of the recent rate.
            status = required is { } r && actual is { } act && (act <= 0 || r > act * _options.AtRiskRateMultiple) ? KpiStatus.OffTrack : KpiStatus.AtRisk;
        }

        var (score, grade) = result.Graded ? Grade(sign, a, metAtBaseline ? t : b, expected, target, status, onPathBand || withinBand) : (null, null);
        return result with
        {
            Value = value,
            OfficialFigure = formula.IsOfficial(inputs, year, y0),
            BaselineValue = b,
            BaselineEstimated = estimated,
            RequiredAnnualRate = required,
            ActualAnnualRate = actual,
            Projected = projected,
            Expected = expected,
            Gap = gap,
            Progress = metAtBaseline ? null : Trajectory.Progress(a, b, t),
            Status = status,
            Score = score,
            Grade = grade,
            Note = estimated ? $"baseline {y0} estimated by interpolation between inventory years"
                : metAtBaseline ? $"target already met in the baseline year {y0}" : null,
        };
    }

    /// <summary>The required rate to reach the target from this year, and the actual recent rate, in the KPI's rate kind.</summary>
    private (double? Required, double? Actual) Rates(KpiDefinition kpi, KpiFormula formula, KpiInputs inputs, int year, KpiTarget target, double a)
    {
        var yearsLeft = target.TargetYear - year;
        var n = _options.RecentRateYears;
        var past = formula.Underlying(inputs, year - n, target.BaselineYear);
        var now = formula.Underlying(inputs, year, target.BaselineYear);
        if (kpi.PathShape == PathShape.Geometric)
        {
            double? actualDecline = past is { } p && now is { } c && p > 0 && c > 0 ? (1 - Math.Pow(c / p, 1.0 / n)) * 100 : null;
            return (Trajectory.RequiredAnnualDecline(a, target.Value, yearsLeft), actualDecline);
        }

        if (formula.RateKind == RateKind.AdditionsPerYear)
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
    private double? Project(KpiDefinition kpi, KpiFormula formula, KpiInputs inputs, int year, KpiTarget target)
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
            if (formula.Underlying(inputs, year, y0) is not { } now || formula.Underlying(inputs, year - n, y0) is not { } past
                || formula.Underlying(inputs, y0, y0) is not { } baseIntensity || past <= 0 || baseIntensity <= 0)
            {
                return null;
            }

            var projectedIntensity = now * Math.Pow(now / past, (double)(yT - year) / n);
            return (1 - (projectedIntensity / baseIntensity)) * 100;
        }

        var points = new List<(int Year, double Value)>(_options.ProjectionTrendYears);
        for (var y = year - _options.ProjectionTrendYears + 1; y <= year; y++)
        {
            if (formula.Value(inputs, y, y0) is { } v)
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
    private (double? Score, AssessmentGrade? Grade) Grade(int sign, double a, double b, double expected, KpiTarget target, KpiStatus status, bool onPathBand)
    {
        double? score;
        if (target.Modality == TargetModality.AtMost)
        {
            score = status == KpiStatus.OnTrack ? _options.CompletedScore : 0;
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
        if (onPathBand && score < _options.CompletedScore)
        {
            score = _options.CompletedScore;
        }

        if (target.Binding && status == KpiStatus.OffTrack)
        {
            return (score, AssessmentGrade.NotCompleted);
        }

        return (score, score is { } s ? GradeOf(s, _options) : null);
    }

    /// <summary>The grade a score earns (anchors.md §12e): ≥95 超额完成, ≥80 完成, ≥60 基本完成, else 未完成.</summary>
    public static AssessmentGrade GradeOf(double score, KpiJudgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return score >= options.ExceededScore ? AssessmentGrade.Exceeded
            : score >= options.CompletedScore ? AssessmentGrade.Completed
            : score >= options.BasicallyCompletedScore ? AssessmentGrade.BasicallyCompleted
            : AssessmentGrade.NotCompleted;
    }

    private double Score(double q) =>
        q >= 1
            ? Math.Min(100, _options.CompletedScore + ((100 - _options.CompletedScore) * (q - 1) / _options.FullScoreOverachievement))
            : Math.Max(0, _options.CompletedScore * q);
}
