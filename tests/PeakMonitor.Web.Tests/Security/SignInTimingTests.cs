using System.Diagnostics;
using System.Net;
using PeakMonitor.Accounts;
using PeakMonitor.Web.Tests.Shared;
using Xunit.Abstractions;

namespace PeakMonitor.Web.Tests.Security;

/// <summary>
/// Whether a user name exists must not show in how long a failed sign-in takes. A relative measure
/// (two medians of the same run, interleaved so that load on the machine falls on both), not a speed goal.
/// </summary>
public sealed class SignInTimingTests(SeededInflux seeded, ITestOutputHelper output) : IClassFixture<SeededInflux>
{
    private const int Samples = 30;

    [Fact]
    public async Task SignIn_UnknownUserAndWrongPassword_MediansWithinTwentyPercent()
    {
        await using var factory = seeded.Factory(new Dictionary<string, string?> { ["Accounts:MaxFailedSignIns"] = "100" });
        var (name, _) = await factory.AddUserAsync(Roles.Viewer);
        using var http = factory.CreateClient();
        var token = PeakMonitorWebFactory.AntiforgeryToken(await http.GetStringAsync(new Uri("/login", UriKind.Relative)));

        async Task<double> AttemptAsync(string user)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.UserName"] = user,
                ["Input.Password"] = "Wrong-password-" + Guid.NewGuid().ToString("N")[..8],
            });
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync(new Uri("/login", UriKind.Relative), form);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return elapsed;
        }

        for (var i = 0; i < 3; i++)
        {
            await AttemptAsync(name);
            await AttemptAsync("nobody-" + i);
        }

        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            // Alternate which goes first, so neither always follows the other's database write.
            if (i % 2 == 0)
            {
                unknown.Add(await AttemptAsync("nobody-" + Guid.NewGuid().ToString("N")[..10]));
                wrong.Add(await AttemptAsync(name));
            }
            else
            {
                wrong.Add(await AttemptAsync(name));
                unknown.Add(await AttemptAsync("nobody-" + Guid.NewGuid().ToString("N")[..10]));
            }
        }

        var (u, w) = (Median(unknown), Median(wrong));
        output.WriteLine($"median of {Samples}: unknown user {u:F1} ms, wrong password {w:F1} ms, ratio {Math.Max(u, w) / Math.Min(u, w):F2}");
        Assert.True(Math.Max(u, w) <= 1.2 * Math.Min(u, w), $"unknown user {u:F1} ms vs wrong password {w:F1} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }
}
