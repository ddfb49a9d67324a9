using System.Globalization;
using System.Text;

namespace PeakMonitor.Influx.LineProtocol;

/// <summary>
/// Renders points in InfluxDB's line protocol into a <see cref="StringBuilder"/>, escaping as the
/// v1 parser expects (https://docs.influxdata.com/influxdb/v1/write_protocols/line_protocol_reference/):
/// commas and spaces in measurements; commas, spaces and equals signs in tag keys, tag values and
/// field keys; double quotes and backslashes in string field values. Anything the protocol cannot
/// carry is refused with a <see cref="LineProtocolException"/> naming the element.
/// </summary>
public sealed class LineBuilder
{
    private readonly StringBuilder _sb;
    private State _state = State.LineStart;

    public LineBuilder(StringBuilder? target = null) => _sb = target ?? new StringBuilder();

    private enum State
    {
        LineStart,
        Tags,
        Fields,
    }

    public StringBuilder Target => _sb;

    public LineBuilder Measurement(string name)
    {
        if (_state != State.LineStart)
        {
            throw new InvalidOperationException("Finish the previous line with Timestamp or EndLine first.");
        }

        CheckIdentifier(name, "measurement", "measurement");
        AppendEscaped(name, escapeEquals: false);
        _state = State.Tags;
        return this;
    }

    public LineBuilder Tag(string key, string value)
    {
        if (_state != State.Tags)
        {
            throw new InvalidOperationException("Tags follow the measurement and come before fields.");
        }

        CheckIdentifier(key, "tag key", key);
        CheckIdentifier(value, "tag value", key);
        _sb.Append(',');
        AppendEscaped(key, escapeEquals: true);
        _sb.Append('=');
        AppendEscaped(value, escapeEquals: true);
        return this;
    }

    public LineBuilder Field(string key, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new LineProtocolException($"Field '{key}' is {value.ToString(CultureInfo.InvariantCulture)}: InfluxDB stores only finite numbers.");
        }

        BeginField(key);

        // "R" is the shortest text that parses back to the same double; always invariant culture.
        _sb.Append(value.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    public LineBuilder Field(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        BeginField(key);
        _sb.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                _sb.Append('\\');
            }

            _sb.Append(c);
        }

        _sb.Append('"');
        return this;
    }

    /// <summary>Ends the line with a timestamp in the write request's precision.</summary>
    public LineBuilder Timestamp(long timestamp)
    {
        EnsureHasField();
        _sb.Append(' ').Append(timestamp.ToString(CultureInfo.InvariantCulture)).Append('\n');
        _state = State.LineStart;
        return this;
    }

    /// <summary>Ends the line without a timestamp (the server's clock is used).</summary>
    public LineBuilder EndLine()
    {
        EnsureHasField();
        _sb.Append('\n');
        _state = State.LineStart;
        return this;
    }

    public override string ToString() => _sb.ToString();

    private void BeginField(string key)
    {
        CheckIdentifier(key, "field key", key);
        switch (_state)
        {
            case State.Tags:
                _sb.Append(' ');
                _state = State.Fields;
                break;
            case State.Fields:
                _sb.Append(',');
                break;
            default:
                throw new InvalidOperationException("A field needs a measurement first.");
        }

        AppendEscaped(key, escapeEquals: true);
        _sb.Append('=');
    }

    private void EnsureHasField()
    {
        if (_state != State.Fields)
        {
            throw new LineProtocolException("A point needs at least one field.");
        }
    }

    private void AppendEscaped(string s, bool escapeEquals)
    {
        foreach (var c in s)
        {
            if (c is ',' or ' ' || (escapeEquals && c == '='))
            {
                _sb.Append('\\');
            }

            _sb.Append(c);
        }
    }

    /// <summary>
    /// Names and tag values must be non-empty and on one line. InfluxDB 1.x keeps a backslash
    /// literally unless it escapes a comma, space or equals sign, so a backslash right before one of
    /// those, or at the very end, cannot be carried faithfully: refuse it instead of storing
    /// something else.
    /// </summary>
    private static void CheckIdentifier(string? s, string what, string name)
    {
        if (string.IsNullOrEmpty(s))
        {
            throw new LineProtocolException($"The {what} of '{name}' is empty.");
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '\n' or '\r' or '\t' || char.IsControl(c))
            {
                throw new LineProtocolException($"The {what} '{Printable(s)}' contains a line break or control character (U+{(int)c:X4}), which line protocol cannot carry.");
            }

            if (c == '\\' && (i == s.Length - 1 || s[i + 1] is ',' or ' ' or '='))
            {
                throw new LineProtocolException($"The {what} '{Printable(s)}' has a backslash at its end or before a comma, space or equals sign, which InfluxDB 1.x cannot store faithfully.");
            }
        }
    }

    private static string Printable(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
