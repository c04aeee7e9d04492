using System.Diagnostics;
using Extractor.Model;
using Extractor.Ocr;
using Extractor.Pipeline;
using Extractor.Tests.Support;

namespace Extractor.Tests.Ocr;

/// <summary>
/// The seed's office rendering as a scan: every page rasterised at 150 dpi gray (`pdftoppm -r 150 -gray -png`) and
/// wrapped into an image-only PDF (`img2pdf`), made once per test run (5.9 MB: not committed), then extracted with
/// OCR once for all tests that read it.
/// </summary>
public static class ScannedSeed
{
    public const string Source = "urumqi-port-office-2025.office.pdf";

    private static readonly Lazy<(string Pdf, BudgetDocument Document)> Made = new(Make);

    public static string Pdf => Made.Value.Pdf;
    public static BudgetDocument Document => Made.Value.Document;

    private static (string, BudgetDocument) Make()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-scanned-seed-").FullName;
        Run("pdftoppm", "-r", "150", "-gray", "-png", Repo.Fixture(Source), Path.Combine(dir, "page"));
        var pages = Directory.GetFiles(dir, "page-*.png").Order(StringComparer.Ordinal).ToList();
        var pdf = Path.Combine(dir, "urumqi-port-office-2025.scanned.pdf");
        Run("img2pdf", [.. pages, "-o", pdf]);
        foreach (var page in pages) File.Delete(page);
        var document = DocumentExtractor.Extract(pdf, ExtractorOptions.Default with { Ocr = OcrOptions.Auto });
        return (pdf, document);
    }

    private static void Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start (.ci/run installs poppler-utils and img2pdf)");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {error.Result}");
    }
}
