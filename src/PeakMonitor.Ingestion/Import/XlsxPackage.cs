using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace PeakMonitor.Ingestion.Import;

/// <summary>
/// The zip archive of an .xlsx workbook, opened so that no part can cost more than the limits allow: the
/// archive's directory is checked before it is read (its size, then every part's declared size and
/// compression ratio), and every part is decompressed through a stream that enforces the declared size,
/// the total budget and a bound on any single XML node. Parts are read as XML without DTDs or external
/// resources. Not <c>System.IO.Packaging</c>: it loads the directory and the content types without limits.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    /// <summary>An .xlsx holds a dozen parts; a directory this large is not a workbook.</summary>
    private const int MaxDirectoryBytes = 1 << 20;

    /// <summary>Parts below this size are not judged by their ratio: tiny XML compresses well and costs nothing.</summary>
    private const long RatioGraceBytes = 1 << 20;

    /// <summary>
    /// The longest run of bytes between two '&lt;' in a part: bounds every tag, attribute and text node, which
    /// <see cref="XmlReader"/> would otherwise buffer whole (a cell's 32,767 characters need at most 128 KB).
    /// </summary>
    private const int MaxNodeBytes = 1 << 20;

    private readonly ZipArchive _zip;
    private readonly ReadLimits _limits;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private long _decompressed;

    private XlsxPackage(ZipArchive zip, ReadLimits limits)
    {
        _zip = zip;
        _limits = limits;
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            // Part names are case-insensitive (ECMA-376 part 2, §9.1.1.1); the first of two equal names wins.
            _entries.TryAdd(entry.FullName.TrimStart('/'), entry);
        }
    }

    public static XlsxPackage Open(Stream stream, ReadLimits limits)
    {
        CheckDirectorySize(stream, limits);
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            var options = limits.Options;
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > RatioGraceBytes && entry.Length > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw limits.Refuse(0, "-", ReadLimits.Over(string.Create(CultureInfo.InvariantCulture, $"part {Shown(entry.FullName)} would expand {entry.Length:#,0} bytes from {entry.CompressedLength:#,0}: its compression ratio"), (double)entry.Length / Math.Max(1, entry.CompressedLength), options.MaxCompressionRatio, nameof(ImportOptions.MaxCompressionRatio)));
                }
            }

            if (declared > options.MaxUncompressedBytes)
            {
                throw limits.Refuse(0, "-", ReadLimits.Over("the workbook's parts, uncompressed, in bytes:", declared, options.MaxUncompressedBytes, nameof(ImportOptions.MaxUncompressedBytes)));
            }

            return new XlsxPackage(zip, limits);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public bool Has(string part) => _entries.ContainsKey(part);

    /// <summary>A part as XML, or null if the archive has no such part.</summary>
    public XmlReader? OpenXml(string part)
    {
        if (!_entries.TryGetValue(part, out var entry))
        {
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        return XmlReader.Create(new PartStream(entry.Open(), entry.Length, this, part), settings);
    }

    public void Dispose() => _zip.Dispose();

    private void Count(int bytes, string part)
    {
        _decompressed += bytes;
        if (_decompressed > _limits.Options.MaxUncompressedBytes)
        {
            throw _limits.Refuse(0, "-", ReadLimits.Over($"the workbook's parts, uncompressed, in bytes (while reading {Shown(part)}):", _decompressed, _limits.Options.MaxUncompressedBytes, nameof(ImportOptions.MaxUncompressedBytes)));
        }
    }

    /// <summary>
    /// The end-of-central-directory record (APPNOTE.TXT 4.3.16) names the directory's size; it is checked
    /// before <see cref="ZipArchive"/> reads the directory into memory, entry by entry.
    /// </summary>
    private static void CheckDirectorySize(Stream stream, ReadLimits limits)
    {
        const int RecordSize = 22;
        var tailLength = (int)Math.Min(stream.Length, RecordSize + ushort.MaxValue);
        var tail = new byte[tailLength];
        stream.Position = stream.Length - tailLength;
        stream.ReadExactly(tail);
        stream.Position = 0;
        for (var i = tailLength - RecordSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != 0x06054b50)
            {
                continue;
            }

            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i + 12));
            if (size > MaxDirectoryBytes || entries == ushort.MaxValue)
            {
                throw limits.Refuse(0, "-", string.Create(CultureInfo.InvariantCulture, $"the archive's directory lists {(entries == ushort.MaxValue ? "65,535 or more" : entries.ToString("#,0", CultureInfo.InvariantCulture))} parts in {size:#,0} bytes: not a workbook (at most {MaxDirectoryBytes:#,0} bytes)"));
            }

            return;
        }

        throw new InvalidDataException("the zip archive has no end-of-central-directory record");
    }

    /// <summary>A part name quoted back only as far as it is plainly a name (a hostile name is not echoed whole).</summary>
    private static string Shown(string part) => part.Length <= 80 && !part.Any(char.IsControl) ? part : new string(part.Take(40).Where(c => !char.IsControl(c)).ToArray()) + "…";

    /// <summary>One part, decompressed: never more than it declared, within the budget, no XML node longer than <see cref="MaxNodeBytes"/>.</summary>
    private sealed class PartStream(Stream inner, long declared, XlsxPackage package, string part) : Stream
    {
        private long _read;
        private int _sinceTagOpen;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > declared)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"part {Shown(part)} holds more than the {declared:#,0} bytes the archive's directory declares"));
            }

            package.Count(n, part);
            var span = buffer[..n];
            var last = span.LastIndexOf((byte)'<');
            if (last < 0)
            {
                _sinceTagOpen += n;
            }
            else
            {
                var first = span.IndexOf((byte)'<');
                // Gaps inside one read are shorter than the read; only a read longer than the bound can hide one.
                if (_sinceTagOpen + first > MaxNodeBytes || (n > MaxNodeBytes && LongestGap(span[first..(last + 1)]) > MaxNodeBytes))
                {
                    _sinceTagOpen = MaxNodeBytes + 1;
                }
                else
                {
                    _sinceTagOpen = n - last - 1;
                }
            }

            if (_sinceTagOpen > MaxNodeBytes)
            {
                throw package._limits.Refuse(0, "-", string.Create(CultureInfo.InvariantCulture, $"part {Shown(part)} has an XML node (tag, attribute or text) longer than {MaxNodeBytes:#,0} bytes, near byte {_read:#,0}"));
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private static int LongestGap(ReadOnlySpan<byte> span)
        {
            var longest = 0;
            while (span.Length > 1)
            {
                var next = span[1..].IndexOf((byte)'<');
                if (next < 0)
                {
                    break;
                }

                longest = Math.Max(longest, next);
                span = span[(next + 1)..];
            }

            return longest;
        }
    }
}
