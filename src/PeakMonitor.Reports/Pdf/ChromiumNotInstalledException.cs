namespace PeakMonitor.Reports.Pdf;

public sealed class ChromiumNotInstalledException(string path)
    : Exception($"Cannot render PDF: Chromium was not found at '{path}'. Install Debian's 'chromium' and 'fonts-noto-cjk' packages (sudo apt-get install chromium fonts-noto-cjk), or set Reports:ChromiumPath.");
