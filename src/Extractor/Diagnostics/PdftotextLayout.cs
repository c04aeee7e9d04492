using System.ComponentModel;
using System.Diagnostics;

namespace Extractor.Diagnostics;

/// <summary>
/// The page texts of poppler's <c>pdftotext -layout</c>, the independent reading the coverage measure counts against.
/// An external tool on purpose: a measure computed by our own layout code would share our own mistakes.
/// </summary>
public static class PdftotextLayout
{
    /// <summary>The layout text of each page (index 0 = page 1), or null when <c>pdftotext</c> is not on PATH or fails.</summary>
    public static IReadOnlyList<string>? TryRead(string pdfPath, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("pdftotext")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in new[] { "-q", "-layout", "-enc", "UTF-8", pdfPath, "-" }) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            var pages = stdout.Result.Split('\f');
            // pdftotext ends every page with a form feed, so the text after the last one is empty.
            return pages.Length > 1 && pages[^1].Trim().Length == 0 ? pages[..^1] : pages;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
