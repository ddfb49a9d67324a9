using System.Buffers;
using System.Globalization;
using System.Text;

namespace PeakMonitor.Influx.LineProtocol;

/// <summary>
/// Renders points in InfluxDB's line protocol, as UTF-8, escaping as the v1 parser expects
/// (https://docs.influxdata.com/influxdb/v1/write_protocols/line_protocol_reference/): commas and
/// spaces in measurements; commas, spaces and equals signs in tag keys, tag values and field keys;
/// double quotes and backslashes in string field values. Anything the protocol cannot carry is
/// refused with a <see cref="LineProtocolException"/> naming the element.
/// </summary>
/// <remarks>
/// Writes bytes directly (no intermediate strings) and copies text that needs no escaping in one
/// go: rendering sits on the write path, and the write benchmark holds it to 0.9× of posting
/// pre-rendered bytes.
/// </remarks>
public sealed class LineBuilder
{
    private static readonly SearchValues<char> NameSpecials = SearchValues.Create(", =\\\n\r\t");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\");
    private byte[] _buffer;
    private int _length;
    private State _state = State.LineStart;

    public LineBuilder(int initialCapacity = 4096) => _buffer = new byte[Math.Max(initialCapacity, 64)];

    private enum State
    {
        LineStart,
        Tags,
        Fields,
    }

    /// <summary>The UTF-8 bytes rendered so far (not copied: do not keep rendering after taking them).</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>
    /// Renders a measurement and its tags once, validated and escaped, for <see cref="Series"/>:
    /// series repeat across many points, so their keys need not be escaped for every line.
    /// </summary>
    public static byte[] RenderSeriesKey(string measurement, params ReadOnlySpan<(string Key, string Value)> tags)
    {
        var builder = new LineBuilder(128).Measurement(measurement);
        foreach (var (key, value) in tags)
        {
            builder.Tag(key, value);
        }

        return builder.Written.ToArray();
    }

    /// <summary>Starts a line with a series key from <see cref="RenderSeriesKey"/>; fields follow.</summary>
    public LineBuilder Series(ReadOnlySpan<byte> seriesKey)
    {
        if (_state != State.LineStart)
        {
            throw new InvalidOperationException("Finish the previous line with Timestamp or EndLine first.");
        }

        seriesKey.CopyTo(Reserve(seriesKey.Length));
        _length += seriesKey.Length;
        _state = State.Tags;
        return this;
    }

    public LineBuilder Measurement(string name)
    {
        if (_state != State.LineStart)
        {
            throw new InvalidOperationException("Finish the previous line with Timestamp or EndLine first.");
        }

        AppendName(name, escapeEquals: false, "measurement", name);
        _state = State.Tags;
        return this;
    }

    public LineBuilder Tag(string key, string value)
    {
        if (_state != State.Tags)
        {
            throw new InvalidOperationException("Tags follow the measurement and come before fields.");
        }

        AppendByte((byte)',');
        AppendName(key, escapeEquals: true, "tag key", key);
        AppendByte((byte)'=');
        AppendName(value, escapeEquals: true, "tag value", key);
        return this;
    }

    public LineBuilder Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new LineProtocolException($"Field '{key}' is {value.ToString(CultureInfo.InvariantCulture)}: InfluxDB stores only finite numbers.");
        }

        BeginField(key);

        // The default format is the shortest text that parses back to the same double; always invariant culture.
        value.TryFormat(Reserve(32), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    public LineBuilder Field(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        BeginField(key);
        AppendByte((byte)'"');
        var rest = value.AsSpan();
        int i;
        while ((i = rest.IndexOfAny(StringSpecials)) >= 0)
        {
            AppendUtf8(rest[..i]);
            AppendByte((byte)'\\');
            AppendByte((byte)rest[i]);
            rest = rest[(i + 1)..];
        }

        AppendUtf8(rest);
        AppendByte((byte)'"');
        return this;
    }

    /// <summary>Ends the line with a timestamp in the write request's precision.</summary>
    public LineBuilder Timestamp(long timestamp)
    {
        EnsureHasField();
        AppendByte((byte)' ');
        timestamp.TryFormat(Reserve(24), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        AppendByte((byte)'\n');
        _state = State.LineStart;
        return this;
    }

    /// <summary>Ends the line without a timestamp (the server's clock is used).</summary>
    public LineBuilder EndLine()
    {
        EnsureHasField();
        AppendByte((byte)'\n');
        _state = State.LineStart;
        return this;
    }

    public override string ToString() => Encoding.UTF8.GetString(_buffer, 0, _length);

    private void BeginField(string key)
    {
        switch (_state)
        {
            case State.Tags:
                AppendByte((byte)' ');
                _state = State.Fields;
                break;
            case State.Fields:
                AppendByte((byte)',');
                break;
            default:
                throw new InvalidOperationException("A field needs a measurement first.");
        }

        AppendName(key, escapeEquals: true, "field key", key);
        AppendByte((byte)'=');
    }

    private void EnsureHasField()
    {
        if (_state != State.Fields)
        {
            throw new LineProtocolException("A point needs at least one field.");
        }
    }

    /// <summary>
    /// Names and tag values must be non-empty and on one line. InfluxDB 1.x keeps a backslash
    /// literally unless it escapes a comma, space or equals sign, so a backslash right before one of
    /// those, or at the very end, cannot be carried faithfully: refuse it instead of storing
    /// something else.
    /// </summary>
    private void AppendName(string? s, bool escapeEquals, string what, string name)
    {
        if (string.IsNullOrEmpty(s))
        {
            throw new LineProtocolException($"The {what} of '{name}' is empty.");
        }

        var span = s.AsSpan();
        if (span.IndexOfAny(NameSpecials) < 0 && !HasControl(span))
        {
            AppendUtf8(span);
            return;
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsControl(c))
            {
                throw new LineProtocolException($"The {what} '{Printable(s)}' contains a line break or control character (U+{(int)c:X4}), which line protocol cannot carry.");
            }

            if (c == '\\' && (i == s.Length - 1 || s[i + 1] is ',' or ' ' or '='))
            {
                throw new LineProtocolException($"The {what} '{Printable(s)}' has a backslash at its end or before a comma, space or equals sign, which InfluxDB 1.x cannot store faithfully.");
            }
        }

        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is ',' or ' ' || (escapeEquals && s[i] == '='))
            {
                AppendUtf8(span[start..i]);
                AppendByte((byte)'\\');
                start = i;
            }
        }

        AppendUtf8(span[start..]);
    }

    private static bool HasControl(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private void AppendUtf8(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return;
        }

        _length += Encoding.UTF8.GetBytes(s, Reserve(s.Length * 3));
    }

    private void AppendByte(byte b)
    {
        if (_length == _buffer.Length)
        {
            Reserve(1);
        }

        _buffer[_length++] = b;
    }

    /// <summary>Room for at least <paramref name="count"/> more bytes, growing by doubling.</summary>
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        return _buffer.AsSpan(_length);
    }

    private static string Printable(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
