using PeakMonitor.Domain.Events;
using PeakMonitor.Ingestion.Events;
using PeakMonitor.TestKit;

namespace PeakMonitor.Ingestion.Tests.Events;

public sealed class PolicyEventsWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task WriteFileAsync_SeedEventsAndQuotedFields_ReadBackTheSame()
    {
        var seed = await PolicyEventsReader.ReadFileAsync(Path.Combine(Repository.Root, "seed-data", "events", "events.csv"), CancellationToken.None);
        var quoted = new PolicyEvent(new DateOnly(2030, 1, 2), "含\"引号\",和逗号", "With \"quotes\", and commas", PolicyEventKind.Rule, new Uri("https://example.org/a?b=1,2"), "文号", note: "line one");
        var path = Path.Combine(_dir.Path, "events.csv");

        await PolicyEventsWriter.WriteFileAsync(path, [.. seed, quoted], CancellationToken.None);
        var back = await PolicyEventsReader.ReadFileAsync(path, CancellationToken.None);

        static object Row(PolicyEvent e) => (e.DateText, e.TitleZh, e.TitleEn, e.Kind, e.Source, e.Document, e.Note, e.MonthOnly);
        Assert.Equal(seed.Append(quoted).Select(Row), back.Select(Row));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.tmp"));
    }
}
