namespace PeakMonitor.Domain.Kpis;

/// <summary>
/// A region's overall 考核 grade for a year, from its KPI results (anchors.md §12e): the mean score of
/// its graded, binding targets; any of them off track vetoes it to 未完成 (否决); and when any binding
/// target lacks the data to be judged, no grade is given at all: 无法评定（数据不全）, listing what is
/// missing. A region without binding targets of its own is not graded.
/// </summary>
public sealed record KpiAssessment(AssessmentGrade? Grade, double? Score, IReadOnlyList<KpiResult> Vetoes, IReadOnlyList<KpiResult> Missing, IReadOnlyList<KpiResult> Binding)
{
    public static KpiAssessment Of(IEnumerable<KpiResult> results, KpiJudgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var binding = results.Where(r => r.Binding && r.Graded && r.Status is not null).ToArray();
        var missing = binding.Where(r => r.Status == KpiStatus.NoData || r.Grade == AssessmentGrade.NotAssessable).ToArray();
        var vetoes = binding.Where(r => r.Status == KpiStatus.OffTrack).ToArray();
        var scores = binding.Select(r => r.Score).OfType<double>().ToArray();
        double? score = scores.Length > 0 ? scores.Average() : null;
        var grade = binding.Length == 0 ? (AssessmentGrade?)null
            : missing.Length > 0 ? AssessmentGrade.NotAssessable
            : vetoes.Length > 0 ? AssessmentGrade.NotCompleted
            : score is { } s ? KpiEngine.GradeOf(s, options)
            : AssessmentGrade.NotAssessable;
        return new KpiAssessment(grade, missing.Length > 0 ? null : score, vetoes, missing, binding);
    }
}
