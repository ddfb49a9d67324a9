using System.Diagnostics;
using System.Globalization;

namespace PeakMonitor.Reports.Tests;

/// <summary>Reads PDF files the way a reader would see them, with poppler's tools (installed by scripts/setup.sh).</summary>
internal static class PdfFiles
{
    /// <summary>The text of the whole file, or of one page, in its printed layout.</summary>
    public static string Text(string pdf, int? page = null)
    {
        string[] args = page is { } p ? ["-layout", "-f", $"{p}", "-l", $"{p}", pdf, "-"] : ["-layout", pdf, "-"];
        using var process = Process.Start(new ProcessStartInfo("pdftotext", args) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    /// <summary>The number of pages, as pdfinfo reports it.</summary>
    public static int Pages(string pdf)
    {
        using var process = Process.Start(new ProcessStartInfo("pdfinfo", [pdf]) { RedirectStandardOutput = true })!;
        var info = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
    }
}
