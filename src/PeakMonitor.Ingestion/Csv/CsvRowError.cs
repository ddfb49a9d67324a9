namespace PeakMonitor.Ingestion.Csv;

/// <summary>One problem in a data file: where it is (file, line, column), the offending value and why.</summary>
public sealed record CsvRowError(string File, int Line, string Column, string? Value, string Reason)
{
    public override string ToString() =>
        Value is null
            ? $"{File}, line {Line}, column '{Column}': {Reason}"
            : $"{File}, line {Line}, column '{Column}', value '{Value}': {Reason}";
}

/// <summary>A file was rejected; nothing from it was stored. <see cref="Errors"/> lists every bad row.</summary>
public sealed class CsvImportException(IReadOnlyList<CsvRowError> errors)
    : Exception(Describe(errors))
{
    private const int Shown = 50;

    public IReadOnlyList<CsvRowError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<CsvRowError> errors)
    {
        var files = string.Join(", ", errors.Select(e => e.File).Distinct());
        var lines = errors.Take(Shown).Select(e => "  " + e);
        var more = errors.Count > Shown ? [$"  … and {errors.Count - Shown} more"] : Array.Empty<string>();
        return string.Join('\n', [$"Rejected {files}: {errors.Count} problem(s); nothing was stored.", .. lines, .. more]);
    }
}
