using FsCheck;
using FsCheck.Fluent;
using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Kpis;

namespace PeakMonitor.Domain.Tests.Kpis;

public sealed class TrajectoryPropertyTests
{
    private static readonly Gen<(double B, double T, int Y0, int Span)> Paths =
        from b in Gen.Choose(-100_000, 100_000)
        from t in Gen.Choose(-100_000, 100_000)
        from y0 in Gen.Choose(2000, 2030)
        from span in Gen.Choose(1, 30)
        select (b / 100.0, t / 100.0, y0, span);

    [Fact]
    public void Linear_AnyPath_PassesThroughBaselineAndTarget() =>
        Prop.ForAll(Paths.ToArbitrary(), p =>
            Math.Abs(Trajectory.Linear(p.B, p.T, p.Y0, p.Y0 + p.Span, p.Y0) - p.B) < 1e-9
            && Trajectory.Linear(p.B, p.T, p.Y0, p.Y0 + p.Span, p.Y0 + p.Span) == p.T).QuickCheckThrowOnFailure();

    [Fact]
    public void GeometricReduction_AnyTarget_ZeroAtBaselineTargetAtTargetYear() =>
        Prop.ForAll(Gen.Choose(1, 9_900).Select(x => x / 100.0).ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (target, span) =>
            Math.Abs(Trajectory.GeometricReduction(target, 2005, 2005 + span, 2005)) < 1e-9
            && Trajectory.GeometricReduction(target, 2005, 2005 + span, 2005 + span) == target).QuickCheckThrowOnFailure();

    [Fact]
    public void Progress_HigherActual_MovesTowardTargetInTheKpisDirection() =>
        Prop.ForAll(Paths.ToArbitrary(), Gen.Choose(-100_000, 100_000).ToArbitrary(), Gen.Choose(0, 100_000).ToArbitrary(), (p, a, step) =>
        {
            if (p.T == p.B)
            {
                return true;
            }

            var lower = Trajectory.Progress(a / 100.0, p.B, p.T)!.Value;
            var higher = Trajectory.Progress((a + step) / 100.0, p.B, p.T)!.Value;

            // An ↑ KPI (target above baseline) progresses as the value rises; a ↓ KPI as it falls.
            return p.T > p.B ? higher >= lower : higher <= lower;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void UnitConversion_EveryAcceptedUnit_RoundTrips()
    {
        var pairs = IndicatorCatalog.All.SelectMany(i => i.AcceptedUnits.Select(u => (Indicator: i, Unit: u))).ToArray();
        Prop.ForAll(Gen.Elements(pairs).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (pair, mantissa, scale) =>
        {
            var value = new decimal(mantissa, 0, 0, false, (byte)scale);
            return pair.Indicator.TryToCanonical(value, pair.Unit, out var canonical)
                && pair.Indicator.TryFromCanonical(canonical, pair.Unit, out var back)
                && back == value;
        }).QuickCheckThrowOnFailure();
    }
}
