using Extractor.Model;
using Extractor.Pdf;

namespace Extractor.Output.Review;

/// <summary>What one written report costs: its HTML and files folder in bytes, and the pages rendered.</summary>
public sealed record WrittenReport(string HtmlPath, long Bytes, int Tables, int PagesRendered, string? Note);

/// <summary>
/// Writes one document's review report: `REPORT.html` and `REPORT_files/` (page images, text-layer scripts) beside it.
/// The page models come from the extraction when it just ran (`review PDF`) or are read again from the source PDF.
/// </summary>
public static class ReviewReportFiles
{
    public static WrittenReport Write(ReviewInput input, string? pdfPath, IReadOnlyDictionary<int, PageModel>? pages,
        string htmlPath, string decisionsName, ReviewDecisions? decisions, IPageRenderer? renderer, CancellationToken cancel = default)
    {
        var wanted = input.Tables.SelectMany(t => t.Pages).Where(p => p > 0).ToHashSet();
        string? note = null;
        var pdfFound = pdfPath is not null && File.Exists(pdfPath);
        if (pages is null)
        {
            if (pdfFound) pages = ReadPages(pdfPath!, wanted, ref note);
            else
            {
                pages = new Dictionary<int, PageModel>();
                note = $"The source PDF ({pdfPath ?? input.SourceFile}) was not found: only the extracted tables are shown.";
            }
        }
        var images = pdfFound && renderer is { Unavailable: null } ? renderer.Render(pdfPath!, wanted, cancel) : new Dictionary<int, PageImage>();
        if (images.Count == 0 && wanted.Count > 0)
            note ??= renderer?.Unavailable ?? "Pages are redrawn from the text layer only: `extractor-cli review PDF` (with poppler's pdftoppm on PATH) renders them.";

        var full = Path.GetFullPath(htmlPath);
        var folderName = Path.GetFileNameWithoutExtension(full) + "_files";
        var folder = Path.Combine(Path.GetDirectoryName(full)!, folderName);
        var report = ReviewReportWriter.Render(input, new ReviewPageSources(pages, images, folderName, decisionsName, note, decisions));

        // Files of an earlier run that this one does not write (other pages, another image format) are removed.
        var names = report.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        if (Directory.Exists(folder))
            foreach (var stale in Directory.EnumerateFiles(folder).Where(f => !names.Contains(Path.GetFileName(f)))) File.Delete(stale);
        foreach (var file in report.Files) AtomicFile.Write(Path.Combine(folder, file.Name), file.Bytes);
        AtomicFile.Write(full, report.Html);
        var bytes = new FileInfo(full).Length + report.Files.Sum(f => (long)f.Bytes.Length);
        return new WrittenReport(full, bytes, input.Tables.Count, images.Count, note);
    }

    private static Dictionary<int, PageModel> ReadPages(string pdfPath, IReadOnlySet<int> wanted, ref string? note)
    {
        var pages = new Dictionary<int, PageModel>();
        try
        {
            using var reader = PdfPageReader.Open(File.ReadAllBytes(pdfPath), Path.GetFileName(pdfPath));
            foreach (var number in wanted.Order())
            {
                if (number > reader.PageCount) continue;
                try { pages[number] = reader.ReadPage(number); }
                catch (PdfReadException e) { note = e.Message; }
            }
        }
        catch (PdfReadException e) { note = e.Message; }
        return pages;
    }
}
