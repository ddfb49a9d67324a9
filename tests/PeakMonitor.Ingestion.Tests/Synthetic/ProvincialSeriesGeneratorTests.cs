using PeakMonitor.Domain.Indicators;
using PeakMonitor.Domain.Regions;
using PeakMonitor.Domain.Series;
using PeakMonitor.Ingestion.Synthetic;

namespace PeakMonitor.Ingestion.Tests.Synthetic;

public sealed class ProvincialSeriesGeneratorTests
{
    private const int Seed = ProvincialSeriesGenerator.DefaultSeed;

    private static readonly string[] ProvinceCodes = [.. RegionCatalog.Provinces.Select(r => r.Code.Value)];

    private static IEnumerable<Observation> Annual(IEnumerable<Observation> rows) =>
        rows.Where(o => o.Period.Frequency == Frequency.Annual && o.Sector == SectorId.All);

    private static double Value(IEnumerable<Observation> rows, string indicator, string region, string period, string sector = "all") =>
        rows.Single(o => o.Indicator.Value == indicator && o.Region.Value == region && o.Period.ToString() == period && o.Sector.Value == sector).Value;

    [Fact]
    public void Generate_SameNationalAndSeed_IdenticalObservations()
    {
        var again = ProvincialSeriesGenerator.Generate(SeedData.National, Seed);

        Assert.Equal(SeedData.Generated.Count, again.Count);
        Assert.True(SeedData.Generated.SequenceEqual(again));
    }

    [Fact]
    public void Generate_OtherSeed_OtherProvincialValuesSameNationalSums()
    {
        var other = ProvincialSeriesGenerator.Generate(SeedData.National, Seed + 1);

        Assert.NotEqual(Value(SeedData.Generated, "energy_coal", "14", "2020"), Value(other, "energy_coal", "14", "2020"));
        var national = Value(SeedData.National, "energy_total", "CN", "2020");
        var sum = Annual(other).Where(o => o.Indicator.Value == "energy_total" && o.Period.Year == 2020 && !o.Region.IsNational).Sum(o => o.Value);
        Assert.InRange(sum / national, 1 - ProvincialSeriesGenerator.SumTolerance, 1 + ProvincialSeriesGenerator.SumTolerance);
    }

    [Fact]
    public void Generate_AdditiveIndicators_ProvincialSumsWithinToleranceOfNational()
    {
        var nationalRows = SeedData.National.Concat(Annual(SeedData.Generated).Where(o => o.Region.IsNational))
            .ToDictionary(o => (o.Indicator.Value, o.Period.Year), o => o.Value);
        var sums = Annual(SeedData.Generated).Where(o => !o.Region.IsNational)
            .GroupBy(o => (o.Indicator.Value, o.Period.Year))
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
        var checkedYears = new Dictionary<string, int>();

        foreach (var indicator in ProvincialSeriesGenerator.AdditiveIndicators.Select(i => i.Value))
        {
            for (var year = ProvincialSeriesGenerator.FirstYear; year <= ProvincialSeriesGenerator.LastYear; year++)
            {
                if (!nationalRows.TryGetValue((indicator, year), out var national) || national == 0)
                {
                    continue;
                }

                var deviation = (sums[(indicator, year)] / national) - 1;
                Assert.True(Math.Abs(deviation) <= ProvincialSeriesGenerator.SumTolerance, $"{indicator} {year}: provinces sum to {deviation:P2} off the national value");
                checkedYears[indicator] = checkedYears.GetValueOrDefault(indicator) + 1;
            }
        }

        Assert.Equal(ProvincialSeriesGenerator.AdditiveIndicators.Count, checkedYears.Count);
        Assert.Equal(20, checkedYears["energy_total"]);
        Assert.Equal(21, checkedYears["peak_load"]);
        Assert.Equal(7, checkedYears["forest_stock"]);
    }

    [Fact]
    public void Generate_ProvincialSums_NotForcedEqualToNational()
    {
        var national = Value(SeedData.National, "gdp_real", "CN", "2015");
        var sum = Annual(SeedData.Generated).Where(o => o.Indicator.Value == "gdp_real" && o.Period.Year == 2015 && !o.Region.IsNational).Sum(o => o.Value);

        Assert.True(Math.Abs(national - sum) > 0.5, "the provinces should not add up to the national value exactly");
    }

    [Fact]
    public void Generate_EveryRow_SourceSyntheticAndNoteNamesGeneratorAndSeed()
    {
        Assert.All(SeedData.Generated, o =>
        {
            Assert.Equal("synthetic", o.Source);
            Assert.StartsWith("PeakMonitor synthetic generator v2, seed 2030", o.Note, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Generate_EveryValue_NonNegativeAndPercentagesAtMost100()
    {
        Assert.All(SeedData.Generated, o => Assert.True(o.Value >= 0, $"{o.Region} {o.Indicator} {o.Period} is negative"));
        Assert.All(SeedData.Generated.Where(o => o.Unit == "%"), o => Assert.InRange(o.Value, 0, 100));
    }

    [Fact]
    public void Generate_AnnualIndicators_EveryProvinceEveryYearWhereNationalStarts()
    {
        var annual = Annual(SeedData.Generated).ToLookup(o => o.Indicator.Value);
        foreach (var indicator in new[] { "energy_total", "energy_coal", "energy_nonfossil", "co2_energy", "gdp_real", "population", "cap_wind", "peak_load", "forest_coverage", "forest_stock" })
        {
            var rows = annual[indicator].Where(o => !o.Region.IsNational).ToList();
            Assert.Equal(ProvinceCodes.Length * 21, rows.Count);
            Assert.Equal(ProvinceCodes, rows.Select(o => o.Region.Value).Distinct().Order(StringComparer.Ordinal));
        }

        Assert.Equal(Enumerable.Range(2010, 16), annual["cap_solar"].Select(o => o.Period.Year).Distinct().Order());
        Assert.Equal(Enumerable.Range(2018, 8), annual["cap_new_storage"].Select(o => o.Period.Year).Distinct().Order());
    }

    [Fact]
    public void Generate_ProvincialEnergyMix_SourcesAddUpToTotal()
    {
        var annual = Annual(SeedData.Generated).Where(o => !o.Region.IsNational).ToDictionary(o => (o.Indicator.Value, o.Region.Value, o.Period.Year), o => o.Value);
        foreach (var code in ProvinceCodes)
        {
            for (var year = ProvincialSeriesGenerator.FirstYear; year <= ProvincialSeriesGenerator.LastYear; year++)
            {
                var parts = new[] { "energy_coal", "energy_oil", "energy_gas", "energy_nonfossil" }.Sum(i => annual[(i, code, year)]);
                Assert.Equal(annual[("energy_total", code, year)], parts, 0.011);
            }
        }
    }

    [Fact]
    public void Generate_Profiles_CoalHeavyAndHydroRichProvincesDiffer()
    {
        double Share(string indicator, string code) => Value(SeedData.Generated, indicator, code, "2024") / Value(SeedData.Generated, "energy_total", code, "2024");

        Assert.True(Share("energy_coal", "14") > 0.7, "Shanxi burns mostly coal");
        Assert.True(Share("energy_nonfossil", "53") > 0.4, "Yunnan runs on hydro");
        Assert.True(Share("energy_coal", "11") < 0.05, "Beijing phased out coal");
        Assert.True(Value(SeedData.Generated, "forest_coverage", "35", "2020") > 60, "Fujian is the most forested");
        Assert.True(Value(SeedData.Generated, "forest_coverage", "65", "2020") < 8, "Xinjiang is mostly desert");
    }

    [Fact]
    public void Generate_SectorSeries_IndustrySubSectorsWithinIndustryTopLevelWithinTotal()
    {
        var totals = SeedData.National.Concat(Annual(SeedData.Generated)).Where(o => o.Sector == SectorId.All && o.Period.Frequency == Frequency.Annual)
            .ToDictionary(o => (o.Indicator.Value, o.Region.Value, o.Period.Year), o => o.Value);
        var sectors = SeedData.Generated.Where(o => o.Sector != SectorId.All)
            .GroupBy(o => (o.Indicator.Value, o.Region.Value, o.Period.Year))
            .ToList();

        Assert.Equal(32, sectors.Select(g => g.Key.Item2).Distinct().Count());
        Assert.All(sectors, g =>
        {
            var by = g.ToDictionary(o => o.Sector.Value, o => o.Value);
            Assert.Equal(8, by.Count);
            var industryParts = by.Where(p => p.Key.StartsWith("industry.", StringComparison.Ordinal)).Sum(p => p.Value);
            Assert.True(industryParts <= by["industry"], $"{g.Key}: industry sub-sectors exceed industry");
            Assert.True(by["industry"] + by["power"] + by["buildings"] + by["transport"] <= totals[g.Key], $"{g.Key}: sectors exceed the total");
        });
    }

    [Fact]
    public void Generate_MonthlyCapacities_RiseToDecemberEqualToAnnual()
    {
        var annual = Annual(SeedData.Generated).ToDictionary(o => (o.Indicator.Value, o.Region.Value, o.Period.Year), o => o.Value);
        var monthly = SeedData.Generated.Where(o => o.Period.Frequency == Frequency.Monthly).ToList();

        Assert.Equal(ProvinceCodes.Length * 3 * 60, monthly.Count);
        Assert.Equal(Period.OfMonth(2021, 1), monthly.Min(o => o.Period));
        Assert.Equal(Period.OfMonth(2025, 12), monthly.Max(o => o.Period));
        Assert.All(monthly.Where(o => o.Period.Month == 12), o => Assert.Equal(annual[(o.Indicator.Value, o.Region.Value, o.Period.Year)], o.Value));
        foreach (var series in monthly.GroupBy(o => (o.Indicator.Value, o.Region.Value, o.Period.Year)))
        {
            var start = annual[(series.Key.Item1, series.Key.Item2, series.Key.Item3 - 1)];
            var end = annual[(series.Key.Item1, series.Key.Item2, series.Key.Item3)];
            var values = series.OrderBy(o => o.Period).Select(o => o.Value).ToArray();
            Assert.All(values, v => Assert.InRange(v, Math.Min(start, end) - 0.01, Math.Max(start, end) + 0.01));
            Assert.True(values.Zip(values.Skip(1)).All(p => end >= start ? p.Second >= p.First : p.Second <= p.First), $"{series.Key} is not monotonic");
        }
    }

    [Fact]
    public void MonthlyFeed_SameArguments_IdenticalObservations()
    {
        var first = ProvincialSeriesGenerator.MonthlyFeed(2026, 3, Seed);
        var second = ProvincialSeriesGenerator.MonthlyFeed(2026, 3, Seed);

        Assert.True(first.SequenceEqual(second));
        Assert.NotEqual(first.Select(o => o.Value), ProvincialSeriesGenerator.MonthlyFeed(2026, 3, Seed + 1).Select(o => o.Value));
    }

    [Fact]
    public void MonthlyFeed_OneMonth_FiveIndicatorsForEveryProvince()
    {
        var feed = ProvincialSeriesGenerator.MonthlyFeed(2024, 7, Seed);

        Assert.Equal(ProvinceCodes.Length * 5, feed.Count);
        Assert.All(feed, o =>
        {
            Assert.Equal(Period.OfMonth(2024, 7), o.Period);
            Assert.Equal("synthetic", o.Source);
            Assert.Equal(ProvincialSeriesGenerator.Note(Seed), o.Note);
        });
        Assert.Equal(new[] { "cap_new_storage", "cap_solar", "cap_wind", "gen_solar", "gen_wind" }, feed.Select(o => o.Indicator.Value).Distinct().Order(StringComparer.Ordinal));
        var nationalWind = feed.Where(o => o.Indicator.Value == "gen_wind").Sum(o => o.Value);
        Assert.InRange(nationalWind, 400, 1_200); // 100m kWh: China's wind output in a summer month of 2024 was ~700
    }

    [Fact]
    public void MonthlyFeed_December2021To2025_EqualsAnnualValueOfGenerate()
    {
        var annual = Annual(SeedData.Generated).ToDictionary(o => (o.Indicator.Value, o.Region.Value, o.Period.Year), o => o.Value);
        for (var year = 2021; year <= 2025; year++)
        {
            var stocks = ProvincialSeriesGenerator.MonthlyFeed(year, 12, Seed).Where(o => o.Indicator.Value.StartsWith("cap_", StringComparison.Ordinal)).ToList();

            Assert.Equal(ProvinceCodes.Length * 3, stocks.Count);
            Assert.All(stocks, o => Assert.Equal(annual[(o.Indicator.Value, o.Region.Value, year)], o.Value));
        }
    }

    [Fact]
    public void MonthlyFeed_MonthsOfGenerate_SameValues()
    {
        var monthly = SeedData.Generated.Where(o => o.Period == Period.OfMonth(2023, 5)).ToList();
        var feed = ProvincialSeriesGenerator.MonthlyFeed(2023, 5, Seed).Where(o => o.Indicator.Value.StartsWith("cap_", StringComparison.Ordinal)).ToList();

        Assert.Equal(monthly, feed);
    }

    [Fact]
    public void MonthlyFeed_AfterSeedYears_CapacitiesKeepGrowing()
    {
        double NationalDecember(int year, string indicator) =>
            ProvincialSeriesGenerator.MonthlyFeed(year, 12, Seed).Where(o => o.Indicator.Value == indicator).Sum(o => o.Value);

        foreach (var indicator in new[] { "cap_wind", "cap_solar", "cap_new_storage" })
        {
            var decembers = Enumerable.Range(2025, 6).Select(y => NationalDecember(y, indicator)).ToArray();
            Assert.True(decembers.Zip(decembers.Skip(1)).All(p => p.Second > p.First), $"{indicator} stops growing after 2025");
            Assert.True(decembers[^1] < decembers[0] * 3, $"{indicator} grows implausibly fast after 2025");
        }
    }

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    [InlineData(2004, 6)]
    [InlineData(2101, 1)]
    public void MonthlyFeed_PeriodOutOfRange_Throws(int year, int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvincialSeriesGenerator.MonthlyFeed(year, month, Seed));
    }

    [Fact]
    public void Generate_NoNationalSeries_OnlyProfileLevels()
    {
        var generated = ProvincialSeriesGenerator.Generate([], Seed);

        Assert.Equal(new[] { "forest_coverage" }, generated.Select(o => o.Indicator.Value).Distinct());
        Assert.Equal(ProvinceCodes.Length * 21, generated.Count);
    }

    private static Observation Official(string indicator, string region, Period period, double value) =>
        new(IndicatorId.Parse(indicator), RegionCode.Parse(region), SectorId.All, period, value, "test table", "found at http://example.test");

    [Fact]
    public void Generate_WithOfficialFigures_LeavesTheirKeysOutAndCapacityPassesThroughThem()
    {
        // Xinjiang solar far above its profile in 2014, Zhejiang population as published in 2023.
        var official = new[] { Official("cap_solar", "65", Period.OfYear(2014), 326), Official("population", "33", Period.OfYear(2023), 6627) };

        var generated = ProvincialSeriesGenerator.Generate(SeedData.National, official, Seed);

        Assert.DoesNotContain(generated, o => o.Region.Value == "65" && o.Indicator.Value == "cap_solar" && o.Period == Period.OfYear(2014));
        Assert.DoesNotContain(generated, o => o.Region.Value == "33" && o.Indicator.Value == "population" && o.Period == Period.OfYear(2023));
        var before = Value(generated, "cap_solar", "65", "2013");
        var after = Value(generated, "cap_solar", "65", "2015");
        Assert.InRange(before, 0, 326);
        Assert.True(after >= 326, $"Xinjiang solar falls after the published 326 (2015: {after})");
    }

    [Fact]
    public void Generate_ProvinceWithOfficialShare_FollowsItsOwnLevelNotTheProfile()
    {
        var plain = Value(SeedData.Generated, "gdp_real", "54", "2022");
        var official = new[]
        {
            Official("gdp_nominal", "CN", Period.OfYear(2023), 1_260_582),
            Official("gdp_nominal", "54", Period.OfYear(2023), 2 * 1_260_582 * plain / SeedData.National.Single(o => o.Indicator.Value == "gdp_real" && o.Period == Period.OfYear(2022)).Value),
        };

        var anchored = Value(ProvincialSeriesGenerator.Generate(SeedData.National, official, Seed), "gdp_real", "54", "2022");

        // Tibet published at twice its synthetic share: its synthetic series moves to about twice its level, years before included.
        Assert.InRange(anchored / plain, 1.8, 2.2);
    }

    [Fact]
    public void Generate_PublishedEnergyGrowth_ProvinceStepFollowsItNotTheNation()
    {
        // Hubei's energy use fell 6.1% in 2020 and Zhejiang's rose 10.1% (2020 bulletin), against +2.2% nationally.
        var official = new[] { Official("energy_total_change", "42", Period.OfYear(2020), -6.1), Official("energy_total_change", "33", Period.OfYear(2020), 10.1) };

        var generated = ProvincialSeriesGenerator.Generate(SeedData.National, official, Seed);

        double Step(string region) => (Value(generated, "energy_total", region, "2020") / Value(generated, "energy_total", region, "2019") - 1) * 100;
        // The seeded noise of a provincial share (±3%, smooth) is what is left.
        Assert.InRange(Step("42"), -6.1 - 3.5, -6.1 + 3.5);
        Assert.InRange(Step("33"), 10.1 - 3.5, 10.1 + 3.5);
    }
}
