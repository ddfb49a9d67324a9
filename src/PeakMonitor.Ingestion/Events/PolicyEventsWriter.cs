using System.Text;
using PeakMonitor.Domain.Events;

namespace PeakMonitor.Ingestion.Events;

/// <summary>
/// Writes the events file in the reader's format (<see cref="PolicyEventsReader"/>). The new file is
/// written beside the old one and moved over it, so a reader never sees half a file.
/// </summary>
public static class PolicyEventsWriter
{
    public static async Task WriteFileAsync(string path, IReadOnlyList<PolicyEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sb = new StringBuilder("date,title_zh,title_en,kind,source,document,note\n");
        foreach (var e in events.OrderBy(e => e.Date))
        {
            sb.AppendJoin(',', new[] { e.DateText, e.TitleZh, e.TitleEn, e.Kind.Id(), e.Source.AbsoluteUri, e.Document ?? string.Empty, e.Note ?? string.Empty }.Select(Field)).Append('\n');
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, sb.ToString(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>RFC 4180 quoting where a field needs it.</summary>
    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
