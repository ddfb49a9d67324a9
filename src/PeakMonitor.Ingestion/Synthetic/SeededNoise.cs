using Bogus;

namespace PeakMonitor.Ingestion.Synthetic;

/// <summary>
/// Seeded randomness that does not depend on the order of calls: every stream is keyed by
/// (seed, name, region, index), so a month of the live feed gets the same numbers whether or not
/// the years before it were generated in the same run.
/// </summary>
internal static class SeededNoise
{
    /// <summary>A Bogus randomizer for one key. <see cref="string.GetHashCode()"/> is randomised per process, so keys are hashed with FNV-1a.</summary>
    public static Randomizer For(int seed, string stream, string region, int index = 0) => new(Hash(seed, stream, region, index));

    /// <summary>
    /// A smooth multiplicative disturbance around 1 for any (fractional) year: two slow sines with
    /// seeded periods and phases, together never more than <paramref name="amplitude"/> away from 1.
    /// Smooth, so series keep their trend instead of jumping from year to year.
    /// </summary>
    public static double Smooth(int seed, string stream, string region, double year, double amplitude)
    {
        if (amplitude <= 0)
        {
            return 1;
        }

        var random = For(seed, stream, region);
        var slow = random.Double(0.5, 0.8) * amplitude;
        var fast = amplitude - slow;
        var slowPeriod = random.Double(8, 14);
        var fastPeriod = random.Double(4, 6);
        var slowPhase = random.Double(0, 2 * Math.PI);
        var fastPhase = random.Double(0, 2 * Math.PI);
        return 1
            + (slow * Math.Sin((2 * Math.PI * year / slowPeriod) + slowPhase))
            + (fast * Math.Sin((2 * Math.PI * year / fastPeriod) + fastPhase));
    }

    /// <summary>A uniform value in [<paramref name="min"/>, <paramref name="max"/>) for one key.</summary>
    public static double Uniform(int seed, string stream, string region, int index, double min, double max) =>
        For(seed, stream, region, index).Double(min, max);

    private static int Hash(int seed, string stream, string region, int index)
    {
        unchecked
        {
            var h = 2166136261u;
            void Add(uint value)
            {
                for (var i = 0; i < 4; i++)
                {
                    h ^= (value >> (8 * i)) & 0xFF;
                    h *= 16777619u;
                }
            }

            Add((uint)seed);
            foreach (var c in stream)
            {
                Add(c);
            }

            Add(0xFFFF);
            foreach (var c in region)
            {
                Add(c);
            }

            Add((uint)index);
            return (int)h;
        }
    }
}
