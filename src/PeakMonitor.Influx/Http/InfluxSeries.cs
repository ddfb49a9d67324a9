namespace PeakMonitor.Influx.Http;

/// <summary>
/// One series of a query result. Cells are <see cref="long"/> for the time column (epoch seconds),
/// <see cref="double"/> for other numbers, <see cref="string"/>, <see cref="bool"/> or null.
/// </summary>
public sealed class InfluxSeries(string name, IReadOnlyDictionary<string, string> tags, IReadOnlyList<string> columns)
{
    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Tags { get; } = tags;

    public IReadOnlyList<string> Columns { get; } = columns;

    public List<object?[]> Values { get; } = [];

    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>The series of one statement, in the order the server sent them.</summary>
public sealed class InfluxStatementResult(int statementId)
{
    public int StatementId { get; } = statementId;

    public List<InfluxSeries> Series { get; } = [];
}
