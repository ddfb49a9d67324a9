namespace PeakMonitor.Domain.Outlook;

/// <summary>
/// The outlook model's settings (configuration section <c>Outlook</c>): a moving-block bootstrap of
/// the annual changes (Künsch 1989, "The jackknife and the bootstrap for general stationary
/// observations", Ann. Statist. 17(3)). The defaults are product decisions, documented on the
/// methodology page: ten years of changes keep the sample close to the current regime while still
/// giving the bootstrap something to draw from; blocks of two years keep a year's change next to the
/// one after it, so a rebound after a bad year is drawn with it; 2,000 draws put the Monte Carlo
/// error of a probability under ±1.1 points (√(0.25/2000)).
/// </summary>
public sealed record OutlookOptions
{
    public const string SectionName = "Outlook";

    /// <summary>Annual changes looked back on, ending in the as-of year.</summary>
    public int WindowYears { get; init; } = 10;

    /// <summary>Consecutive changes drawn together (1 is the ordinary i.i.d. bootstrap).</summary>
    public int BlockLength { get; init; } = 2;

    /// <summary>Simulated paths per KPI and region.</summary>
    public int Draws { get; init; } = 2000;

    /// <summary>Seed of <see cref="System.Random"/>: the same seed and data give the same numbers.</summary>
    public int Seed { get; init; } = 20211024;

    /// <summary>Fewer annual changes than this in the window: no outlook ("not enough history").</summary>
    public int MinChanges { get; init; } = 3;

    /// <summary>The peak test's horizon when no deadline is given.</summary>
    public int PeakHorizonYear { get; init; } = 2030;

    /// <summary>Every problem at once, so a misconfiguration is fixed in one go.</summary>
    public IEnumerable<string> Validate()
    {
        if (WindowYears < 2)
        {
            yield return "Outlook:WindowYears must be ≥ 2.";
        }

        if (MinChanges < 2)
        {
            yield return "Outlook:MinChanges must be ≥ 2 (a bootstrap of one change is a straight line).";
        }

        if (MinChanges > WindowYears)
        {
            yield return "Outlook:MinChanges must not exceed Outlook:WindowYears.";
        }

        if (BlockLength < 1 || BlockLength > WindowYears)
        {
            yield return "Outlook:BlockLength must be between 1 and Outlook:WindowYears.";
        }

        if (Draws < 100 || Draws > 100_000)
        {
            yield return "Outlook:Draws must be between 100 and 100,000.";
        }

        if (PeakHorizonYear < 2000 || PeakHorizonYear > 2100)
        {
            yield return "Outlook:PeakHorizonYear must be between 2000 and 2100.";
        }
    }

    /// <summary>Throws with every problem when the options are invalid.</summary>
    public OutlookOptions Validated()
    {
        var problems = Validate().ToArray();
        return problems.Length == 0 ? this : throw new ArgumentException(string.Join(" ", problems));
    }
}
