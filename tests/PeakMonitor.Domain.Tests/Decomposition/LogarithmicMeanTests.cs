using FsCheck;
using FsCheck.Fluent;
using PeakMonitor.Domain.Decomposition;

namespace PeakMonitor.Domain.Tests.Decomposition;

public sealed class LogarithmicMeanTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(1147491.0)]
    [InlineData(1e-300)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    public void Of_EqualValues_TheValueItself(double a) => Assert.Equal(a, LogarithmicMean.Of(a, a));

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(-1.0, 1.0)]
    [InlineData(1.0, -5.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 1.0)]
    public void Of_ZeroNegativeOrNotFinite_Refused(double a, double b)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LogarithmicMean.Of(a, b));
        Assert.Contains("positive, finite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ZeroZero_Refused() => Assert.Throws<ArgumentOutOfRangeException>(() => LogarithmicMean.Of(0, 0));

    [Fact]
    public void Of_TwoAndOne_ClosedForm() => Assert.Equal(1 / Math.Log(2), LogarithmicMean.Of(2, 1), 15);

    [Theory]
    [InlineData(1e-13)]
    [InlineData(1e-9)]
    [InlineData(1e-6)]
    [InlineData(9.99e-4)]
    [InlineData(1.001e-3)]
    public void Of_NearlyEqual_AgreesWithHighPrecisionClosedForm(double relativeGap)
    {
        var a = 1000.0;
        var b = a * (1 + relativeGap);

        // Reference in decimal arithmetic (28 digits): L = (b − a)/ln(b/a) with ln(1+x) from its Taylor series.
        var x = (decimal)b / (decimal)a - 1m;
        decimal ln = 0, term = x;
        for (var k = 1; k < 30; k++)
        {
            ln += (k % 2 == 1 ? 1 : -1) * term / k;
            term *= x;
        }

        var expected = (double)(((decimal)b - (decimal)a) / ln);
        Assert.Equal(expected, LogarithmicMean.Of(a, b), expected * 1e-14);
    }

    [Fact]
    public void Of_NearMaxValue_FiniteAndBetweenTheValues()
    {
        var l = LogarithmicMean.Of(double.MaxValue, double.MaxValue / 2);

        Assert.True(double.IsFinite(l));
        Assert.InRange(l, double.MaxValue / 2, double.MaxValue);
    }

    [Fact]
    public void Of_ValuesFarApart_FiniteAndBetweenTheValues()
    {
        var l = LogarithmicMean.Of(1e300, 1e-300);

        Assert.True(double.IsFinite(l));
        Assert.InRange(l, 1e-300, 1e300);
    }

    private static readonly Gen<double> Positive =
        from mantissa in Gen.Choose(1, 1_000_000)
        from exponent in Gen.Choose(-6, 9)
        select mantissa * Math.Pow(10, exponent);

    [Fact]
    public void Of_AnyPair_SymmetricAndBetweenGeometricAndArithmeticMeans() =>
        Prop.ForAll(Positive.ToArbitrary(), Positive.ToArbitrary(), (a, b) =>
        {
            var l = LogarithmicMean.Of(a, b);
            var tolerance = 1e-12 * Math.Max(a, b);

            // The classic ordering √(ab) ≤ L(a, b) ≤ (a + b)/2, with equality only when a = b.
            return l == LogarithmicMean.Of(b, a)
                && l >= Math.Sqrt(a) * Math.Sqrt(b) - tolerance
                && l <= ((a / 2) + (b / 2)) + tolerance;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Of_AnyPair_TimesLogRatioGivesTheDifference() =>
        Prop.ForAll(Positive.ToArbitrary(), Positive.ToArbitrary(), (a, b) =>
            a == b || Math.Abs((LogarithmicMean.Of(a, b) * Math.Log(a / b)) - (a - b)) <= 1e-12 * Math.Max(a, b)).QuickCheckThrowOnFailure();
}
