using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using PeakMonitor.Ingestion.Csv;

namespace PeakMonitor.Ingestion.Import;

/// <summary>Rows of a CSV file as text cells with their line number, streamed within the limits (workbooks: <see cref="XlsxRows"/>).</summary>
internal static class RowSources
{
    public static async IAsyncEnumerable<(int Line, string[] Cells)> CsvAsync(TextReader text, List<CsvRowError> errors, ReadLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var file = limits.File;
        var options = limits.Options;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = args => errors.Add(new CsvRowError(file, args.Context.Parser?.RawRow ?? 0, "-", CanonicalLayout.Shorten(args.RawRecord), "malformed quoting")),
            DetectDelimiter = false,
            TrimOptions = TrimOptions.None,

            // A quoted field may run over many lines; the line limit alone would not bound it.
            MaxFieldSize = options.MaxLineChars,
        };
        using var lines = new LineLimitedReader(text, limits);
        using var parser = new CsvParser(lines, config);
        while (true)
        {
            bool more;
            try
            {
                more = await parser.ReadAsync().ConfigureAwait(false);
            }
            catch (MaxFieldSizeException)
            {
                throw limits.Refuse(parser.RawRow, "-", ReadLimits.Over("characters in one field", options.MaxLineChars + 1L, options.MaxLineChars, nameof(ImportOptions.MaxLineChars)) + " (already beyond it)");
            }

            if (!more)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (parser.Count > options.MaxColumns)
            {
                throw limits.Refuse(parser.RawRow, "-", ReadLimits.Over("fields on this line", parser.Count, options.MaxColumns, nameof(ImportOptions.MaxColumns)));
            }

            yield return (parser.RawRow, parser.Record ?? []);
        }
    }

    /// <summary>
    /// Passes text through, refusing a line longer than <see cref="ImportOptions.MaxLineChars"/> before the
    /// CSV parser buffers it: a file with no line breaks would otherwise be read into memory whole.
    /// </summary>
    private sealed class LineLimitedReader(TextReader inner, ReadLimits limits) : TextReader
    {
        private int _lineLength;
        private int _line = 1;

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            var c = inner.Read();
            if (c >= 0)
            {
                Count([(char)c]);
            }

            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = inner.Read(buffer);
            Count(buffer[..n]);
            return n;
        }

        public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Count(buffer.Span[..n]);
            return n;
        }

        private void Count(ReadOnlySpan<char> chars)
        {
            while (!chars.IsEmpty)
            {
                var newline = chars.IndexOf('\n');
                if (newline < 0)
                {
                    _lineLength += chars.Length;
                    break;
                }

                _lineLength += newline;
                Check();
                _lineLength = 0;
                _line++;
                chars = chars[(newline + 1)..];
            }

            Check();
        }

        private void Check()
        {
            if (_lineLength > limits.Options.MaxLineChars)
            {
                throw limits.Refuse(_line, "-", ReadLimits.Over("characters on this line", _lineLength, limits.Options.MaxLineChars, nameof(ImportOptions.MaxLineChars)) + " (counted so far)");
            }
        }
    }
}
