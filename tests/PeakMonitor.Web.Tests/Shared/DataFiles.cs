using System.Globalization;
using System.Text;
using PeakMonitor.Domain.Regions;

namespace PeakMonitor.Web.Tests.Shared;

/// <summary>Large valid data files, written by the test (nothing big is committed).</summary>
internal static class DataFiles
{
    private static readonly string[] Capacities = ["cap_wind", "cap_solar", "cap_hydro", "cap_pumped_hydro", "cap_new_storage", "cap_nuclear", "cap_thermal", "peak_load", "dr_capacity"];

    /// <summary>The most rows <see cref="CanonicalCsv"/> can write with distinct keys: 32 regions × every month 1949–2100 × 9 capacity indicators.</summary>
    public const int MaxRows = 32 * 152 * 12 * 9;

    /// <summary>A canonical CSV of <paramref name="rows"/> distinct monthly capacities in GW (about 58 bytes a row).</summary>
    public static string CanonicalCsv(string path, int rows)
    {
        if (rows > MaxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"at most {MaxRows} rows have distinct keys");
        }

        var regions = RegionCatalog.All.Select(r => r.Code.Value).ToArray();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("region,indicator,period,value,unit,source\n");
        var written = 0;
        foreach (var indicator in Capacities)
        {
            for (var month = 0; month < 152 * 12; month++)
            {
                foreach (var region in regions)
                {
                    if (written++ == rows)
                    {
                        return path;
                    }

                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{region},{indicator},{1949 + (month / 12)}-{(month % 12) + 1:D2},{(written % 997) + 0.5},GW,test\n"));
                }
            }
        }

        return path;
    }
}
