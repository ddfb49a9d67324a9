using System.Text.Json;

namespace PeakMonitor.Influx.Http;

/// <summary>
/// An InfluxQL statement with bound parameters. Values reach the server only through the
/// <c>params</c> form field, never as query text, so user input cannot change a query's meaning.
/// Identifiers cannot be bound in InfluxQL: statement text must be written by the program, not
/// assembled from input.
/// </summary>
public sealed class InfluxQuery
{
    private readonly Dictionary<string, object> _parameters = new(StringComparer.Ordinal);

    public InfluxQuery(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text;
    }

    public string Text { get; }

    public IReadOnlyDictionary<string, object> Parameters => _parameters;

    public InfluxQuery Bind(string name, string value) => Set(name, value);

    public InfluxQuery Bind(string name, double value) =>
        double.IsFinite(value) ? Set(name, value) : throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers can be bound.");

    public InfluxQuery Bind(string name, long value) => Set(name, value);

    public InfluxQuery Bind(string name, bool value) => Set(name, value);

    /// <summary>Binds an instant as RFC 3339 text, which InfluxQL compares with <c>time</c>.</summary>
    public InfluxQuery Bind(string name, DateTimeOffset value) =>
        Set(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    public string ParametersJson() => JsonSerializer.Serialize(_parameters);

    public override string ToString() => Text;

    private InfluxQuery Set(string name, object value)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Parameter name '{name}' must be letters, digits or '_'.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(value);
        _parameters[name] = value;
        return this;
    }
}
